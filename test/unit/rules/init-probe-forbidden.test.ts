import { initProbeForbidden } from '../../../server/src/rules/init-probe-forbidden';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(initProbeForbidden, {
  valid: [
    {
      name: 'probe on a native sidecar',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: proxy
    image: envoyproxy/envoy:v1.31.0
    restartPolicy: Always
    readinessProbe: {tcpSocket: {port: 15001}}
  containers: [{name: app, image: nginx:1.27}]
`,
    },
    {
      name: 'probes on app containers',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      initContainers: [{name: setup, image: busybox:1.36, command: ["true"]}]
      containers:
      - name: app
        image: nginx:1.27
        livenessProbe: {httpGet: {path: /, port: 80}}
`,
    },
    {
      name: 'not a Kubernetes document',
      yaml: `initContainers:
- name: x
  readinessProbe: {}
`,
    },
    {
      name: 'a sidecar probe on 1.28 with SidecarContainers on, and on 1.33 where the gate is GA and cannot be turned off',
      settings: { kubernetesVersion: '1.28', featureGates: { SidecarContainers: true } },
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: envoy, image: envoyproxy/envoy:v1.31.0, restartPolicy: Always, startupProbe: {tcpSocket: {port: 15001}}}
  containers: [{name: app, image: nginx:1.27}]
`,
    },
    {
      name: 'a sidecar probe on 1.33 with SidecarContainers false (GA: the setting is ignored)',
      settings: { kubernetesVersion: '1.33', featureGates: { SidecarContainers: false } },
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: envoy, image: envoyproxy/envoy:v1.31.0, restartPolicy: Always, startupProbe: {tcpSocket: {port: 15001}}}
  containers: [{name: app, image: nginx:1.27}]
`,
    },
  ],
  invalid: [
    {
      name: 'readinessProbe on a plain init container in a Pod',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: wait-db
    image: busybox:1.36
    command: ["sh", "-c", "until nc -z db 5432; do sleep 2; done"]
    ⟦readinessProbe⟧: {tcpSocket: {port: 5432}}
  containers: [{name: app, image: nginx:1.27}]
`,
      errors: [{ messageId: 'forbidden', severity: 'error', messageIncludes: ['init container 1 of 1 `wait-db`', 'spec.initContainers[0].readinessProbe: Forbidden'] }],
    },
    {
      name: 'every probe of a Deployment init container, restartPolicy OnFailure is not a sidecar',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      initContainers:
      - name: setup
        image: busybox:1.36
        restartPolicy: OnFailure
        ⟦livenessProbe⟧: {exec: {command: ["true"]}}
        ⟦startupProbe⟧: {exec: {command: ["true"]}}
      containers: [{name: app, image: nginx:1.27}]
`,
      errors: [
        { messageId: 'forbidden', messageIncludes: 'spec.template.spec.initContainers[0].livenessProbe' },
        { messageId: 'forbidden', messageIncludes: 'startupProbe' },
      ],
    },
    {
      name: 'CronJob, reported at the key in flow style',
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
          initContainers: [{name: fetch, image: "curlimages/curl:8.10.1", ⟦"startupProbe"⟧: {exec: {command: ["true"]}}}]
          containers: [{name: main, image: "ghcr.io/acme/report:1.0.0"}]
`,
      errors: [{ messageId: 'forbidden', messageIncludes: 'spec.jobTemplate.spec.template.spec.initContainers[0].startupProbe' }],
    },
    {
      name: 'Kubernetes 1.27 wording',
      settings: { kubernetesVersion: '1.27' },
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: setup
    image: busybox:1.36
    ⟦livenessProbe⟧: {exec: {command: ["true"]}}
  containers: [{name: app, image: nginx:1.27}]
`,
      errors: [{ messageId: 'forbiddenLegacy', messageIncludes: 'must not be set for init containers' }],
    },
    {
      name: 'a sidecar on Kubernetes 1.27: restartPolicy is unknown, so its probe is an init-container probe',
      settings: { kubernetesVersion: '1.27' },
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: envoy
    image: envoyproxy/envoy:v1.31.0
    restartPolicy: Always
    ⟦startupProbe⟧: {tcpSocket: {port: 15001}}
  containers: [{name: app, image: nginx:1.27}]
`,
      errors: [{ messageId: 'forbiddenLegacy', messageIncludes: ['sidecar `envoy`', 'Kubernetes 1.27 has no native sidecars'] }],
    },
    {
      name: 'a sidecar on Kubernetes 1.28 with SidecarContainers off: restartPolicy is dropped, so its probe is rejected',
      settings: { kubernetesVersion: '1.28' },
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers:
      - name: envoy
        image: envoyproxy/envoy:v1.31.0
        restartPolicy: Always
        ⟦readinessProbe⟧: {tcpSocket: {port: 15001}}
      containers: [{name: app, image: nginx:1.27}]
`,
      errors: [
        {
          messageId: 'sidecarDropped',
          severity: 'error',
          messageIncludes: ['`SidecarContainers` feature gate off, Kubernetes 1.28 drops `restartPolicy: Always`', 'spec.template.spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always'],
        },
      ],
    },
    {
      name: 'reached through an alias: reported at the alias',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
x-init: &init
  name: setup
  image: busybox:1.36
  livenessProbe: {exec: {command: ["true"]}}
spec:
  initContainers:
  - ⟦*init⟧
  containers: [{name: app, image: nginx:1.27}]
`,
      errors: [{ messageId: 'forbidden' }],
    },
  ],
});
