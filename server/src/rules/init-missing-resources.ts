import { defineRule } from './types';
import { containerAnchor, initLike } from './hygieneUtils';
import { capitalize } from './ruleUtils';
import { mapPairs, mapValue } from '../service/parse/nav';
import { limitRangeDefaults } from './limitrange-defaults-apply-to-init';
import { guaranteedQosBreakers } from './init-breaks-guaranteed-qos';
import { addResourcesFix } from '../service/fixes/hygiene';

export const initMissingResources = defineRule({
  meta: {
    id: 'init-missing-resources',
    catalogueId: 'H05',
    group: 'hygiene',
    description: 'An init container or sidecar without resource requests or limits (warning for sidecars, information for init containers).',
    defaultSeverity: 'information',
    fixable: true,
    messages: {
      sidecar: 'The sidecar {{name}} sets no resource requests or limits{{empty}}. It runs for the whole life of the pod and adds to every effective request, so the scheduler under-counts the pod and the sidecar can starve the app; it also makes the pod Burstable or BestEffort.',
      init: '{{container}} sets no resource requests or limits{{empty}}. Init containers count towards the pod\'s effective request (the largest init step can dominate it), and a LimitRange default may apply instead; state what the step needs.',
    },
  },
  // Reads other documents: a LimitRange there makes this limitrange-defaults-apply-to-init's finding.
  crossObject: true,
  checkPod(pod, context) {
    // The more specific rules keep the finding (no duplicate): W19 when a LimitRange fills the resources in,
    // W06 when the missing resources cost the pod its Guaranteed QoS class.
    const enabled = (id: string): boolean => context.settings.rules[id] !== 'off';
    if (enabled('limitrange-defaults-apply-to-init') && limitRangeDefaults(pod, context)) return;
    const qosBreakers = enabled('init-breaks-guaranteed-qos') ? guaranteedQosBreakers(pod, context.settings).breakers.map((b) => b.container) : [];
    for (const container of initLike(pod)) {
      const resources = container.pairs.get('resources');
      const requests = mapPairs(mapValue(resources?.value, 'requests', pod.yaml), pod.yaml);
      const limits = mapPairs(mapValue(resources?.value, 'limits', pod.yaml), pod.yaml);
      if (requests.length > 0 || limits.length > 0 || qosBreakers.includes(container)) continue;
      const empty = resources ? ' (`resources` is empty)' : '';
      const sidecar = container.role === 'sidecar';
      context.report({
        at: containerAnchor(container),
        messageId: sidecar ? 'sidecar' : 'init',
        data: { name: container.name ? `\`${container.name}\`` : `${container.index + 1}`, container: capitalize(container.label), empty },
        severity: sidecar ? 'warning' : 'information',
        fix: { container: container.name ?? '', role: container.role },
      });
    }
  },
  fix: addResourcesFix,
});
