import { resourcesExtendedRequestNotEqualLimit } from '../../../server/src/rules/resources-extended-request-not-equal-limit';
import { runRuleTests } from '../../helpers/ruleTester';

const pod = (resources: string): string => `apiVersion: v1
kind: Pod
metadata: {name: train}
spec:
  initContainers:
  - name: warmup
    image: ghcr.io/acme/warmup:1.0.0
    resources: ${resources}
  containers: [{name: trainer, image: "ghcr.io/acme/trainer:1.4.2"}]
`;

runRuleTests(resourcesExtendedRequestNotEqualLimit, {
  valid: [
    { name: 'catalogue passing example: only the limit', yaml: pod('{limits: {nvidia.com/gpu: 1}}') },
    { name: 'request equal to limit, written differently', yaml: pod('{requests: {nvidia.com/gpu: "1"}, limits: {nvidia.com/gpu: 1000m}}') },
    { name: 'cpu and memory may be overcommitted', yaml: pod('{requests: {cpu: 100m, memory: 64Mi}}') },
    { name: 'huge pages with memory', yaml: pod('{requests: {hugepages-2Mi: 100Mi, memory: 64Mi}, limits: {hugepages-2Mi: 100Mi, memory: 64Mi}}') },
  ],
  invalid: [
    {
      name: 'catalogue example: GPU request without a limit (Pod)',
      yaml: pod('{requests: {⟦nvidia.com/gpu⟧: 1}}'),
      errors: [
        {
          messageId: 'limitRequired',
          severity: 'error',
          messageIncludes: ['Init container 1 of 1 `warmup`', 'spec.initContainers[0].resources.limits: Required value: Limit must be set for non overcommitable resources'],
        },
      ],
    },
    {
      name: 'request differs from limit (Deployment)',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: infer}
spec:
  selector: {matchLabels: {app: infer}}
  template:
    metadata: {labels: {app: infer}}
    spec:
      containers:
      - name: server
        image: ghcr.io/acme/infer:2.0.0
        resources:
          requests: {nvidia.com/gpu: ⟦1⟧, cpu: "2"}
          limits: {nvidia.com/gpu: 2, cpu: "4"}
`,
      errors: [{ messageId: 'notEqual', messageIncludes: 'spec.template.spec.containers[0].resources.requests: Invalid value: "1": must be equal to nvidia.com/gpu limit of 2' }],
    },
    {
      name: 'huge pages: not equal, and without cpu or memory (Job)',
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: dpdk}
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - name: prepare
        image: ghcr.io/acme/dpdk:1.0.0
        ⟦resources⟧:
          requests: {hugepages-2Mi: ⟦50Mi⟧}
          limits: {hugepages-2Mi: 100Mi}
      containers: [{name: main, image: "ghcr.io/acme/dpdk:1.0.0"}]
`,
      errors: [
        { messageId: 'hugePagesAlone', messageIncludes: 'spec.template.spec.initContainers[0].resources: Forbidden: HugePages require cpu or memory' },
        { messageId: 'notEqual', messageIncludes: ['huge pages cannot be overcommitted', 'must be equal to hugepages-2Mi limit of 100Mi'] },
      ],
    },
    {
      name: 'fractional GPU (CronJob)',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: train
            image: ghcr.io/acme/trainer:1.4.2
            resources: {limits: {nvidia.com/gpu: ⟦0.5⟧}}
`,
      errors: [{ messageId: 'notInteger', messageIncludes: 'spec.jobTemplate.spec.template.spec.containers[0].resources.limits[nvidia.com/gpu]: Invalid value: …: must be an integer' }],
    },
  ],
});
