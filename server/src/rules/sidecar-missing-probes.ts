import { defineRule } from './types';
import { containerAnchor } from './hygieneUtils';
import { sidecarProbeFix } from '../service/fixes/hygiene';

export const sidecarMissingProbes = defineRule({
  meta: {
    id: 'sidecar-missing-probes',
    catalogueId: 'H06',
    group: 'hygiene',
    description: 'A native sidecar without any probe.',
    defaultSeverity: 'information',
    fixable: true,
    versions: 'Probes on sidecars are allowed from Kubernetes 1.28.',
    messages: {
      noProbes: 'The sidecar {{name}} has no `startupProbe`, `readinessProbe` or `livenessProbe`. The next init container starts as soon as the sidecar process exists, and a hung sidecar is never restarted; a `startupProbe` gates the rest of the startup sequence on it being ready, a `livenessProbe` restarts it when it hangs.',
    },
  },
  checkPod(pod, context) {
    for (const container of pod.initContainers) {
      if (container.role !== 'sidecar') continue;
      if (['startupProbe', 'readinessProbe', 'livenessProbe'].some((p) => container.pairs.has(p))) continue;
      context.report({ at: containerAnchor(container), messageId: 'noProbes', data: { name: container.name ? `\`${container.name}\`` : `${container.index + 1}` } });
    }
  },
  fix: sidecarProbeFix,
});
