import { defineRule } from './types';
import { parseImage } from './hygieneUtils';
import { pinImageFix } from '../service/fixes/hygiene';

/** Tags that name a moving branch rather than a release. */
export const MUTABLE_TAGS = /^(latest|master|main|head|master-head|main-head|dev|develop|edge|nightly|canary|snapshot|trunk|unstable)$/i;

export const initImageTagUnpinned = defineRule({
  meta: {
    id: 'init-image-tag-unpinned',
    catalogueId: 'H01',
    group: 'hygiene',
    description: 'An image without a tag or with `:latest` (warning), or with a branch-like tag such as `:master` (information), in an init container, sidecar or app container.',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      noTag: 'The image `{{image}}` of {{container}} has no tag, which means `:latest`: the step is not reproducible, and `imagePullPolicy` defaults to `Always`, so every start pulls whatever `latest` is that day. Pin a version tag (and ideally a digest).',
      latest: 'The image `{{image}}` of {{container}} uses `:latest`: the step is not reproducible, and `imagePullPolicy` defaults to `Always`, so every start pulls whatever `latest` is that day. Pin a version tag.',
      mutable: 'The image `{{image}}` of {{container}} uses the tag `{{tag}}`, which looks like a branch that moves; pods started on different days may run different code. Consider a release tag or a digest.',
    },
  },
  checkPod(pod, context) {
    for (const container of pod.allContainers) {
      if (container.role === 'ephemeral') continue;
      const imageRef = container.pairs.get('image')?.value;
      const image = container.image?.trim();
      if (!imageRef || !image || /[{}$]/.test(image)) continue;
      const { tag, digest } = parseImage(image);
      if (digest) continue;
      const data = { image, container: container.label, tag: tag ?? '' };
      if (tag === undefined) context.report({ at: imageRef, messageId: 'noTag', data, fix: { image } });
      else if (tag === 'latest') context.report({ at: imageRef, messageId: 'latest', data, fix: { image } });
      else if (MUTABLE_TAGS.test(tag)) context.report({ at: imageRef, messageId: 'mutable', data, severity: 'information' });
    }
  },
  fix: pinImageFix,
});
