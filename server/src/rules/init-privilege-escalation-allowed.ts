import { defineRule } from './types';
import { containerAnchor, containerSecurityPair, initLike, isTrue } from './hygieneUtils';
import { capitalize } from './ruleUtils';
import { scalarValue } from '../service/parse/nav';
import { securityFlagFix } from '../service/fixes/hygiene';

export const initPrivilegeEscalationAllowed = defineRule({
  meta: {
    id: 'init-privilege-escalation-allowed',
    catalogueId: 'H08',
    group: 'hygiene',
    description: 'An init container or sidecar that does not set `allowPrivilegeEscalation: false`.',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      notSet: '{{container}} does not set `securityContext.allowPrivilegeEscalation: false`, so a setuid binary in the image can gain more rights than the process started with. The Pod Security Standard "restricted" requires `false`.',
      allowed: '{{container}} sets `allowPrivilegeEscalation: true`: a setuid binary in the image can gain more rights than the process started with. The Pod Security Standard "restricted" requires `false`.',
    },
  },
  checkPod(pod, context) {
    for (const container of initLike(pod)) {
      if (isTrue(containerSecurityPair(container, pod, 'privileged')?.value)) continue; // privileged escalates anyway (E20)
      const pair = containerSecurityPair(container, pod, 'allowPrivilegeEscalation');
      if (pair && scalarValue(pair.value) === false) continue;
      const data = { container: capitalize(container.label) };
      if (pair) context.report({ at: pair.value ?? pair.key, messageId: 'allowed', data, fix: { set: false } });
      else context.report({ at: container.pairs.get('securityContext')?.key ?? containerAnchor(container), messageId: 'notSet', data, fix: { set: false } });
    }
  },
  fix: securityFlagFix('allowPrivilegeEscalation', false),
});
