import { defineRule } from './types';
import { gateEnabled } from '../service/featureGates';
import { sentence } from './commandUtils';
import type { ContainerModel } from './types';
import { dependsOn, startupGated, waitsFor } from '../service/command/dependencies';
import { containerAnchor } from './hygieneUtils';
import { startupProbeFix } from '../service/fixes/runtime';

/**
 * W08: a sidecar with no `startupProbe` (and no `postStart` hook) followed by a regular init container
 * that needs it (same "needs" as W07). The next init container starts as soon as the sidecar's process
 * has started, so its first connections race the sidecar's start-up. Silent when the dependent waits for
 * the sidecar itself (a loop probing the port, `pilot-agent wait`, `linkerd-await`). Reported at the
 * sidecar's name, once, listing the dependents.
 */
export const sidecarNoStartupProbeBeforeDependent = defineRule({
  meta: {
    id: 'sidecar-no-startup-probe-before-dependent',
    catalogueId: 'W08',
    group: 'runtime',
    description: 'A sidecar without a startupProbe that a later init container depends on.',
    defaultSeverity: 'warning',
    fixable: true,
    versions: 'Native sidecars: Kubernetes 1.29+ (1.28 with the `SidecarContainers` feature gate).',
    messages: {
      noStartupProbe:
        '{{Sidecar}} has no `startupProbe`, and {{dependents}} after it {{reason}}. The next init container starts as soon as the sidecar\'s process has started, not when it is ready, so the first connections race its start-up and can fail. Add a `startupProbe` to {{sidecar}} (e.g. `tcpSocket` on the port it serves{{port}}); the next init container then starts only once it succeeds.',
    },
  },
  checkPod(pod, context) {
    // Without native sidecars `restartPolicy: Always` is rejected or dropped (W02/E03 report that).
    if (!gateEnabled(context.settings, 'SidecarContainers')) return;
    pod.initContainers.forEach((sidecar) => {
      if (sidecar.role !== 'sidecar' || startupGated(sidecar, pod.yaml)) return;
      const dependents: Array<{ container: ContainerModel; reason: string; port: number | undefined }> = [];
      for (const c of pod.initContainers) {
        if (c.index <= sidecar.index || c.role !== 'init') continue;
        const dep = dependsOn(c, sidecar, pod);
        if (dep && !waitsFor(c, dep, pod.yaml)) dependents.push({ container: c, reason: dep.reason, port: dep.port });
      }
      const first = dependents[0];
      if (!first) return;
      const port = dependents.find((d) => d.port !== undefined)?.port;
      context.report({
        at: containerAnchor(sidecar),
        messageId: 'noStartupProbe',
        data: {
          sidecar: sidecar.label,
          Sidecar: sentence(sidecar.label),
          dependents: dependents.map((d) => d.container.label).join(', '),
          reason: dependents.length === 1 ? first.reason : `${first.reason} (and others use it too)`,
          port: port === undefined ? '' : `, \`${port}\``,
        },
        related: dependents.map((d) => ({ at: containerAnchor(d.container), message: `${d.container.label} ${d.reason}` })),
      });
    });
  },
  fix: startupProbeFix,
});
