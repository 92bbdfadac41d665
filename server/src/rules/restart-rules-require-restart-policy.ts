import { defineRule } from './types';
import { fieldPath } from './ruleUtils';
import { containerRestartRulesState } from './restartRulesShared';
import { seqItems } from '../service/parse/nav';
import { isSet } from './probeHandlers';
import { containerNames } from './apiText';
import { restartRulesPolicyFix } from '../service/fixes/values';

export const restartRulesRequireRestartPolicy = defineRule({
  meta: {
    id: 'restart-rules-require-restart-policy',
    catalogueId: 'E05',
    group: 'api',
    description: '`restartPolicyRules` on a container that does not set its own `restartPolicy`.',
    defaultSeverity: 'error',
    fixable: true,
    versions:
      'Feature gate `ContainerRestartRules` (alpha 1.34, on by default from 1.35). With the gate off the rules are dropped instead (see restart-rules-invalid).',
    messages: {
      required:
        '{{Container}} has `restartPolicyRules` but no container-level `restartPolicy`: the rules refine an explicit container restart policy, so it must be written even when it matches the pod `restartPolicy` (`{{podRestartPolicy}}`). Rejected by Kubernetes 1.35 and later (and 1.34 with the `ContainerRestartRules` feature gate on); older versions drop the rules. API server: `{{path}}: Required value: must specify restartPolicy when restart rules are used`',
    },
  },
  checkPod(pod, context) {
    const state = containerRestartRulesState(context.settings);
    if (!state.enabled) return;
    for (const container of [...pod.initContainers, ...pod.containers]) {
      const rules = container.pairs.get('restartPolicyRules');
      if (!rules || seqItems(rules.value, pod.yaml).length === 0) continue;
      if (isSet(container.pairs.get('restartPolicy'))) continue;
      context.report({
        at: rules.key,
        messageId: 'required',
        data: { ...containerNames(container), podRestartPolicy: pod.restartPolicy, path: fieldPath(container, 'restartPolicy') },
        fix: { insert: 'restartPolicy', value: pod.restartPolicy },
      });
    }
  },
  fix: restartRulesPolicyFix,
});
