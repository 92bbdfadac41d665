import { defineRule } from './types';
import { containerAnchor, containerSecurityPair, initLike, isTrue } from './hygieneUtils';
import { securityFlagFix } from '../service/fixes/hygiene';

export const initWritableRootFs = defineRule({
  meta: {
    id: 'init-writable-root-fs',
    catalogueId: 'H10',
    group: 'hygiene',
    description: 'An init container or sidecar without `readOnlyRootFilesystem: true`.',
    defaultSeverity: 'information',
    fixable: true,
    messages: {
      writable: '{{container}} can write to its root filesystem (`readOnlyRootFilesystem` is not `true`). Init steps usually write only to a shared volume; a read-only root filesystem keeps a compromised step from altering its own binaries.',
    },
  },
  checkPod(pod, context) {
    for (const container of initLike(pod)) {
      const pair = containerSecurityPair(container, pod, 'readOnlyRootFilesystem');
      if (pair && isTrue(pair.value)) continue;
      context.report({
        at: pair?.value ?? container.pairs.get('securityContext')?.key ?? containerAnchor(container),
        messageId: 'writable',
        data: { container: container.label.charAt(0).toUpperCase() + container.label.slice(1) },
        fix: { set: true },
      });
    }
  },
  fix: securityFlagFix('readOnlyRootFilesystem', true),
});
