import { defineRule } from './types';
import { mapGet, mapValue, scalarText, seqItems } from '../service/parse/nav';
import { scopeExitCodesFix } from '../service/fixes/runtime';

/** Exit codes of a process stopped by SIGKILL (137) or SIGTERM (143): what sidecars report when the Pod ends. */
const SHUTDOWN_CODES = [137, 143];

/**
 * W16: a Job `podFailurePolicy` rule matching exit codes without `containerName` while the template has
 * native sidecars. The job controller matches the exit codes of init containers (sidecars included) as
 * well as app containers; sidecars killed when the Pod ends exit 137/143. Reported when such a code can
 * match: operator `NotIn` (unless it lists both 137 and 143), or `In` listing 137 or 143.
 */
export const podFailurePolicyMatchesSidecarExit = defineRule({
  meta: {
    id: 'pod-failure-policy-matches-sidecar-exit',
    catalogueId: 'W16',
    group: 'runtime',
    description: 'A Job `podFailurePolicy` exit-code rule without `containerName` that the shutdown exit codes of sidecars can match.',
    defaultSeverity: 'information',
    fixable: true,
    versions: '`podFailurePolicy` 1.26+; native sidecars 1.28+.',
    messages: {
      unscoped:
        'This `podFailurePolicy` rule (action `{{action}}`, `{{operator}}` {{values}}) has no `containerName`, so it also matches the exit codes of {{sidecars}}: when the Pod ends, sidecars are stopped and typically exit 143 (SIGTERM) or 137 (SIGKILL), which is normal. Add `containerName: {{main}}` so the rule only looks at the container whose exit code matters.',
    },
  },
  checkPod(pod, context) {
    const jobSpec = pod.workload.jobSpec;
    if (!jobSpec) return;
    const sidecars = pod.initContainers.filter((c) => c.role === 'sidecar');
    if (sidecars.length === 0) return;
    const rules = mapValue(mapValue(jobSpec, 'podFailurePolicy', pod.yaml), 'rules', pod.yaml);
    for (const { ref } of seqItems(rules, pod.yaml)) {
      const onExitCodesPair = mapGet(ref, 'onExitCodes', pod.yaml);
      if (!onExitCodesPair?.value) continue;
      const onExitCodes = onExitCodesPair.value;
      if (scalarText(mapValue(onExitCodes, 'containerName', pod.yaml)) !== undefined) continue;
      const operator = scalarText(mapValue(onExitCodes, 'operator', pod.yaml)) ?? '';
      const values = seqItems(mapValue(onExitCodes, 'values', pod.yaml), pod.yaml)
        .map((i) => Number(scalarText(i.ref)))
        .filter((n) => Number.isInteger(n));
      const matchesShutdown =
        operator === 'NotIn' ? !SHUTDOWN_CODES.every((c) => values.includes(c)) : operator === 'In' ? SHUTDOWN_CODES.some((c) => values.includes(c)) : false;
      if (!matchesShutdown) continue;
      const sidecarLabels = sidecars.map((c) => c.label);
      context.report({
        at: onExitCodesPair.key,
        messageId: 'unscoped',
        data: {
          action: scalarText(mapValue(ref, 'action', pod.yaml)) ?? '?',
          operator,
          values: `[${values.join(', ')}]`,
          sidecars: sidecarLabels.length === 1 ? (sidecarLabels[0] as string) : `the sidecars (${sidecarLabels.join(', ')})`,
          main: pod.containers.find((c) => c.name !== undefined)?.name ?? '<container>',
        },
      });
    }
  },
  fix: scopeExitCodesFix,
});
