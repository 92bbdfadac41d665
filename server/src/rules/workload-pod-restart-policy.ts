import { defineRule } from './types';
import { scalarText, scalarValue } from '../service/parse/nav';
import { workloadRestartPolicyFixes } from '../service/fixes/api';

/** The name the API uses in "activeDeadlineSeconds in X is not Supported" (a Deployment is validated as a ReplicaSet). */
const DEADLINE_FORBIDDEN: Readonly<Record<string, string>> = {
  ReplicationController: 'ReplicationController',
  ReplicaSet: 'ReplicaSet',
  Deployment: 'ReplicaSet',
  StatefulSet: 'StatefulSet',
  DaemonSet: 'DaemonSet',
};

const quoteList = (values: readonly string[]): string => values.map((v) => JSON.stringify(v)).join(', ');

export const workloadPodRestartPolicy = defineRule({
  meta: {
    id: 'workload-pod-restart-policy',
    catalogueId: 'E27',
    group: 'api',
    description:
      'A pod `restartPolicy` the kind does not allow (`Always` in a Job or CronJob, also when defaulted; anything but `Always` in a Deployment, StatefulSet, DaemonSet, ReplicaSet or ReplicationController), or `activeDeadlineSeconds` in such a template.',
    defaultSeverity: 'error',
    fixable: true,
    versions: 'Always rejected. Custom resources are not checked.',
    messages: {
      jobAlways:
        'A {{kind}} runs its pods to completion, so the pod `restartPolicy` must be `OnFailure` or `Never`: with `Always` a finished pod would be restarted for ever. To keep a helper such as a proxy running beside the job, make it a native sidecar instead (an init container with its own `restartPolicy: Always`). API server: `{{path}}: Unsupported value: "Always": supported values: "OnFailure", "Never"`',
      jobDefaulted:
        'The pod template of this {{kind}} has no `restartPolicy`, so the API server defaults it to `Always`, which a {{kind}} rejects. Add `restartPolicy: Never` (or `OnFailure`). API server: `{{path}}: Unsupported value: "Always": supported values: "OnFailure", "Never"`',
      alwaysOnly:
        'A {{kind}} keeps its pods running and replaces them when they end, so the pod `restartPolicy` can only be `Always` (the default); `{{value}}` is rejected. Remove it; for a step that runs once per pod start, use an init container. API server: `{{path}}: Unsupported value: "{{value}}": supported values: "Always"`',
      unsupported:
        '`{{value}}` is not a pod restart policy{{forKind}}: use {{allowedWords}}. API server: `{{path}}: Unsupported value: {{goValue}}: supported values: {{allowed}}`',
      activeDeadline:
        '`activeDeadlineSeconds` would kill the pods of this {{kind}} after a fixed time, but its pods are meant to run until replaced, so the API server forbids it in the template. Remove it (for a time-limited run, use a Job). API server: `{{path}}: Forbidden: activeDeadlineSeconds in {{validator}} is not Supported`',
    },
  },
  checkPod(pod, context) {
    const allowed = pod.workload.allowedRestartPolicies;
    if (!pod.workload.core || !allowed) return;
    const kind = pod.workload.kind;
    const isJob = kind === 'Job' || kind === 'CronJob';
    const path = `${pod.path}.restartPolicy`;
    const pair = pod.restartPolicyPair;
    const written = scalarValue(pair?.value) === null ? undefined : scalarText(pair?.value);
    if (written === undefined || written === '') {
      // API defaulting sets `Always`: only a Job or CronJob rejects that.
      const at = pair?.key ?? pod.keyRef;
      if (isJob && at) {
        context.report({ at, messageId: 'jobDefaulted', data: { kind, path }, fix: { insert: 'restartPolicy', value: 'Never', allowed: [...allowed] } });
      }
    } else if (!allowed.includes(written) && pair?.value) {
      const known = ['Always', 'OnFailure', 'Never'].includes(written);
      const data = { kind, path, value: written };
      if (known && isJob) context.report({ at: pair.value, messageId: 'jobAlways', data, fix: { replaceWith: 'Never', allowed: [...allowed] } });
      else if (known) context.report({ at: pair.value, messageId: 'alwaysOnly', data, fix: { replaceWith: 'Always', allowed: [...allowed] } });
      else {
        context.report({
          at: pair.value,
          messageId: 'unsupported',
          data: {
            ...data,
            goValue: JSON.stringify(written),
            forKind: allowed.length < 3 ? ` a ${kind} accepts` : '',
            allowed: quoteList(allowed),
            allowedWords: allowed.map((v) => `\`${v}\``).join(' or '),
          },
          fix: { replaceWith: isJob ? 'Never' : 'Always', allowed: [...allowed] },
        });
      }
    }
    const validator = DEADLINE_FORBIDDEN[kind];
    const deadline = pod.pairs.get('activeDeadlineSeconds');
    if (validator && deadline?.value && scalarValue(deadline.value) !== null) {
      context.report({
        at: deadline.key,
        messageId: 'activeDeadline',
        data: { kind, validator, path: `${pod.path}.activeDeadlineSeconds` },
        fix: { remove: 'activeDeadlineSeconds' },
      });
    }
  },
  fix: workloadRestartPolicyFixes,
});
