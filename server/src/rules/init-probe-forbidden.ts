import { defineRule } from './types';
import { PROBE_KEYS, fieldPath } from './ruleUtils';
import { versionAtLeast } from '../service/settings';
import { gateEnabled } from '../service/featureGates';
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
      sidecarDropped:
        'The {{probe}} of {{container}} is rejected: with the `SidecarContainers` feature gate off, Kubernetes {{version}} drops `restartPolicy: Always`, so this is a regular init container, which cannot be probed (native sidecars are on by default from 1.29). API server: `{{path}}: Forbidden: may not be set for init containers without restartPolicy=Always`',
    },
  },
  checkPod(pod, context) {
    const legacy = !versionAtLeast(context.settings, '1.28');
    // Where native sidecars are unknown (before 1.28) or dropped (`SidecarContainers` off), `restartPolicy: Always`
    // is pruned before validation, so a sidecar's probes and hooks are rejected like a regular init container's.
    const sidecarsDropped = legacy || !gateEnabled(context.settings, 'SidecarContainers');
    for (const container of pod.initContainers) {
      if (container.role !== 'init' && !(container.role === 'sidecar' && sidecarsDropped)) continue;
      for (const probe of PROBE_KEYS) {
        const pair = container.pairs.get(probe);
        if (!pair) continue;
        context.report({
          at: pair.key,
          messageId: legacy ? 'forbiddenLegacy' : container.role === 'sidecar' ? 'sidecarDropped' : 'forbidden',
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
