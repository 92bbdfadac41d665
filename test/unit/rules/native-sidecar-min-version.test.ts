import { nativeSidecarMinVersion } from '../../../server/src/rules/native-sidecar-min-version';
import { runRuleTests } from '../../helpers/ruleTester';

const POD = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: envoy
    image: envoyproxy/envoy:v1.31.0
    restartPolicy: Always
  containers:
  - name: app
    image: nginx:1.27
`;

runRuleTests(nativeSidecarMinVersion, {
  valid: [
    { name: 'native sidecar on the default version', yaml: POD },
    { name: 'native sidecar on 1.29 (gate on by default)', yaml: POD, settings: { kubernetesVersion: '1.29' } },
    { name: 'native sidecar on 1.28 with the gate enabled', yaml: POD, settings: { kubernetesVersion: '1.28', featureGates: { SidecarContainers: true } } },
    {
      name: 'regular init container on 1.27',
      settings: { kubernetesVersion: '1.27' },
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers:
      - name: wait-db
        image: busybox:1.36
        command: ["sh", "-c", "for i in $(seq 1 60); do nc -z -w 2 db 5432 && exit 0; sleep 2; done; exit 1"]
      containers:
      - name: app
        image: nginx:1.27
`,
    },
    {
      name: 'restartPolicy Always on an app container is not a sidecar (E04 territory)',
      settings: { kubernetesVersion: '1.27' },
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: app
    image: nginx:1.27
    restartPolicy: Always
`,
    },
  ],
  invalid: [
    {
      name: 'Pod on 1.27: the field is unknown (error)',
      settings: { kubernetesVersion: '1.27' },
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: envoy
    image: envoyproxy/envoy:v1.31.0
    ⟦restartPolicy⟧: Always
  containers:
  - name: app
    image: nginx:1.27
`,
      errors: [
        {
          messageId: 'unknownField',
          severity: 'error',
          messageIncludes: ['sidecar `envoy`', 'strict decoding error: unknown field "spec.initContainers[0].restartPolicy"', 'Init:0/1'],
        },
      ],
    },
    {
      name: 'Deployment on 1.28 with the gate off by default (warning)',
      settings: { kubernetesVersion: '1.28' },
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers:
      - name: config
        image: busybox:1.36
        command: ["sh", "-c", "cp /src/app.conf /conf/"]
      - name: istio-proxy
        image: istio/proxyv2:1.23.2
        ⟦restartPolicy⟧: Always
      containers:
      - name: app
        image: ghcr.io/acme/app:3.2.0
`,
      errors: [{ messageId: 'gateOff', severity: 'warning', messageIncludes: ['sidecar `istio-proxy`', '`Init:1/2`', 'SidecarContainers'] }],
    },
    {
      name: 'CronJob on 1.28 with the gate explicitly off, flow style',
      settings: { kubernetesVersion: '1.28', featureGates: { SidecarContainers: false } },
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
          initContainers: [{name: cloud-sql-proxy, image: "gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.0", ⟦restartPolicy⟧: Always}]
          containers: [{name: main, image: "ghcr.io/acme/report:1.0.0"}]
`,
      errors: [{ messageId: 'gateOff', messageIncludes: 'sidecar `cloud-sql-proxy`' }],
    },
  ],
});
