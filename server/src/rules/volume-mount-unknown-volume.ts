import { defineRule } from './types';
import { missingVolumeFixes } from '../service/fixes/names';

export const volumeMountUnknownVolume = defineRule({
  meta: {
    id: 'volume-mount-unknown-volume',
    catalogueId: 'E10',
    group: 'api',
    description: 'A `volumeMounts[].name` that names no volume of the pod.',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      notFound:
        '{{container}} mounts "{{name}}", but the pod has no volume of that name{{known}}. API server: `{{path}}: Not found: "{{name}}"`',
    },
  },
  checkPod(pod, context) {
    const volumes = new Set(pod.volumes.map((v) => v.name).filter((n): n is string => n !== undefined));
    const known = volumes.size > 0 ? ` (volumes: ${[...volumes].map((v) => `\`${v}\``).join(', ')})` : ' (it declares no `volumes`)';
    for (const container of pod.allContainers) {
      for (const mount of container.volumeMounts) {
        if (mount.name === undefined || mount.nameRef === undefined || volumes.has(mount.name)) continue;
        context.report({
          at: mount.nameRef,
          messageId: 'notFound',
          data: { container: container.label, name: mount.name, known, path: `${container.path}.volumeMounts[${mount.index}].name` },
          fix: { name: mount.name },
        });
      }
    }
  },
  fix: missingVolumeFixes,
});
