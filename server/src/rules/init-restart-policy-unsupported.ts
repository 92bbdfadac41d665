import { defineRule } from './types';
import { fieldPath } from './ruleUtils';
import { containerRestartRulesState, CONTAINER_RESTART_POLICIES, quotedList } from './restartRulesShared';
import { initRestartPolicyFixes } from '../service/fixes/api';

export const initRestartPolicyUnsupported = defineRule({
  meta: {
    id: 'init-restart-policy-unsupported',
    catalogueId: 'E03',
    group: 'api',
    description: 'An init container `restartPolicy` other than `Always` (the only value before Kubernetes 1.35), or not a restart policy at all.',
    defaultSeverity: 'error',
    fixable: true,
    versions:
      'Kubernetes 1.28–1.34 (and later with the `ContainerRestartRules` feature gate off) accept only `Always`. From 1.35 (gate on by default; alpha in 1.34) `OnFailure` and `Never` are accepted too and mean a regular init container with its own restart policy.',
    messages: {
      unsupported:
        '`restartPolicy: {{value}}` on {{container}} is rejected: {{gateReason}} an init container may only set `restartPolicy: Always`, which makes it a sidecar that keeps running beside the app. Remove the field for a regular init container (it then follows the pod `restartPolicy`), or use `Always` for a sidecar. {{rejectedBy}} API server: `{{path}}: Unsupported value: "{{value}}": supported values: "Always"`',
      unsupportedValue:
        '`restartPolicy: {{value}}` on {{container}} is not a container restart policy: the API server accepts `Always` (a sidecar) and, from Kubernetes 1.35, `OnFailure` or `Never` (a regular init container with its own restart policy). Rejected by every Kubernetes version. API server: `{{path}}: Unsupported value: "{{value}}": supported values: {{supported}}`',
      olderVersions:
        '`restartPolicy: {{value}}` on {{container}} is accepted from Kubernetes 1.35 (feature gate `ContainerRestartRules`) and makes it a regular init container with its own restart policy — not a sidecar (only `Always` makes a sidecar). {{semantics}} Rejected by Kubernetes before 1.35 and by clusters with the gate off: `{{path}}: Unsupported value: "{{value}}": supported values: "Always"`',
    },
  },
  checkPod(pod, context) {
    const state = containerRestartRulesState(context.settings);
    if (!state.sidecarsKnown) return;
    for (const container of pod.initContainers) {
      const pair = container.pairs.get('restartPolicy');
      const value = container.restartPolicy;
      if (!pair?.value || value === undefined || value === 'Always') continue;
      const path = fieldPath(container, 'restartPolicy');
      const base = { container: container.label, value, path, version: context.settings.kubernetesVersion };
      const fix = { value, podRestartPolicy: pod.restartPolicy };
      if (!state.enabled) {
        const known = (CONTAINER_RESTART_POLICIES as readonly string[]).includes(value);
        const rejectedBy = known ? 'Rejected by Kubernetes before 1.35.' : `\`${value}\` is no restart policy at all: rejected by every Kubernetes version.`;
        context.report({ at: pair.value, messageId: 'unsupported', data: { ...base, gateReason: state.reason, rejectedBy }, fix });
      } else if (!(CONTAINER_RESTART_POLICIES as readonly string[]).includes(value)) {
        context.report({ at: pair.value, messageId: 'unsupportedValue', data: { ...base, supported: quotedList(CONTAINER_RESTART_POLICIES) }, fix });
      } else {
        const semantics =
          value === 'Never'
            ? 'If it fails it is not retried: the pod fails instead of retrying this step.'
            : 'If it fails it is retried in place, even when the pod `restartPolicy` is `Never`.';
        context.report({ at: pair.value, messageId: 'olderVersions', severity: 'warning', data: { ...base, semantics }, fix });
      }
    }
  },
  fix: initRestartPolicyFixes,
});
