import { defineRule } from './types';
import { fieldPath } from './ruleUtils';
import { versionAtLeast } from '../service/settings';
import { gateEnabled } from '../service/featureGates';
import { containerTarget, makeSidecarFix, removeFieldFix } from '../service/fixes/common';

export const initLifecycleForbidden = defineRule({
  meta: {
    id: 'init-lifecycle-forbidden',
    catalogueId: 'E02',
    group: 'api',
    description: '`lifecycle` hooks on an init container that is not a sidecar.',
    defaultSeverity: 'error',
    fixable: true,
    versions: 'Always rejected; from Kubernetes 1.28 `lifecycle` is allowed on sidecars.',
    messages: {
      forbidden:
        '`lifecycle` on {{container}} is rejected: postStart/preStop hooks only apply to containers that keep running, so an init container may only have them as a sidecar (`restartPolicy: Always`). API server: `{{path}}: Forbidden: may not be set for init containers without restartPolicy=Always`',
      forbiddenLegacy:
        '`lifecycle` on {{container}} is rejected: init containers cannot have hooks, and Kubernetes {{version}} has no native sidecars. API server: `{{path}}: Invalid value: …: must not be set for init containers`',
      sidecarDropped:
        '`lifecycle` on {{container}} is rejected: with the `SidecarContainers` feature gate off, Kubernetes {{version}} drops `restartPolicy: Always`, so this is a regular init container, which cannot have hooks (native sidecars are on by default from 1.29). API server: `{{path}}: Forbidden: may not be set for init containers without restartPolicy=Always`',
    },
  },
  checkPod(pod, context) {
    const legacy = !versionAtLeast(context.settings, '1.28');
    // Where native sidecars are unknown (before 1.28) or dropped (`SidecarContainers` off), `restartPolicy: Always`
    // is pruned before validation, so a sidecar's probes and hooks are rejected like a regular init container's.
    const sidecarsDropped = legacy || !gateEnabled(context.settings, 'SidecarContainers');
    for (const container of pod.initContainers) {
      if (container.role !== 'init' && !(container.role === 'sidecar' && sidecarsDropped)) continue;
      const pair = container.pairs.get('lifecycle');
      if (!pair) continue;
      context.report({
        at: pair.key,
        messageId: legacy ? 'forbiddenLegacy' : container.role === 'sidecar' ? 'sidecarDropped' : 'forbidden',
        data: { container: container.label, path: fieldPath(container, 'lifecycle'), version: context.settings.kubernetesVersion },
      });
    }
  },
  fix(input) {
    const t = containerTarget(input);
    if (!t) return [];
    return [...removeFieldFix(t, 'lifecycle'), ...makeSidecarFix(input, t)];
  },
});
