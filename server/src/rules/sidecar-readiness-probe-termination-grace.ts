import { defineRule } from './types';
import { scalarValue } from '../service/parse/nav';
import { handlerSites, isSet, siteLabel } from './probeHandlers';
import { removeReportedFieldFix } from '../service/fixes/api';

/** Probe fields that must not be negative (`validateProbe`); 0 means "use the default" for most of them. */
const NON_NEGATIVE = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const;

export const sidecarReadinessProbeTerminationGrace = defineRule({
  meta: {
    id: 'sidecar-readiness-probe-termination-grace',
    catalogueId: 'E15',
    group: 'api',
    description:
      '`terminationGracePeriodSeconds` on a `readinessProbe`, a probe-level grace period of 0 or less, or a negative probe timing field, on a sidecar or app container.',
    defaultSeverity: 'error',
    fixable: true,
    versions: 'Rejected by every Kubernetes version; sidecar probes are validated like app container probes from 1.28.',
    messages: {
      readinessGrace:
        '`terminationGracePeriodSeconds` on {{probe}} is rejected: a failing readiness probe never kills the container, so there is no grace period to shorten (move it to the `livenessProbe` or `startupProbe`, or drop it). API server: `{{path}}: Invalid value: {{value}}: must not be set for readinessProbes`',
      graceNotPositive:
        '`terminationGracePeriodSeconds: {{value}}` on {{probe}} is rejected: a probe-level grace period must be at least 1 second (omit it to use the pod\'s). API server: `{{path}}: Invalid value: {{value}}: must be greater than 0`',
      negative:
        '`{{field}}: {{value}}` on {{probe}} is rejected: probe timings and thresholds cannot be negative (0 or omitted means the default). API server: `{{path}}: Invalid value: {{value}}: must be greater than or equal to 0`',
    },
  },
  checkPod(pod, context) {
    for (const site of handlerSites(pod)) {
      if (site.kind !== 'probe') continue;
      const probe = siteLabel(site);
      const grace = site.fields.get('terminationGracePeriodSeconds');
      if (isSet(grace)) {
        const value = scalarValue(grace.value);
        const path = `${site.path}.terminationGracePeriodSeconds`;
        if (site.key === 'readinessProbe') {
          context.report({ at: grace.key, messageId: 'readinessGrace', data: { probe, value: String(value), path }, fix: { remove: 'terminationGracePeriodSeconds' } });
        } else if (typeof value === 'number' && value <= 0) {
          context.report({ at: grace.value, messageId: 'graceNotPositive', data: { probe, value, path }, fix: { value } });
        }
      }
      for (const field of NON_NEGATIVE) {
        // A negative liveness/startup successThreshold is reported by sidecar-probe-success-threshold ("must be 1").
        if (field === 'successThreshold' && site.key !== 'readinessProbe') continue;
        const pair = site.fields.get(field);
        if (!isSet(pair)) continue;
        const value = scalarValue(pair.value);
        if (typeof value !== 'number' || value >= 0) continue;
        context.report({ at: pair.value, messageId: 'negative', data: { probe, field, value, path: `${site.path}.${field}` }, fix: { field, value } });
      }
    }
  },
  fix: removeReportedFieldFix,
});
