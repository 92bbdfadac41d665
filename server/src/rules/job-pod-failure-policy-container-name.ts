import { defineRule } from './types';
import { isMapRef, mapGet, mapValue, scalarText, seqItems } from '../service/parse/nav';
import { podFailurePolicyFixes } from '../service/fixes/api';

export const jobPodFailurePolicyContainerName = defineRule({
  meta: {
    id: 'job-pod-failure-policy-container-name',
    catalogueId: 'E26',
    group: 'api',
    description:
      'A Job `podFailurePolicy` rule whose `onExitCodes.containerName` names no container or init container of the template, or a `podFailurePolicy` with a template `restartPolicy` of `OnFailure`.',
    defaultSeverity: 'error',
    fixable: true,
    versions: 'Always rejected (podFailurePolicy exists from Kubernetes 1.26).',
    messages: {
      unknownContainer:
        'Rule {{rule}} of the `podFailurePolicy` matches exit codes of container "{{name}}", but the pod template has no container or init container of that name ({{known}}). API server: `{{path}}: Invalid value: "{{name}}": must be one of the container or initContainer names in the pod template`',
      onFailure:
        'This {{kind}} sets a `podFailurePolicy`, which needs pods that are not restarted in place: with `restartPolicy: OnFailure` the kubelet restarts failed containers and the policy never sees the failure. Use `restartPolicy: Never`. API server: `{{path}}: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified`',
    },
  },
  checkPod(pod, context) {
    const kind = pod.workload.kind;
    if (!pod.workload.core || (kind !== 'Job' && kind !== 'CronJob')) return;
    const policyPair = mapGet(pod.workload.jobSpec, 'podFailurePolicy', pod.yaml);
    if (!policyPair || !isMapRef(policyPair.value)) return;
    const jobPath = `${pod.owner.pathPrefix}${kind === 'CronJob' ? 'spec.jobTemplate.spec' : 'spec'}`;
    const names = [...new Set([...pod.containers, ...pod.initContainers].map((c) => c.name).filter((n): n is string => n !== undefined))];
    const known = names.length > 0 ? `it has ${names.map((n) => `"${n}"`).join(', ')}` : 'it declares none';
    for (const { index, ref } of seqItems(mapValue(policyPair.value, 'rules', pod.yaml), pod.yaml)) {
      const nameRef = mapValue(mapValue(ref, 'onExitCodes', pod.yaml), 'containerName', pod.yaml);
      const name = scalarText(nameRef);
      if (!nameRef || name === undefined || names.includes(name)) continue;
      context.report({
        at: nameRef,
        messageId: 'unknownContainer',
        data: { rule: `rules[${index}]`, name, known, path: `${jobPath}.podFailurePolicy.rules[${index}].onExitCodes.containerName` },
        fix: { containerName: name, candidates: names },
      });
    }
    if (pod.restartPolicy === 'OnFailure' && pod.restartPolicyPair?.value) {
      context.report({
        at: pod.restartPolicyPair.value,
        messageId: 'onFailure',
        data: { kind, path: `${pod.path}.restartPolicy` },
        related: [{ at: policyPair.key, message: 'the podFailurePolicy that needs restartPolicy Never' }],
        fix: { replaceWith: 'Never' },
      });
    }
  },
  fix: podFailurePolicyFixes,
});
