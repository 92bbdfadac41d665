import { defineRule } from './types';
import { PROBE_KEYS, fieldPath } from './ruleUtils';
import { versionAtLeast } from '../service/settings';
import { containerTarget, makeSidecarFix, removeFieldFix } from '../service/fixes/common';

export const initProbeForbidden = defineRule({
  meta: {
    id: 'init-probe-forbidden',
    catalogueId: 'E01',
    group: 'api',
    description: 'A probe on an init container that is not a sidecar (no `restartPolicy: Always`).',
    defaultSeverity: 'error',
    fixable: true,
    versions: 'Always rejected; from Kubernetes 1.28 probes are allowed on sidecars (init containers with `restartPolicy: Always`).',
    messages: {
      forbidden:
        'The {{probe}} of {{container}} is rejected: an init container runs to completion before the app starts, so it cannot be probed unless it is a sidecar (`restartPolicy: Always`). API server: `{{path}}: Forbidden: may not be set for init containers without restartPolicy=Always`',
      forbiddenLegacy:
        'The {{probe}} of {{container}} is rejected: init containers cannot be probed, and Kubernetes {{version}} has no native sidecars. API server: `{{path}}: Invalid value: …: must not be set for init containers`',
    },
  },
  checkPod(pod, context) {
    const legacy = !versionAtLeast(context.settings, '1.28');
    for (const container of pod.initContainers) {
      if (container.role !== 'init') continue;
      for (const probe of PROBE_KEYS) {
        const pair = container.pairs.get(probe);
        if (!pair) continue;
        context.report({
          at: pair.key,
          messageId: legacy ? 'forbiddenLegacy' : 'forbidden',
          data: { probe: `\`${probe}\``, container: container.label, path: fieldPath(container, probe), version: context.settings.kubernetesVersion },
          fix: { probe },
        });
      }
    }
  },
  fix(input) {
    const t = containerTarget(input);
    const probe = (input.data.fix as { probe?: string } | undefined)?.probe;
    if (!t || !probe) return [];
    return [...removeFieldFix(t, probe), ...makeSidecarFix(input, t)];
  },
});
