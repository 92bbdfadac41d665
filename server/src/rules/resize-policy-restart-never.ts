import { defineRule } from './types';
import { mapGet, scalarText, seqItems } from '../service/parse/nav';
import { resizeRestartNeverFix } from '../service/fixes/api';

export const resizePolicyRestartNever = defineRule({
  meta: {
    id: 'resize-policy-restart-never',
    catalogueId: 'E23',
    group: 'api',
    description: 'A `resizePolicy` entry that restarts the container (`RestartContainer`) in a pod with `restartPolicy: Never`.',
    defaultSeverity: 'error',
    fixable: true,
    versions: 'Always rejected (resizePolicy exists from Kubernetes 1.27).',
    messages: {
      restartNever:
        'The `resizePolicy` of {{container}} asks for a restart ({{value}}) when its {{resource}} is resized, but the pod has `restartPolicy: Never`, so a restarted container would never come back. Use `NotRequired`. API server: `{{path}}.resizePolicy: Invalid value: {{goValue}}: must be \'NotRequired\' when `restartPolicy` is \'Never\'`',
    },
  },
  checkPod(pod, context) {
    if (pod.restartPolicy !== 'Never') return;
    for (const container of pod.allContainers) {
      for (const { ref } of seqItems(container.pairs.get('resizePolicy')?.value, pod.yaml)) {
        const value = mapGet(ref, 'restartPolicy', pod.yaml)?.value;
        const text = scalarText(value);
        // An empty value is a separate "Required value" error; only a set, non-NotRequired policy hits this check.
        if (!value || text === undefined || text === '' || text === 'NotRequired') continue;
        context.report({
          at: value,
          messageId: 'restartNever',
          data: {
            container: container.label,
            value: `\`${text}\``,
            goValue: JSON.stringify(text),
            resource: scalarText(mapGet(ref, 'resourceName', pod.yaml)?.value) ?? 'resource',
            path: container.path,
          },
          related: pod.restartPolicyPair?.value ? [{ at: pod.restartPolicyPair.value, message: 'the pod never restarts its containers' }] : [],
          fix: { replaceWith: 'NotRequired' },
        });
      }
    }
  },
  fix: resizeRestartNeverFix,
});
