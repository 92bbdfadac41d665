import { defineRule } from './types';
import { mapGet, scalarText, scalarValue } from '../service/parse/nav';
import { propagationFix } from '../service/fixes/api';

export const bidirectionalPropagationUnprivileged = defineRule({
  meta: {
    id: 'bidirectional-propagation-unprivileged',
    catalogueId: 'E21',
    group: 'api',
    description: 'A volume mount with `mountPropagation: Bidirectional` in a container that is not privileged.',
    defaultSeverity: 'error',
    fixable: true,
    versions: 'Always rejected.',
    messages: {
      unprivileged:
        '{{container}} mounts "{{mount}}" with `mountPropagation: Bidirectional`, but it is not privileged{{why}}: mounts made inside the container would propagate back to the node, which only privileged containers may do. Use `HostToContainer` to see the node\'s mounts, or make the container privileged. API server: `{{path}}.volumeMounts.mountPropagation: Forbidden: Bidirectional mount propagation is available only to privileged containers`',
    },
  },
  checkPod(pod, context) {
    for (const container of pod.allContainers) {
      const privilegedPair = mapGet(container.pairs.get('securityContext')?.value, 'privileged', pod.yaml);
      if (scalarValue(privilegedPair?.value) === true) continue;
      for (const mount of container.volumeMounts) {
        const propagation = mapGet(mount.ref, 'mountPropagation', pod.yaml)?.value;
        if (!propagation || scalarText(propagation) !== 'Bidirectional') continue;
        context.report({
          at: propagation,
          messageId: 'unprivileged',
          data: {
            container: container.label,
            mount: mount.name ?? mount.mountPath ?? `volumeMounts[${mount.index}]`,
            why: privilegedPair?.value ? ' (`privileged` is not `true`)' : '',
            path: container.path,
          },
          related: privilegedPair?.value ? [{ at: privilegedPair.value, message: `${container.label} sets privileged here` }] : [],
          fix: { replaceWith: 'HostToContainer', alternative: 'privileged' },
        });
      }
    }
  },
  fix: propagationFix,
});
