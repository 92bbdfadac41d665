import { defineRule } from './types';
import { initLike, parseImage } from './hygieneUtils';
import { pullAlwaysFix } from '../service/fixes/hygiene';

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];

export const initImagePullPolicy = defineRule({
  meta: {
    id: 'init-image-pull-policy',
    catalogueId: 'H12',
    group: 'hygiene',
    description: 'An init container or sidecar whose image pull policy (written or defaulted) is not `Always` — for clusters whose policy requires pull secrets to be re-checked on every start.',
    defaultSeverity: 'information',
    fixable: true,
    messages: {
      notAlways: '{{container}} pulls its image with `{{policy}}`{{defaulted}}: a node that already has the image starts it without checking the pull secret again, so a pod without access to the registry can still run it. Use `imagePullPolicy: Always` if your policy requires it (or turn this rule off).',
    },
  },
  checkPod(pod, context) {
    for (const container of initLike(pod)) {
      const pair = container.pairs.get('imagePullPolicy');
      const image = container.image?.trim();
      const written = pair ? String((pair.value?.node as { value?: unknown } | undefined)?.value ?? '') : undefined;
      const { tag, digest } = parseImage(image ?? '');
      const defaulted = !digest && (tag === undefined || tag === 'latest') ? 'Always' : 'IfNotPresent';
      const policy = written ?? defaulted;
      // A value outside the enum is pod-spec-schema's finding (the API server rejects it), not a pull-policy choice.
      if (policy === 'Always' || !image || !PULL_POLICIES.includes(policy)) continue;
      context.report({
        at: pair?.value ?? container.pairs.get('image')?.value ?? container.ref,
        messageId: 'notAlways',
        data: { container: container.label.charAt(0).toUpperCase() + container.label.slice(1), policy, defaulted: written === undefined ? ' (the default for a tagged image)' : '' },
      });
    }
  },
  fix: pullAlwaysFix,
});
