import { defineRule } from './types';
import type { ContainerModel } from './types';
import { fieldPath } from './ruleUtils';
import type { NodeRef } from '../service/parse/nav';
import { containerNames } from './apiText';
import { imageWhitespaceFix } from '../service/fixes/api';

export const containerImageRequired = defineRule({
  meta: {
    id: 'container-image-required',
    catalogueId: 'E09',
    group: 'api',
    description: 'A container without an `image` (or, in a bare Pod, an image with leading or trailing whitespace).',
    defaultSeverity: 'error',
    fixable: true,
    versions: 'Rejected by every Kubernetes version. The whitespace check applies to bare Pods only (pod templates keep accepting it for compatibility).',
    messages: {
      missing:
        '{{Container}} has no `image`: every container — init containers and sidecars included — must name the image to run. API server: `{{path}}: Required value`',
      empty: 'The `image` of {{container}} is empty: every container must name the image to run. API server: `{{path}}: Required value`',
      whitespace:
        'The image "{{image}}" of {{container}} has leading or trailing whitespace; a Pod rejects it (pod templates accept it, but the kubelet would then fail to pull it).{{advice}} API server: `{{path}}: Invalid value: "{{image}}": must not have leading or trailing whitespace`',
    },
  },
  checkPod(pod, context) {
    const bare = pod.owner.kind === 'Pod' && pod.workload.core;
    for (const container of pod.allContainers) {
      const pair = container.pairs.get('image');
      const path = fieldPath(container, 'image');
      const image = container.image;
      if (!pair || image === undefined) {
        context.report({ at: anchor(container, pair?.key), messageId: 'missing', data: { ...containerNames(container), path }, fix: { insert: 'image' } });
        continue;
      }
      if (image === '') {
        context.report({ at: pair.value ?? pair.key, messageId: 'empty', data: { ...containerNames(container), path }, fix: { insert: 'image' } });
        continue;
      }
      const trimmed = image.trim();
      if (bare && trimmed !== image && pair.value) {
        context.report({ at: pair.value, messageId: 'whitespace', data: { ...containerNames(container), image, path, advice: trimmed ? ` Use "${trimmed}".` : ' Name the image to run.' }, fix: { image, trimmed } });
      }
    }
  },
  fix: imageWhitespaceFix,
});

/** Where a missing field of a container is reported: the `image:` key when written empty, else the container's name, else its first key. */
function anchor(container: ContainerModel, imageKey: NodeRef | undefined): NodeRef {
  if (imageKey) return imageKey;
  const name = container.pairs.get('name');
  if (name) return name.value ?? name.key;
  const first = container.pairs.values().next().value;
  return first ? first.key : container.ref;
}
