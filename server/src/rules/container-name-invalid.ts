import { defineRule } from './types';
import type { ContainerModel } from './types';
import type { NodeRef } from '../service/parse/nav';
import { fieldPath } from './ruleUtils';
import { containerNames } from './apiText';
import { containerNameFixes } from '../service/fixes/api';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const MAX_LENGTH = 63;
const LABEL_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

export const containerNameInvalid = defineRule({
  meta: {
    id: 'container-name-invalid',
    catalogueId: 'E08',
    group: 'api',
    description: 'A container name that is empty or not a DNS-1123 label (lowercase letters, digits and `-`, at most 63 characters).',
    defaultSeverity: 'error',
    fixable: true,
    versions: 'Rejected by every Kubernetes version.',
    messages: {
      missing:
        '{{Container}} has no `name`: every container — init containers and sidecars included — needs a name that is unique in the pod (it is how logs, status and `kubectl exec -c` refer to it). API server: `{{path}}: Required value`',
      empty: '{{Container}} has an empty name: every container needs a name. API server: `{{path}}: Required value`',
      invalid:
        'The name "{{name}}" of {{container}} is not a valid container name: use lowercase letters, digits and `-`, starting and ending with a letter or digit{{suggestion}}. API server: `{{path}}: Invalid value: "{{name}}": {{apiDetail}}`',
      tooLong:
        'The name of {{container}} has {{length}} characters; container names may have at most 63. API server: `{{path}}: Invalid value: "{{name}}": must be no more than 63 characters`',
    },
  },
  checkPod(pod, context) {
    for (const container of pod.allContainers) {
      const pair = container.pairs.get('name');
      const ref = pair?.value;
      const name = container.name;
      const path = fieldPath(container, 'name');
      if (!ref || name === undefined) {
        context.report({ at: pair?.key ?? missingAnchor(container), messageId: 'missing', data: { ...containerNames(container), path }, fix: { insert: 'name' } });
        continue;
      }
      if (name === '') {
        context.report({ at: ref, messageId: 'empty', data: { ...containerNames(container), path } });
        continue;
      }
      if (name.length > MAX_LENGTH) {
        context.report({ at: ref, messageId: 'tooLong', data: { ...containerNames(container), name, length: name.length, path }, fix: { name } });
      }
      if (!DNS1123_LABEL.test(name)) {
        const suggested = suggestName(name);
        const suggestion = suggested ? ` — for example \`${suggested}\`` : '';
        context.report({
          at: ref,
          messageId: 'invalid',
          data: { ...containerNames(container), name, path, suggestion, apiDetail: LABEL_MESSAGE },
          fix: suggested ? { name, suggested } : { name },
        });
      }
    }
  },
  fix: containerNameFixes,
});

/** Where a container without a name is reported: its image, else its first key, else the whole item. */
function missingAnchor(container: ContainerModel): NodeRef {
  const image = container.pairs.get('image');
  if (image) return image.value ?? image.key;
  const first = container.pairs.values().next().value;
  return first ? first.key : container.ref;
}

/** `Init_DB` → `init-db`; undefined when nothing usable is left. */
export function suggestName(name: string): string | undefined {
  const s = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_LENGTH)
    .replace(/-+$/, '');
  return s.length > 0 && DNS1123_LABEL.test(s) ? s : undefined;
}
