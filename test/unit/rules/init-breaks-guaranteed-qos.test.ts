import { initBreaksGuaranteedQos } from '../../../server/src/rules/init-breaks-guaranteed-qos';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(initBreaksGuaranteedQos, {
  valid: [
    {
      name: 'init container sized with limits only (requests default to limits)',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: setup, image: busybox:1.36, command: ["true"], resources: {limits: {cpu: 100m, memory: 64Mi}}}
  containers:
  - {name: app, image: nginx:1.27, resources: {limits: {cpu: "1", memory: 1Gi}}}
`,
    },
    {
      name: 'app containers are Burstable anyway',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers:
      - {name: setup, image: busybox:1.36, command: ["true"]}
      containers:
      - {name: app, image: nginx:1.27, resources: {requests: {cpu: 500m, memory: 512Mi}, limits: {memory: 512Mi}}}
`,
    },
    {
      name: 'pod-level resources decide the QoS class (1.34+)',
      settings: { kubernetesVersion: '1.34' },
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  resources: {requests: {cpu: "1", memory: 1Gi}, limits: {cpu: "1", memory: 1Gi}}
  initContainers:
  - {name: setup, image: busybox:1.36, command: ["true"]}
  containers:
  - {name: app, image: nginx:1.27, resources: {limits: {cpu: "1", memory: 1Gi}}}
`,
    },
  ],
  invalid: [
    {
      name: 'catalogue example: un-sized init container in a Guaranteed Pod',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: ⟦setup⟧
    image: busybox:1.36
    command: ["true"]
  containers:
  - name: app
    image: nginx:1.27
    resources: {limits: {cpu: "1", memory: 1Gi}}
`,
      errors: [{ messageId: 'breaksQos', severity: 'warning', messageIncludes: ['init container 1 of 1 `setup` is not (no requests or limits)', 'the pod is Burstable'] }],
    },
    {
      name: 'Deployment: a sidecar with requests below limits',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: trading}
spec:
  replicas: 2
  selector: {matchLabels: {app: trading}}
  template:
    metadata: {labels: {app: trading}}
    spec:
      initContainers:
      - name: envoy
        image: envoyproxy/envoy:v1.31.0
        restartPolicy: Always
        ⟦resources⟧:
          requests: {cpu: 100m, memory: 128Mi}
          limits: {cpu: 500m, memory: 128Mi}
      containers:
      - name: engine
        image: ghcr.io/acme/engine:5.1.0
        resources:
          requests: {cpu: "2", memory: 4Gi}
          limits: {cpu: "2", memory: 4Gi}
`,
      errors: [{ messageId: 'breaksQos', messageIncludes: ['sidecar `envoy`', 'cpu request 100m ≠ limit 500m'] }],
    },
    {
      name: 'Job: memory limit missing on the init container',
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: train}
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - name: download
        image: ghcr.io/acme/download:1.0.0
        ⟦resources⟧: {limits: {cpu: 500m}}
      containers:
      - name: train
        image: ghcr.io/acme/train:1.0.0
        resources: {limits: {cpu: "4", memory: 16Gi}}
`,
      errors: [{ messageId: 'breaksQos', messageIncludes: 'no memory limit' }],
    },
  ],
});
