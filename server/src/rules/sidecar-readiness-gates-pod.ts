import { defineRule } from './types';
import type { ContainerModel } from './types';

/**
 * A sidecar that carries the pod's traffic (a mesh or database proxy): its readiness gating the Pod is
 * the point, so it is not reported. Recognised by the word `proxy` or `envoy` in its name or in the
 * image's repository name (`istio/proxyv2`, `cr.l5d.io/linkerd/proxy`, `envoyproxy/envoy`,
 * `cloud-sql-proxy`, `oauth2-proxy`).
 */
export function isTrafficProxy(container: ContainerModel): boolean {
  const repository = (container.image ?? '').replace(/[@:][^/]*$/, '').split('/').pop() ?? '';
  return [container.name ?? '', repository].some((s) => /proxy|envoy/i.test(s));
}

/**
 * W13: a sidecar's readinessProbe takes part in the Pod's Ready condition, like an app container's.
 * Information only, and not for traffic proxies, where that is intended; for an auxiliary sidecar
 * (log shipper, metrics agent) a flapping probe takes the Pod out of its Services and stalls rollouts.
 */
export const sidecarReadinessGatesPod = defineRule({
  meta: {
    id: 'sidecar-readiness-gates-pod',
    catalogueId: 'W13',
    group: 'runtime',
    description: 'A sidecar (other than a traffic proxy) with a `readinessProbe`: its result decides whether the whole Pod is Ready.',
    defaultSeverity: 'information',
    fixable: false,
    versions: 'Native sidecars (Kubernetes 1.28+).',
    messages: {
      gatesPod:
        'The `readinessProbe` of {{container}} also decides whether the Pod is Ready: while it fails, the Pod is removed from the endpoints of its Services and a rollout waits, even if the app containers are healthy. For a sidecar that does not carry the traffic (log shipper, metrics agent), prefer a `startupProbe` (start-up order) and a `livenessProbe` (restarts).',
    },
  },
  checkPod(pod, context) {
    for (const container of pod.initContainers) {
      if (container.role !== 'sidecar' || isTrafficProxy(container)) continue;
      const pair = container.pairs.get('readinessProbe');
      if (!pair) continue;
      context.report({ at: pair.key, messageId: 'gatesPod', data: { container: container.label } });
    }
  },
});
