import { defineRule } from './types';
import type { ContainerModel, RuleContext } from './types';
import { fieldPath } from './ruleUtils';
import { containerRestartRulesState, quotedList } from './restartRulesShared';
import { mapGet, scalarText, seqItems } from '../service/parse/nav';
import type { NodeRef } from '../service/parse/nav';
import { gateEnabled } from '../service/featureGates';
import { versionAtLeast } from '../service/settings';
import type { Document } from 'yaml';
import { containerNames } from './apiText';
import { restartRulesInvalidFixes } from '../service/fixes/values';

const MAX_RULES = 20;
const MAX_VALUES = 255;
const OPERATORS = ['In', 'NotIn'];
/** Which versions reject what these messages report (before, the API server drops `restartPolicyRules`). */
const REJECTED = 'Rejected by Kubernetes 1.35 and later (and 1.34 with the `ContainerRestartRules` feature gate on).';

type Messages = 'tooManyRules' | 'action' | 'exitCodesRequired' | 'operator' | 'tooManyValues' | 'ephemeral' | 'dropped';

export const restartRulesInvalid = defineRule<Messages>({
  meta: {
    id: 'restart-rules-invalid',
    catalogueId: 'E06',
    group: 'api',
    description: '`restartPolicyRules` the API server rejects (action, operator, too many rules or exit codes, ephemeral containers), or drops because the feature gate is off.',
    defaultSeverity: 'error',
    fixable: true,
    versions:
      'Feature gate `ContainerRestartRules` (alpha 1.34, on by default from 1.35); with the gate off the rules are silently dropped. The action `RestartAllContainers` needs `RestartAllContainersOnContainerExits` (alpha 1.35).',
    messages: {
      tooManyRules:
        '{{Container}} has {{count}} `restartPolicyRules`; at most 20 are allowed. ' + REJECTED + ' API server: `{{path}}: Too many: {{count}}: must have at most 20 items`',
      action:
        'The restart rule action `{{value}}` of {{container}} is not supported: {{actionHint}}. ' + REJECTED + ' API server: `{{path}}: Unsupported value: "{{value}}": supported values: {{supported}}`',
      exitCodesRequired:
        'A restart rule of {{container}} has no `exitCodes` condition: every rule must say which exit codes it matches. ' + REJECTED + ' API server: `{{path}}: Required value: must be specified`',
      operator:
        'The exit-code operator `{{value}}` of {{container}} is not supported: use `In` (restart on these codes) or `NotIn` (restart on any other code). ' + REJECTED + ' API server: `{{path}}: Unsupported value: "{{value}}": supported values: "In", "NotIn"`',
      tooManyValues:
        'A restart rule of {{container}} lists {{count}} exit codes; at most 255 are allowed. ' + REJECTED + ' API server: `{{path}}: {{apiDetail}}`',
      ephemeral:
        '`restartPolicyRules` on {{container}} is rejected: ephemeral (debug) containers are never restarted. ' + REJECTED + ' API server: `{{path}}: Forbidden: cannot be set for an Ephemeral Container`',
      dropped:
        '`restartPolicyRules` on {{container}} has no effect {{gateReason}}: the API server silently drops the rules unless the feature gate `ContainerRestartRules` is on (alpha in 1.34, on by default from Kubernetes 1.35), so the container only follows {{restartText}}.',
    },
  },
  checkPod(pod, context) {
    const state = containerRestartRulesState(context.settings);
    if (!state.rulesKnown) return;
    for (const container of pod.allContainers) {
      const pair = container.pairs.get('restartPolicyRules');
      if (!pair?.value) continue;
      const rules = seqItems(pair.value, pod.yaml);
      const path = fieldPath(container, 'restartPolicyRules');
      if (!state.enabled) {
        if (rules.length === 0) continue;
        const restartText = container.restartPolicy ? `its \`restartPolicy: ${container.restartPolicy}\`` : `the pod \`restartPolicy: ${pod.restartPolicy}\``;
        context.report({ at: pair.key, messageId: 'dropped', severity: 'warning', data: { ...containerNames(container), gateReason: state.reason.replace(/,$/, ''), restartText } });
        continue;
      }
      if (container.list === 'ephemeralContainers') {
        context.report({ at: pair.key, messageId: 'ephemeral', data: { ...containerNames(container), path }, fix: { remove: 'restartPolicyRules' } });
        continue;
      }
      if (rules.length > MAX_RULES) {
        context.report({ at: pair.key, messageId: 'tooManyRules', data: { ...containerNames(container), count: rules.length, path }, fix: { max: MAX_RULES } });
      }
      for (const { index, ref } of rules) checkRule(container, ref, `${path}[${index}]`, pod.yaml, context);
    }
  },
  fix: restartRulesInvalidFixes,
});

function checkRule(container: ContainerModel, rule: NodeRef, path: string, yaml: Document.Parsed, context: RuleContext<Messages>): void {
  const names = containerNames(container);
  const allowed = gateEnabled(context.settings, 'RestartAllContainersOnContainerExits') ? ['Restart', 'RestartAllContainers'] : ['Restart'];
  const action = mapGet(rule, 'action', yaml);
  const actionValue = scalarText(action?.value);
  if (action?.value && actionValue !== undefined && !allowed.includes(actionValue)) {
    const actionHint =
      actionValue === 'RestartAllContainers'
        ? '`RestartAllContainers` needs the feature gate `RestartAllContainersOnContainerExits` (alpha in Kubernetes 1.35)'
        : 'the only action is `Restart` (restart this container in place)';
    context.report({
      at: action.value,
      messageId: 'action',
      data: { ...names, value: actionValue, actionHint, supported: quotedList(allowed), path: `${path}.action` },
      fix: { value: actionValue, allowed },
    });
  }
  const exitCodes = mapGet(rule, 'exitCodes', yaml);
  if (!exitCodes?.value) {
    context.report({ at: action?.key ?? rule, messageId: 'exitCodesRequired', data: { ...names, path: `${path}.exitCodes` } });
    return;
  }
  const operator = mapGet(exitCodes.value, 'operator', yaml);
  const operatorValue = scalarText(operator?.value);
  if (operator?.value && operatorValue !== undefined && !OPERATORS.includes(operatorValue)) {
    context.report({
      at: operator.value,
      messageId: 'operator',
      data: { ...names, value: operatorValue, path: `${path}.exitCodes.operator` },
      fix: { value: operatorValue, allowed: OPERATORS },
    });
  }
  const values = mapGet(exitCodes.value, 'values', yaml);
  const count = seqItems(values?.value, yaml).length;
  if (values && count > MAX_VALUES) {
    // Kubernetes 1.36 fixed the wording (kubernetes#137136); 1.34–1.35 print a byte-length message.
    const apiDetail = versionAtLeast(context.settings, '1.36') ? `Too many: ${count}: must have at most 255 items` : 'Too long: may not be more than 255 bytes';
    context.report({ at: values.key, messageId: 'tooManyValues', data: { ...names, count, apiDetail, path: `${path}.exitCodes.values` }, fix: { max: MAX_VALUES } });
  }
}
