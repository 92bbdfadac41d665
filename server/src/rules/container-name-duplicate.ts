import { defineRule } from './types';
import type { ContainerModel } from './types';
import { uniqueContainerNameFix } from '../service/fixes/names';

export const containerNameDuplicate = defineRule({
  meta: {
    id: 'container-name-duplicate',
    catalogueId: 'E07',
    group: 'api',
    description: 'Two containers of one pod (init, sidecar, app or ephemeral) share a name.',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      duplicate:
        'The name "{{name}}" of {{container}} is already used by {{other}}: names must be unique across init containers, sidecars, app containers and ephemeral containers of a pod. API server: `{{apiPath}}.name: Duplicate value: "{{name}}"`',
    },
  },
  checkPod(pod, context) {
    const seen = new Map<string, ContainerModel>();
    // App containers first, then init containers, then ephemeral: the order in which the API server
    // seeds its name set. An app container that repeats an init container's name is reported at the
    // app container's name (the later occurrence readers look for), with the API's path in the message.
    const ordered = [...pod.containers, ...pod.initContainers, ...pod.ephemeralContainers];
    const reportAt = (first: ContainerModel, second: ContainerModel): [ContainerModel, ContainerModel] => {
      if (first.list === 'initContainers' && second.list === 'containers') return [second, first];
      if (first.list === 'containers' && second.list === 'initContainers') return [first, second];
      return [second, first];
    };
    for (const container of ordered) {
      const name = container.name;
      if (name === undefined || name === '') continue;
      const previous = seen.get(name);
      if (!previous) {
        seen.set(name, container);
        continue;
      }
      const [dup, other] = reportAt(previous, container);
      const apiSide = dup.list === 'containers' && other.list === 'initContainers' ? other : dup;
      const nameRef = dup.pairs.get('name')?.value;
      const otherName = other.pairs.get('name')?.value;
      if (!nameRef) continue;
      context.report({
        at: nameRef,
        messageId: 'duplicate',
        data: { name, container: dup.label, other: other.label, apiPath: apiSide.path },
        related: otherName ? [{ at: otherName, message: `"${name}" is first used by ${other.label}` }] : [],
        fix: { name },
      });
    }
  },
  fix: uniqueContainerNameFix,
});
