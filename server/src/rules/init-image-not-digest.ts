import { defineRule } from './types';
import { initLike, parseImage } from './hygieneUtils';
import { MUTABLE_TAGS } from './init-image-tag-unpinned';

export const initImageNotDigest = defineRule({
  meta: {
    id: 'init-image-not-digest',
    catalogueId: 'H02',
    group: 'hygiene',
    description: 'An init container or sidecar image referenced by tag only, without an `@sha256:` digest.',
    defaultSeverity: 'information',
    fixable: false,
    messages: {
      noDigest: 'The image `{{image}}` of {{container}} is not pinned by digest: a tag can be moved to other content. Init steps often run with elevated rights or touch data; `{{image}}@sha256:<digest>` guarantees what runs.',
    },
  },
  checkPod(pod, context) {
    for (const container of initLike(pod)) {
      const imageRef = container.pairs.get('image')?.value;
      const image = container.image?.trim();
      if (!imageRef || !image || /[{}$]/.test(image)) continue;
      const { tag, digest } = parseImage(image);
      // Untagged / latest / branch-like tags (`master`) are H01's finding; a digest needs a real tag first.
      if (digest || tag === undefined || MUTABLE_TAGS.test(tag)) continue;
      context.report({ at: imageRef, messageId: 'noDigest', data: { image, container: container.label } });
    }
  },
});
