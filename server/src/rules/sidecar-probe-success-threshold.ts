import { defineRule } from './types';
import { scalarValue } from '../service/parse/nav';
import { handlerSites, isSet, siteLabel } from './probeHandlers';
import { successThresholdFixes } from '../service/fixes/api';

export const sidecarProbeSuccessThreshold = defineRule({
  meta: {
    id: 'sidecar-probe-success-threshold',
    catalogueId: 'E14',
    group: 'api',
    description: '`successThreshold` other than 1 on a `livenessProbe` or `startupProbe` of a sidecar or app container.',
    defaultSeverity: 'error',
    fixable: true,
    versions: 'Rejected by every Kubernetes version; sidecar probes are validated like app container probes from 1.28.',
    messages: {
      mustBeOne:
        '`successThreshold: {{value}}` on {{probe}} is rejected: a liveness or startup probe succeeds on its first success, so the threshold must be 1 (omit it, or use a `readinessProbe` to require several successes). API server: `{{path}}: Invalid value: {{value}}: must be 1`',
    },
  },
  checkPod(pod, context) {
    for (const site of handlerSites(pod)) {
      if (site.kind !== 'probe' || site.key === 'readinessProbe') continue;
      const pair = site.fields.get('successThreshold');
      if (!isSet(pair)) continue;
      const value = scalarValue(pair.value);
      // 0 is defaulted to 1 by the API server before validation.
      if (typeof value !== 'number' || !Number.isInteger(value) || value === 0 || value === 1) continue;
      context.report({
        at: pair.value,
        messageId: 'mustBeOne',
        data: { value, probe: siteLabel(site), path: `${site.path}.successThreshold` },
        fix: { value },
      });
    }
  },
  fix: successThresholdFixes,
});
