import { defineRule } from './types';
import { containerAnchor, effectiveSecurityValue, initLike } from './hygieneUtils';
import { mapValue, scalarText } from '../service/parse/nav';
import { seccompFix } from '../service/fixes/hygiene';

export const initNoSeccomp = defineRule({
  meta: {
    id: 'init-no-seccomp',
    catalogueId: 'H13',
    group: 'hygiene',
    description: 'An init container or sidecar without a seccomp profile (`RuntimeDefault` or `Localhost`) at container or pod level.',
    defaultSeverity: 'information',
    fixable: true,
    messages: {
      none: '{{container}} has no seccomp profile, neither its own nor the pod\'s, so it may run unconfined (depending on the kubelet). Set `securityContext.seccompProfile.type: RuntimeDefault` on the pod; the Pod Security Standard "restricted" requires it.',
      unconfined: '{{container}} runs with `seccompProfile.type: Unconfined`{{level}}: every system call is allowed. Use `RuntimeDefault` unless the step really needs more.',
    },
  },
  checkPod(pod, context) {
    for (const container of initLike(pod)) {
      const label = container.label.charAt(0).toUpperCase() + container.label.slice(1);
      const profile = effectiveSecurityValue(container, pod, 'seccompProfile');
      const typeRef = mapValue(profile?.value, 'type', pod.yaml);
      const type = scalarText(typeRef);
      if (type === 'RuntimeDefault' || type === 'Localhost') continue;
      if (type === 'Unconfined') {
        context.report({ at: profile?.level === 'container' && typeRef ? typeRef : containerAnchor(container), messageId: 'unconfined', data: { container: label, level: profile?.level === 'pod' ? ' from the pod `securityContext`' : '' } });
      } else {
        context.report({ at: containerAnchor(container), messageId: 'none', data: { container: label } });
      }
    }
  },
  fix: seccompFix,
});
