import { defineRule } from './types';

/**
 * W13: a sidecar's readinessProbe takes part in the Pod's Ready condition, like an app container's.
 * Information only: often intended (a mesh proxy), but a flapping sidecar takes the Pod out of its
 * Services and stalls rollouts although the app is fine.
 */
export const sidecarReadinessGatesPod = defineRule({
  meta: {
    id: 'sidecar-readiness-gates-pod',
    catalogueId: 'W13',
    group: 'runtime',
    description: 'A sidecar with a `readinessProbe`: its result decides whether the whole Pod is Ready.',
    defaultSeverity: 'information',
    fixable: false,
    versions: 'Native sidecars (Kubernetes 1.28+).',
    messages: {
      gatesPod:
        'The `readinessProbe` of {{container}} also decides whether the Pod is Ready: while it fails, the Pod is removed from the endpoints of its Services and a rollout waits, even if the app containers are healthy. Intended for a proxy that must carry the traffic; for an auxiliary sidecar (log shipper, metrics agent) prefer a `startupProbe` and a `livenessProbe`.',
    },
  },
  checkPod(pod, context) {
    for (const container of pod.initContainers) {
      if (container.role !== 'sidecar') continue;
      const pair = container.pairs.get('readinessProbe');
      if (!pair) continue;
      context.report({ at: pair.key, messageId: 'gatesPod', data: { container: container.label } });
    }
  },
});
