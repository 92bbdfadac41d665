import { podFailurePolicyMatchesSidecarExit } from '../../../server/src/rules/pod-failure-policy-matches-sidecar-exit';
import { runRuleTests } from '../../helpers/ruleTester';

const job = (rule: string, sidecar = true): string => `apiVersion: batch/v1
kind: Job
metadata: {name: batch}
spec:
  backoffLimit: 6
  podFailurePolicy:
    rules:
    - action: FailJob
      ${rule}
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - name: ${sidecar ? 'istio-proxy' : 'setup'}
        image: ${sidecar ? 'istio/proxyv2:1.23.2' : 'busybox:1.36'}${sidecar ? '\n        restartPolicy: Always' : ''}
      containers:
      - name: main
        image: ghcr.io/acme/batch:1.0.0
`;

runRuleTests(podFailurePolicyMatchesSidecarExit, {
  valid: [
    { name: 'catalogue passing example: scoped with containerName', yaml: job('onExitCodes: {containerName: main, operator: In, values: [137]}') },
    { name: 'In without shutdown codes', yaml: job('onExitCodes: {operator: In, values: [42]}') },
    { name: 'NotIn listing both shutdown codes', yaml: job('onExitCodes: {operator: NotIn, values: [0, 137, 143]}') },
    { name: 'no sidecar in the template', yaml: job('onExitCodes: {operator: NotIn, values: [0]}', false) },
    { name: 'pod conditions only', yaml: job('onPodConditions: [{type: DisruptionTarget}]') },
  ],
  invalid: [
    {
      name: 'catalogue failing example: In [137] without containerName',
      yaml: job('⟦onExitCodes⟧: {operator: In, values: [137]}'),
      errors: [{ messageId: 'unscoped', severity: 'information', messageIncludes: ['action `FailJob`, `In` [137]', 'sidecar `istio-proxy`', 'containerName: main'] }],
    },
    {
      name: 'NotIn matches every sidecar shutdown code',
      yaml: job('⟦onExitCodes⟧:\n        operator: NotIn\n        values: [0, 42]'),
      errors: [{ messageId: 'unscoped', messageIncludes: '`NotIn` [0, 42]' }],
    },
    {
      name: 'CronJob',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 2 * * *"
  jobTemplate:
    spec:
      podFailurePolicy:
        rules:
        - {action: Ignore, onExitCodes: {containerName: report, operator: In, values: [3]}}
        - {action: FailJob, ⟦onExitCodes⟧: {operator: In, values: [1, 143]}}
      template:
        spec:
          restartPolicy: Never
          initContainers:
          - {name: log-shipper, image: "fluent/fluent-bit:3.1.9", restartPolicy: Always}
          - {name: cloud-sql-proxy, image: "gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.0", restartPolicy: Always}
          containers:
          - {name: report, image: "ghcr.io/acme/report:1.4.0"}
`,
      errors: [{ messageId: 'unscoped', messageIncludes: 'the sidecars (sidecar `log-shipper`, sidecar `cloud-sql-proxy`)' }],
    },
  ],
});
