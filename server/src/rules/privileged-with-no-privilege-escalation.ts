import { defineRule } from './types';
import { mapGet, mapValue, scalarText, scalarValue, seqItems } from '../service/parse/nav';
import type { NodeRef } from '../service/parse/nav';
import { removeReportedFieldFix } from '../service/fixes/api';

export const privilegedWithNoPrivilegeEscalation = defineRule({
  meta: {
    id: 'privileged-with-no-privilege-escalation',
    catalogueId: 'E20',
    group: 'api',
    description:
      '`allowPrivilegeEscalation: false` together with `privileged: true` (or with `capabilities.add: [CAP_SYS_ADMIN]`) in one container.',
    defaultSeverity: 'error',
    fixable: true,
    versions: 'Always rejected.',
    messages: {
      privileged:
        '{{container}} is privileged and at the same time forbids privilege escalation: a privileged container always can escalate, so the two settings contradict each other. Drop `allowPrivilegeEscalation: false` (or `privileged: true`). API server: `{{path}}: Invalid value: core.SecurityContext{…}: cannot set `allowPrivilegeEscalation` to false and `privileged` to true`',
      sysAdmin:
        '{{container}} adds `CAP_SYS_ADMIN` and at the same time forbids privilege escalation: with CAP_SYS_ADMIN the process can escalate anyway. Drop `allowPrivilegeEscalation: false` or the capability. API server: `{{path}}: Invalid value: core.SecurityContext{…}: cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN`',
    },
  },
  checkPod(pod, context) {
    for (const container of pod.allContainers) {
      const sc = container.pairs.get('securityContext')?.value;
      const ape = mapGet(sc, 'allowPrivilegeEscalation', pod.yaml);
      if (!ape?.value || scalarValue(ape.value) !== false) continue;
      const path = `${container.path}.securityContext`;
      const privileged = mapGet(sc, 'privileged', pod.yaml);
      if (privileged?.value && scalarValue(privileged.value) === true) {
        context.report({
          at: ape.value,
          messageId: 'privileged',
          data: { container: container.label, path },
          related: [{ at: privileged.value, message: `${container.label} is privileged here` }],
          fix: { remove: 'allowPrivilegeEscalation', alternative: 'privileged' },
        });
      }
      const added = mapValue(mapValue(sc, 'capabilities', pod.yaml), 'add', pod.yaml);
      const sysAdmin: NodeRef[] = seqItems(added, pod.yaml)
        .map((i) => i.ref)
        .filter((r) => scalarText(r) === 'CAP_SYS_ADMIN');
      for (const cap of sysAdmin) {
        context.report({
          at: ape.value,
          messageId: 'sysAdmin',
          data: { container: container.label, path },
          related: [{ at: cap, message: `${container.label} adds CAP_SYS_ADMIN here` }],
          fix: { remove: 'allowPrivilegeEscalation', alternative: 'CAP_SYS_ADMIN' },
        });
      }
    }
  },
  fix: removeReportedFieldFix,
});
