import { defineRule } from './types';
import { gateEnabled } from '../service/featureGates';
import { sentence } from './commandUtils';
import { dependsOn } from '../service/command/dependencies';
import { containerAnchor } from './hygieneUtils';
import { sidecarOrderFix } from '../service/fixes/runtime';

/**
 * W07: an init container (regular or sidecar) listed BEFORE a sidecar it needs. Init containers start
 * strictly in order and a sidecar only starts when its turn comes, so the dependent runs without it.
 * "Needs" is decided from the command (service/command/dependencies.ts): it connects to a local port the
 * sidecar listens on, uses the sidecar's Unix socket, talks to a database through a database-proxy
 * sidecar, or (regular init containers only) opens network connections while a mesh proxy that
 * intercepts traffic is listed later. Reported at the dependent container's name.
 */
export const sidecarOrderingDependency = defineRule({
  meta: {
    id: 'sidecar-ordering-dependency',
    catalogueId: 'W07',
    group: 'runtime',
    description: 'An init container listed before the sidecar it depends on.',
    defaultSeverity: 'warning',
    fixable: true,
    versions: 'Native sidecars: Kubernetes 1.29+ (1.28 with the `SidecarContainers` feature gate).',
    messages: {
      beforeSidecar:
        '{{Container}} {{reason}}, which needs {{sidecar}}, but it is listed before it. Init containers start strictly in order and a sidecar only starts when its turn comes, so {{container}} runs while {{sidecar}} is not there yet{{consequence}}. Move {{sidecar}} above it (sidecars are also stopped in reverse order, so "dependencies first" is right for shutdown too).',
    },
  },
  checkPod(pod, context) {
    // Without native sidecars `restartPolicy: Always` is rejected or dropped (W02/E03 report that).
    if (!gateEnabled(context.settings, 'SidecarContainers')) return;
    const sidecars = pod.initContainers.filter((c) => c.role === 'sidecar');
    if (sidecars.length === 0) return;
    for (const container of pod.initContainers) {
      if (container.role !== 'init' && container.role !== 'sidecar') continue;
      for (const sidecar of sidecars) {
        if (sidecar.index <= container.index) continue;
        const dep = dependsOn(container, sidecar, pod);
        if (!dep) continue;
        const consequence = container.role === 'init' ? ': its connections fail and it retries or blocks the pod in `Init`' : ': its first connections fail';
        context.report({
          at: containerAnchor(container),
          messageId: 'beforeSidecar',
          data: { container: container.label, Container: sentence(container.label), sidecar: sidecar.label, reason: dep.reason, consequence },
          related: [{ at: containerAnchor(sidecar), message: `${sidecar.label} starts only after it` }],
        });
        break;
      }
    }
  },
  fix: sidecarOrderFix,
});
