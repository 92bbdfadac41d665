import { defineRule } from './types';

/**
 * W15: with pod `restartPolicy: Never` a failing regular init container is not retried: the whole Pod
 * fails. In a Job each such failure costs one retry of `backoffLimit` and a new Pod that runs every init
 * container again. Sidecars are not concerned (they are restarted whatever the pod policy).
 */
export const initFailureFailsPod = defineRule({
  meta: {
    id: 'init-failure-fails-pod',
    catalogueId: 'W15',
    group: 'runtime',
    description: 'Pod `restartPolicy: Never` with regular init containers: one init failure fails the whole Pod.',
    defaultSeverity: 'information',
    fixable: false,
    messages: {
      failsPod:
        'With `restartPolicy: Never`, if {{containers}} fails, the kubelet does not retry it: the whole Pod fails.{{job}} Make the init step retry internally (a bounded loop), or use `restartPolicy: OnFailure` if re-running it in the same Pod is fine.',
    },
  },
  checkPod(pod, context) {
    if (pod.restartPolicy !== 'Never') return;
    const at = pod.restartPolicyPair?.value;
    const inits = pod.initContainers.filter((c) => c.role === 'init');
    if (!at || inits.length === 0) return;
    const isJob = pod.workload.kind === 'Job' || pod.workload.kind === 'CronJob';
    const labels = inits.map((c) => c.label);
    const containers = labels.length === 1 ? (labels[0] as string) : `any of ${labels.join(', ')}`;
    context.report({
      at,
      messageId: 'failsPod',
      data: {
        containers,
        job: isJob ? ' The Job counts the failure against `backoffLimit` (default 6) and creates a new Pod, which runs every init container again.' : '',
      },
    });
  },
});
