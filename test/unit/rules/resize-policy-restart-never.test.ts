import { resizePolicyRestartNever } from '../../../server/src/rules/resize-policy-restart-never';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(resizePolicyRestartNever, {
  valid: [
    {
      name: 'RestartContainer with the default pod restartPolicy (Always)',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: app
        image: nginx:1.27
        resizePolicy: [{resourceName: memory, restartPolicy: RestartContainer}]
`,
    },
    {
      name: 'NotRequired in a Never pod; OnFailure allows RestartContainer',
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: train}
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: train
        image: ghcr.io/acme/trainer:1.4.2
        resizePolicy: [{resourceName: cpu, restartPolicy: NotRequired}]
---
apiVersion: batch/v1
kind: Job
metadata: {name: train-retry}
spec:
  template:
    spec:
      restartPolicy: OnFailure
      containers:
      - name: train
        image: ghcr.io/acme/trainer:1.4.2
        resizePolicy: [{resourceName: memory, restartPolicy: RestartContainer}]
`,
    },
  ],
  invalid: [
    {
      name: 'Pod with restartPolicy Never',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: once}
spec:
  restartPolicy: Never
  containers:
  - name: app
    image: nginx:1.27
    resizePolicy:
    - resourceName: memory
      restartPolicy: ⟦RestartContainer⟧
`,
      errors: [{ messageId: 'restartNever', severity: 'error', messageIncludes: ['container `app`', 'memory', '`spec.containers[0].resizePolicy: Invalid value: "RestartContainer": must be \'NotRequired\' when `restartPolicy` is \'Never\'`'] }],
    },
    {
      name: 'Job sidecar and app container',
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: train}
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - {name: proxy, image: envoyproxy/envoy:v1.31.0, restartPolicy: Always, resizePolicy: [{resourceName: cpu, restartPolicy: ⟦RestartContainer⟧}]}
      containers:
      - {name: train, image: ghcr.io/acme/trainer:1.4.2, resizePolicy: [{resourceName: cpu, restartPolicy: NotRequired}, {resourceName: memory, restartPolicy: ⟦RestartContainer⟧}]}
`,
      errors: [
        { messageId: 'restartNever', messageIncludes: ['sidecar `proxy`', 'spec.template.spec.initContainers[0].resizePolicy'] },
        { messageId: 'restartNever', messageIncludes: 'spec.template.spec.containers[0].resizePolicy' },
      ],
    },
    {
      name: 'CronJob',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: report}
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers: [{name: main, image: "ghcr.io/acme/report:1.0.0", resizePolicy: [{resourceName: cpu, restartPolicy: ⟦RestartContainer⟧}]}]
`,
      errors: [{ messageId: 'restartNever', messageIncludes: 'spec.jobTemplate.spec.template.spec.containers[0].resizePolicy' }],
    },
  ],
});
