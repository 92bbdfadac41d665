import { defineRule } from './types';
import { fieldPath } from './ruleUtils';
import { versionAtLeast } from '../service/settings';
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
    },
  },
  checkPod(pod, context) {
    const legacy = !versionAtLeast(context.settings, '1.28');
    for (const container of pod.initContainers) {
      if (container.role !== 'init') continue;
      const pair = container.pairs.get('lifecycle');
      if (!pair) continue;
      context.report({
        at: pair.key,
        messageId: legacy ? 'forbiddenLegacy' : 'forbidden',
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
