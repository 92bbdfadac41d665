import { defineRule } from './types';
import { initLike } from './hygieneUtils';
import { mapGet, scalarText, seqItems } from '../service/parse/nav';
import { removeReportedFieldFix } from '../service/fixes/api';

export const initHostPort = defineRule({
  meta: {
    id: 'init-host-port',
    catalogueId: 'H15',
    group: 'hygiene',
    description: 'A `hostPort` on an init container or sidecar.',
    defaultSeverity: 'information',
    fixable: true,
    messages: {
      hostPort: '{{container}} binds host port {{port}} on the node{{sidecarNote}}. Only one pod per node can use it, and it bypasses network policies; a Service or `containerPort` alone is usually enough.',
    },
  },
  checkPod(pod, context) {
    for (const container of initLike(pod)) {
      for (const { ref } of seqItems(container.pairs.get('ports')?.value, pod.yaml)) {
        const pair = mapGet(ref, 'hostPort', pod.yaml);
        if (!pair) continue;
        context.report({
          at: pair.key,
          messageId: 'hostPort',
          data: {
            container: container.label.charAt(0).toUpperCase() + container.label.slice(1),
            port: scalarText(pair.value) ?? '?',
            sidecarNote: container.role === 'sidecar' ? ' for the whole life of the pod (and clashes with an app container using the same port, see sidecar-port-conflict)' : '',
          },
        });
      }
    }
  },
  fix: removeReportedFieldFix,
});
