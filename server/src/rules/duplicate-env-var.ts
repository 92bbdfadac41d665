import { defineRule } from './types';
import { mapValue, scalarText, seqItems } from '../service/parse/nav';
import type { NodeRef } from '../service/parse/nav';
import { duplicateEnvFixes } from '../service/fixes/hygiene';

export const duplicateEnvVar = defineRule({
  meta: {
    id: 'duplicate-env-var',
    catalogueId: 'H16',
    group: 'hygiene',
    description: 'The same `env[].name` twice in one container.',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      duplicate: '`{{name}}` is defined twice in the `env` of {{container}}; the later value silently wins, and `kubectl apply` may drop one of them. API server warning: `{{path}}: hides previous definition of "{{name}}", which may be dropped when using apply`',
    },
  },
  checkPod(pod, context) {
    for (const container of pod.allContainers) {
      const seen = new Map<string, NodeRef>();
      for (const { index, ref } of seqItems(container.pairs.get('env')?.value, pod.yaml)) {
        const nameRef = mapValue(ref, 'name', pod.yaml);
        const name = scalarText(nameRef);
        if (!nameRef || name === undefined) continue;
        const first = seen.get(name);
        if (!first) {
          seen.set(name, nameRef);
          continue;
        }
        context.report({
          at: nameRef,
          messageId: 'duplicate',
          data: { name, container: container.label, path: `${container.path}.env[${index}]` },
          related: [{ at: first, message: `first definition of "${name}"` }],
          fix: { name, index },
        });
      }
    }
  },
  fix: duplicateEnvFixes,
});
