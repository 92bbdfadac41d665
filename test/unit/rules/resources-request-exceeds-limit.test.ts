import { resourcesRequestExceedsLimit } from '../../../server/src/rules/resources-request-exceeds-limit';
import { runRuleTests } from '../../helpers/ruleTester';

const pod = (resources: string): string => `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: setup
    image: busybox:1.36
    resources: ${resources}
  containers: [{name: app, image: nginx:1.27}]
`;

runRuleTests(resourcesRequestExceedsLimit, {
  valid: [
    { name: 'catalogue passing example', yaml: pod('{requests: {cpu: 500m}, limits: {cpu: "1"}}') },
    { name: '"1.5" equals 1500m, 0.5Gi equals 512Mi', yaml: pod('{requests: {cpu: "1.5", memory: 0.5Gi}, limits: {cpu: 1500m, memory: 512Mi}}') },
    { name: 'YAML float 1e0 is one CPU; 128M < 128Mi', yaml: pod('{requests: {cpu: 100m, memory: 128M}, limits: {cpu: 1e0, memory: 128Mi}}') },
    { name: '1e6 equals 1M; surrounding spaces are ignored by the API server', yaml: pod('{requests: {memory: 1e6, cpu: " 250m "}, limits: {memory: 1M, cpu: 250m}}') },
    { name: 'only limits (requests default to them)', yaml: pod('{limits: {cpu: "2", memory: 1Gi, ephemeral-storage: 2Gi}}') },
    { name: 'extended resources are another rule', yaml: pod('{requests: {nvidia.com/gpu: 2}, limits: {nvidia.com/gpu: 1}}') },
    { name: 'hugepages and prefixed native resources are valid names', yaml: pod('{requests: {memory: 1Gi, hugepages-2Mi: 100Mi, example.kubernetes.io/thing: 1}, limits: {memory: 1Gi, hugepages-2Mi: 100Mi}}') },
  ],
  invalid: [
    {
      name: 'catalogue example: cpu 2 > 1 (Pod)',
      yaml: pod('{requests: {cpu: ⟦"2"⟧}, limits: {cpu: "1"}}'),
      errors: [
        {
          messageId: 'exceedsLimit',
          severity: 'error',
          messageIncludes: ['Init container 1 of 1 `setup` requests `2` of `cpu` but its limit is `1`:', 'spec.initContainers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1'],
        },
      ],
    },
    {
      name: '1Gi > 1000Mi, and a YAML int above a YAML float (Deployment)',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: quantities}
spec:
  selector: {matchLabels: {app: q}}
  template:
    metadata: {labels: {app: q}}
    spec:
      initContainers:
      - name: binary-vs-decimal
        image: busybox:1.36
        resources:
          requests: {cpu: 100m, memory: ⟦1Gi⟧}
          limits: {cpu: 100m, memory: 1000Mi}
      - name: numeric-cpu
        image: busybox:1.36
        resources:
          requests: {cpu: ⟦2⟧, memory: 16Mi}
          limits: {cpu: 1.5, memory: 16Mi}
      containers: [{name: app, image: nginx:1.27}]
`,
      errors: [
        { messageId: 'exceedsLimit', messageIncludes: ['(1073741824 > 1048576000)', 'must be less than or equal to memory limit of 1000Mi'] },
        { messageId: 'exceedsLimit', messageIncludes: ['requests `2` of `cpu` but its limit is `1.5`:', 'Invalid value: "2": must be less than or equal to cpu limit of 1500m'] },
      ],
    },
    {
      name: 'invalid quantity 1e3m, an unknown suffix and a space (CronJob)',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: report}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          initContainers:
          - name: bad-suffix
            image: busybox:1.36
            resources:
              requests: {cpu: ⟦1e3m⟧, memory: ⟦1Gb⟧}
              limits: {cpu: 200m, memory: ⟦"1 Gi"⟧}
          containers: [{name: report, image: "registry.example.com/report:3.2.0"}]
`,
      errors: [
        {
          messageId: 'invalidQuantity',
          messageIncludes: ['a decimal exponent (`e3`) and a suffix (`m`) cannot be combined', 'CronJob in version "v1" cannot be handled as a CronJob: quantities must match the regular expression'],
        },
        { messageId: 'invalidQuantity', messageIncludes: '`Gb` is not a suffix Kubernetes knows' },
        { messageId: 'invalidQuantity', messageIncludes: 'no space between the number and its suffix' },
      ],
    },
    {
      name: 'unknown suffix K: the suffix error',
      yaml: pod('{requests: {memory: ⟦64K⟧}}'),
      errors: [{ messageId: 'invalidQuantity', messageIncludes: "unable to parse quantity's suffix" }],
    },
    {
      name: 'negative quantity',
      yaml: pod('{requests: {cpu: ⟦-100m⟧}}'),
      errors: [{ messageId: 'negative', messageIncludes: 'spec.initContainers[0].resources.requests[cpu]: Invalid value: "-100m": must be greater than or equal to 0' }],
    },
    {
      name: 'resource names containers cannot use (reported at the key)',
      yaml: pod('{requests: {⟦pods⟧: "1", ⟦requests.cpu⟧: 100m}, limits: {⟦foo/bar_⟧: 1}}'),
      errors: [
        {
          messageId: 'invalidResourceName',
          messageIncludes: ['The request `pods` of init container 1 of 1 `setup`', 'spec.initContainers[0].resources.requests[pods]: Invalid value: "pods": must be a standard resource for containers'],
        },
        { messageId: 'invalidResourceName', messageIncludes: 'must be a standard resource for containers' },
        { messageId: 'invalidResourceName', messageIncludes: ['The limit `foo/bar_` of init container 1 of 1 `setup`', 'name part must consist of alphanumeric characters'] },
      ],
    },
  ],
});
