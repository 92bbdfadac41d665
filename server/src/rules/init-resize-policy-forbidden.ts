import { defineRule } from './types';
import { gateEnabled } from '../service/featureGates';
import { versionAtLeast } from '../service/settings';
import { seqItems } from '../service/parse/nav';
import { removeReportedFieldFix } from '../service/fixes/api';

export const initResizePolicyForbidden = defineRule({
  meta: {
    id: 'init-resize-policy-forbidden',
    catalogueId: 'E22',
    group: 'api',
    description:
      '`resizePolicy` on a regular init container (always rejected) or on a sidecar where in-place resize of sidecars is not available (before Kubernetes 1.33, or with the InPlacePodVerticalScaling gate off).',
    defaultSeverity: 'error',
    fixable: true,
    versions:
      'Regular init containers: rejected by every version. Sidecars: rejected by Kubernetes before 1.33; from 1.33 accepted while the feature gate InPlacePodVerticalScaling is on (beta, on by default).',
    messages: {
      init:
        '{{container}} sets `resizePolicy`, but a regular init container runs to completion before the app starts and is never resized in place. Remove it (only sidecars, `restartPolicy: Always`, may have one, from Kubernetes 1.33). API server: `{{path}}.resizePolicy: Invalid value: …: must not be set for init containers`',
      sidecarVersion:
        '{{container}} sets `resizePolicy`: rejected by Kubernetes before 1.33 on every init container, sidecars included (you selected {{version}}). Remove it, or target 1.33 or later, where sidecars may have one. API server: `{{path}}.resizePolicy: Invalid value: …: must not be set for init containers`',
      sidecarGate:
        '{{container}} sets `resizePolicy`, but the feature gate InPlacePodVerticalScaling is off in your settings, so the API server treats it like any init container and rejects it. API server: `{{path}}.resizePolicy: Invalid value: …: must not be set for init containers`',
    },
  },
  checkPod(pod, context) {
    const settings = context.settings;
    const sidecarAllowed = versionAtLeast(settings, '1.33') && gateEnabled(settings, 'InPlacePodVerticalScaling');
    for (const container of pod.initContainers) {
      const pair = container.pairs.get('resizePolicy');
      // `resizePolicy: []` or an empty value is an empty list: `len(ctr.ResizePolicy) > 0` is false.
      if (!pair || seqItems(pair.value, pod.yaml).length === 0 || (container.role === 'sidecar' && sidecarAllowed)) continue;
      const messageId = container.role === 'init' ? 'init' : versionAtLeast(settings, '1.33') ? 'sidecarGate' : 'sidecarVersion';
      context.report({
        at: pair.key,
        messageId,
        data: { container: container.label, path: container.path, version: settings.kubernetesVersion },
        fix: { remove: 'resizePolicy' },
      });
    }
  },
  fix: removeReportedFieldFix,
});
