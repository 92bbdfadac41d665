import { initResizePolicyForbidden } from '../../../server/src/rules/init-resize-policy-forbidden';
import { runRuleTests } from '../../helpers/ruleTester';

const sidecarPod = (marker: (s: string) => string): string => `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: proxy
    image: envoyproxy/envoy:v1.31.0
    restartPolicy: Always
    ${marker('resizePolicy')}: [{resourceName: cpu, restartPolicy: NotRequired}]
  containers:
  - name: app
    image: nginx:1.27
    resizePolicy: [{resourceName: memory, restartPolicy: RestartContainer}]
`;
const plain = (s: string): string => s;
const marked = (s: string): string => `⟦${s}⟧`;

runRuleTests(initResizePolicyForbidden, {
  valid: [
    { name: 'sidecar on 1.33 (InPlacePodVerticalScaling on by default); app containers always', settings: { kubernetesVersion: '1.33' }, yaml: sidecarPod(plain) },
    { name: 'sidecar on the default version', yaml: sidecarPod(plain) },
    {
      name: 'empty resizePolicy list on an init container',
      settings: { kubernetesVersion: '1.30' },
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers: [{name: setup, image: busybox:1.36, command: ["true"], resizePolicy: []}]
      containers: [{name: app, image: nginx:1.27}]
`,
    },
  ],
  invalid: [
    {
      name: 'sidecar on 1.32',
      settings: { kubernetesVersion: '1.32' },
      yaml: sidecarPod(marked),
      errors: [{ messageId: 'sidecarVersion', severity: 'error', messageIncludes: ['sidecar `proxy`', 'before 1.33', 'you selected 1.32', '`spec.initContainers[0].resizePolicy: Invalid value: …: must not be set for init containers`'] }],
    },
    {
      name: 'sidecar on 1.34 with the gate turned off',
      settings: { kubernetesVersion: '1.34', featureGates: { InPlacePodVerticalScaling: false } },
      yaml: sidecarPod(marked),
      errors: [{ messageId: 'sidecarGate', messageIncludes: 'InPlacePodVerticalScaling is off' }],
    },
    {
      name: 'sidecar on 1.31 even with the alpha gate on (no sidecar resize before 1.33)',
      settings: { kubernetesVersion: '1.31', featureGates: { InPlacePodVerticalScaling: true } },
      yaml: sidecarPod(marked),
      errors: [{ messageId: 'sidecarVersion' }],
    },
    {
      name: 'regular init container of a Deployment, on every version',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers:
      - name: migrate
        image: ghcr.io/acme/migrate:3.2.0
        ⟦resizePolicy⟧:
        - resourceName: memory
          restartPolicy: NotRequired
      containers: [{name: app, image: nginx:1.27}]
`,
      errors: [{ messageId: 'init', messageIncludes: ['init container 1 of 1 `migrate`', 'spec.template.spec.initContainers[0].resizePolicy'] }],
    },
    {
      name: 'regular init container of a CronJob',
      settings: { kubernetesVersion: '1.28' },
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: report}
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          initContainers: [{name: fetch, image: "curlimages/curl:8.10.1", ⟦resizePolicy⟧: [{resourceName: cpu, restartPolicy: NotRequired}]}]
          containers: [{name: main, image: "ghcr.io/acme/report:1.0.0"}]
`,
      errors: [{ messageId: 'init', messageIncludes: 'spec.jobTemplate.spec.template.spec.initContainers[0].resizePolicy' }],
    },
  ],
});
