import { jobPodFailurePolicyContainerName } from '../../../server/src/rules/job-pod-failure-policy-container-name';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(jobPodFailurePolicyContainerName, {
  valid: [
    {
      name: 'containerName of an app container and of a sidecar',
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: batch}
spec:
  podFailurePolicy:
    rules:
    - {action: FailJob, onExitCodes: {containerName: main, operator: In, values: [42]}}
    - {action: Ignore, onExitCodes: {containerName: proxy, operator: In, values: [137]}}
    - {action: Ignore, onPodConditions: [{type: DisruptionTarget}]}
  template:
    spec:
      restartPolicy: Never
      initContainers: [{name: proxy, image: envoyproxy/envoy:v1.31.0, restartPolicy: Always}]
      containers: [{name: main, image: ghcr.io/acme/batch:1.0.0}]
`,
    },
    {
      name: 'OnFailure without a podFailurePolicy; a Deployment is not checked',
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: batch}
spec:
  podFailurePolicy: ~
  template:
    spec:
      restartPolicy: OnFailure
      containers: [{name: main, image: ghcr.io/acme/batch:1.0.0}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  podFailurePolicy: {rules: [{action: FailJob, onExitCodes: {containerName: nope, operator: In, values: [1]}}]}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: app, image: nginx:1.27}]
`,
    },
  ],
  invalid: [
    {
      name: 'Job naming a container that does not exist',
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: batch}
spec:
  podFailurePolicy:
    rules:
    - action: FailJob
      onExitCodes:
        containerName: ⟦proxy⟧
        operator: In
        values: [42]
  template:
    spec:
      restartPolicy: Never
      initContainers: [{name: setup, image: busybox:1.36, command: ["true"]}]
      containers: [{name: main, image: ghcr.io/acme/batch:1.0.0}]
`,
      errors: [
        {
          messageId: 'unknownContainer',
          severity: 'error',
          messageIncludes: ['"main", "setup"', '`spec.podFailurePolicy.rules[0].onExitCodes.containerName: Invalid value: "proxy": must be one of the container or initContainer names in the pod template`'],
        },
      ],
    },
    {
      name: 'CronJob: unknown container and restartPolicy OnFailure',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: report}
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      podFailurePolicy:
        rules: [{action: Ignore, onExitCodes: {containerName: ⟦sql-proxy⟧, operator: In, values: [0]}}]
      template:
        spec:
          restartPolicy: ⟦OnFailure⟧
          initContainers: [{name: cloud-sql-proxy, image: "gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.0", restartPolicy: Always}]
          containers: [{name: main, image: "ghcr.io/acme/report:1.0.0"}]
`,
      errors: [
        { messageId: 'unknownContainer', messageIncludes: 'spec.jobTemplate.spec.podFailurePolicy.rules[0].onExitCodes.containerName' },
        { messageId: 'onFailure', messageIncludes: '`spec.jobTemplate.spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified`' },
      ],
    },
  ],
});
