import { defineRule } from './types';
import { containerAnchor, effectiveSecurityValue, initLike, isTrue } from './hygieneUtils';
import { capitalize } from './ruleUtils';
import { scalarValue } from '../service/parse/nav';

export const initRunsAsRoot = defineRule({
  meta: {
    id: 'init-runs-as-root',
    catalogueId: 'H09',
    group: 'hygiene',
    description: 'An init container or sidecar that may run as root: `runAsUser: 0`, or neither `runAsNonRoot: true` nor a non-zero `runAsUser` at container or pod level.',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      root: '{{container}} runs as root (`runAsUser: 0`{{level}}). Init containers are the usual place for `chown`-as-root steps; for volume permissions, the pod\'s `fsGroup` (with `fsGroupChangePolicy: OnRootMismatch`) does it without a root container.',
      unknown: '{{container}} may run as root: neither it nor the pod sets `runAsNonRoot: true` or a non-zero `runAsUser`, so the image\'s user (often root) is used. The Pod Security Standard "restricted" requires `runAsNonRoot: true`.',
    },
  },
  checkPod(pod, context) {
    for (const container of initLike(pod)) {
      const user = effectiveSecurityValue(container, pod, 'runAsUser');
      const data = { container: capitalize(container.label), level: user?.level === 'pod' ? ' from the pod `securityContext`' : '' };
      if (user && scalarValue(user.value) === 0) {
        context.report({ at: user.level === 'container' ? user.value : containerAnchor(container), messageId: 'root', data });
        continue;
      }
      if (user && typeof scalarValue(user.value) === 'number') continue;
      if (isTrue(effectiveSecurityValue(container, pod, 'runAsNonRoot')?.value)) continue;
      context.report({ at: container.pairs.get('securityContext')?.key ?? containerAnchor(container), messageId: 'unknown', data });
    }
  },
});
