import { defineRule } from './types';
import { fieldPath } from './ruleUtils';
import { containerRestartRulesState, CONTAINER_RESTART_POLICIES, quotedList } from './restartRulesShared';
import { versionAtLeast } from '../service/settings';
import { isSet } from './probeHandlers';
import { containerRestartPolicyFixes } from '../service/fixes/api';

export const containerRestartPolicyForbidden = defineRule({
  meta: {
    id: 'container-restart-policy-forbidden',
    catalogueId: 'E04',
    group: 'api',
    description: 'A container-level `restartPolicy` on an app container (before Kubernetes 1.35) or on an ephemeral container.',
    defaultSeverity: 'error',
    fixable: true,
    versions:
      'Rejected by Kubernetes 1.28–1.34 (and later with the `ContainerRestartRules` feature gate off). Accepted from 1.35 (gate on by default), where it overrides the pod `restartPolicy` but does not make a sidecar. Always rejected on ephemeral containers.',
    messages: {
      forbidden:
        '`restartPolicy` on {{container}} is rejected: {{gateReason}} only init containers may set a container-level `restartPolicy`.{{sidecarHint}} Rejected by Kubernetes before 1.35. API server: `{{path}}: Forbidden: may not be set for non-init containers`',
      unsupportedValue:
        '`restartPolicy: {{value}}` on {{container}} is not a container restart policy. Rejected by every Kubernetes version. API server: `{{path}}: Unsupported value: "{{value}}": supported values: {{supported}}`',
      olderVersions:
        '`restartPolicy: {{value}}` on {{container}} overrides the pod `restartPolicy` from Kubernetes 1.35 (feature gate `ContainerRestartRules`).{{sidecarHint}} Rejected by Kubernetes before 1.35 and by clusters with the gate off: `{{path}}: Forbidden: may not be set for non-init containers`',
      ephemeral:
        '`restartPolicy` on {{container}} is rejected: ephemeral (debug) containers are never restarted. API server: `{{path}}: Forbidden: cannot be set for an Ephemeral Container`',
    },
  },
  checkPod(pod, context) {
    if (!versionAtLeast(context.settings, '1.28')) return;
    const state = containerRestartRulesState(context.settings);
    const initKey = pod.pairs.get('initContainers')?.key ?? pod.pairs.get('containers')?.key;
    for (const container of [...pod.containers, ...pod.ephemeralContainers]) {
      const pair = container.pairs.get('restartPolicy');
      if (!isSet(pair)) continue;
      const value = container.restartPolicy ?? '';
      const path = fieldPath(container, 'restartPolicy');
      const base = { container: container.label, value, path, version: context.settings.kubernetesVersion };
      const fix = { value, name: container.name ?? '', list: container.list };
      if (container.list === 'ephemeralContainers') {
        context.report({ at: pair.key, messageId: 'ephemeral', data: base, fix });
        continue;
      }
      const sidecarHint =
        value === 'Always'
          ? ` To run ${container.label} as a sidecar (started before the app, stopped after it, not blocking Job completion), move it to \`initContainers\` with \`restartPolicy: Always\`; on a regular container \`Always\` only restarts it.`
          : '';
      const related = value === 'Always' && initKey ? [{ at: initKey, message: 'sidecars are declared under `initContainers` with `restartPolicy: Always`' }] : [];
      if (!state.enabled) {
        context.report({ at: pair.key, messageId: 'forbidden', data: { ...base, gateReason: state.reason, sidecarHint }, related, fix });
      } else if (!(CONTAINER_RESTART_POLICIES as readonly string[]).includes(value)) {
        context.report({ at: pair.value, messageId: 'unsupportedValue', data: { ...base, supported: quotedList(CONTAINER_RESTART_POLICIES) }, fix });
      } else {
        context.report({ at: pair.key, messageId: 'olderVersions', severity: 'warning', data: { ...base, sidecarHint }, related, fix });
      }
    }
  },
  fix: containerRestartPolicyFixes,
});
