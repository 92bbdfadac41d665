import { defineRule } from './types';
import { fieldPath } from './ruleUtils';
import { gateEnabled } from '../service/featureGates';
import { versionAtLeast } from '../service/settings';

/**
 * W02: a native sidecar (`initContainers[].restartPolicy: Always`) for a Kubernetes version that does
 * not run it as one. Before 1.28 the field does not exist (strict decoding rejects it, lenient clients
 * prune it); on 1.28 with the `SidecarContainers` gate off the API server drops it. Either way the
 * container becomes a regular init container that never exits.
 */
export const nativeSidecarMinVersion = defineRule({
  meta: {
    id: 'native-sidecar-min-version',
    catalogueId: 'W02',
    group: 'runtime',
    description: 'A native sidecar (`restartPolicy: Always` on an init container) for a Kubernetes version or feature-gate setting without native sidecars.',
    defaultSeverity: 'warning',
    fixable: false,
    versions: 'Native sidecars: 1.28 alpha (gate `SidecarContainers`, off), 1.29 beta (on by default), 1.33 GA. Error before 1.28, warning on 1.28 with the gate off.',
    messages: {
      unknownField:
        '`restartPolicy: Always` makes {{container}} a native sidecar, but Kubernetes {{version}} has no native sidecars (they arrive in 1.28, on by default from 1.29). kubectl\'s strict field validation rejects the object: `strict decoding error: unknown field "{{path}}"`; a client without strict validation drops the field, and then the container runs as a regular init container that never exits, so the pod stays in `Init:{{done}}/{{total}}` forever.',
      gateOff:
        '`restartPolicy: Always` makes {{container}} a native sidecar, but on Kubernetes {{version}} the `SidecarContainers` feature gate is off: the API server silently drops the field, the container runs as a regular init container that never exits, and the pod stays in `Init:{{done}}/{{total}}` (Pending) forever. Target 1.29 or later, or enable the gate on the API server and on every kubelet.',
    },
  },
  checkPod(pod, context) {
    if (gateEnabled(context.settings, 'SidecarContainers')) return;
    const known = versionAtLeast(context.settings, '1.28');
    const total = pod.initContainers.length;
    for (const container of pod.initContainers) {
      if (container.role !== 'sidecar') continue;
      const pair = container.pairs.get('restartPolicy');
      if (!pair) continue;
      context.report({
        at: pair.key,
        messageId: known ? 'gateOff' : 'unknownField',
        severity: known ? 'warning' : 'error',
        data: {
          container: container.label,
          version: context.settings.kubernetesVersion,
          path: fieldPath(container, 'restartPolicy'),
          done: container.index,
          total,
        },
      });
    }
  },
});
