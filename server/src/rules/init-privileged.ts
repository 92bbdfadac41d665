import { defineRule } from './types';
import { containerSecurityPair, initLike, isTrue, stringList } from './hygieneUtils';
import { capitalize } from './ruleUtils';

export const initPrivileged = defineRule({
  meta: {
    id: 'init-privileged',
    catalogueId: 'H07',
    group: 'hygiene',
    description: 'An init container or sidecar running privileged.',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      privileged: '{{container}} runs privileged: it has every capability and full access to the node\'s devices, for as long as it runs{{sidecarNote}}. Grant only the capabilities the step needs (`capabilities.add`), or move the work out of the pod (node configuration, `fsGroup` for permissions).',
    },
  },
  checkPod(pod, context) {
    for (const container of initLike(pod)) {
      const pair = containerSecurityPair(container, pod, 'privileged');
      if (!pair || !isTrue(pair.value)) continue;
      // A privileged step that only runs sysctl is init-privileged-sysctl-pattern's finding (a better fix exists).
      const words = [...stringList(container.pairs.get('command')?.value, pod), ...stringList(container.pairs.get('args')?.value, pod)].map((w) => w.text).join(' ');
      if (/(^|[\s/;&|])sysctl\s/.test(words) && !/(^|[\s;&|])(chown|chmod|mount|iptables|cp|mv)\s/.test(words)) continue;
      context.report({
        at: pair.key,
        messageId: 'privileged',
        data: { container: capitalize(container.label), sidecarNote: container.role === 'sidecar' ? ' (a sidecar: the whole life of the pod)' : '' },
      });
    }
  },
});
