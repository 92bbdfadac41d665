import { initLifecycleForbidden } from '../../../server/src/rules/init-lifecycle-forbidden';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(initLifecycleForbidden, {
  valid: [
    {
      name: 'lifecycle on a native sidecar',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: log-shipper
    image: fluent/fluent-bit:3.1.9
    restartPolicy: Always
    lifecycle: {preStop: {sleep: {seconds: 5}}}
  containers: [{name: app, image: nginx:1.27}]
`,
    },
    {
      name: 'lifecycle on app containers of a Deployment',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers: [{name: setup, image: busybox:1.36, command: ["sh", "-c", "cp /src/* /workdir/"]}]
      containers:
      - name: app
        image: nginx:1.27
        lifecycle: {preStop: {exec: {command: ["nginx", "-s", "quit"]}}}
`,
    },
  ],
  invalid: [
    {
      name: 'catalogue example: preStop on a regular init container (Pod)',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers: [{name: setup, image: busybox:1.36, ⟦lifecycle⟧: {preStop: {exec: {command: ["true"]}}}}]
  containers: [{name: app, image: nginx:1.27}]
`,
      errors: [
        {
          messageId: 'forbidden',
          severity: 'error',
          messageIncludes: ['init container 1 of 1 `setup`', 'spec.initContainers[0].lifecycle: Forbidden: may not be set for init containers without restartPolicy=Always'],
        },
      ],
    },
    {
      name: 'Deployment, init container with restartPolicy OnFailure is not a sidecar',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers:
      - name: warm-cache
        image: ghcr.io/acme/warm:1.0.0
        restartPolicy: OnFailure
        ⟦lifecycle⟧:
          postStart:
            exec: {command: ["sh", "-c", "echo started"]}
      containers: [{name: app, image: nginx:1.27}]
`,
      errors: [{ messageId: 'forbidden', messageIncludes: 'spec.template.spec.initContainers[0].lifecycle' }],
    },
    {
      name: 'CronJob, second init container',
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
          - {name: fetch, image: "curlimages/curl:8.10.1"}
          - {name: verify, image: "busybox:1.36", ⟦lifecycle⟧: {postStart: {exec: {command: ["true"]}}}}
          containers: [{name: report, image: "registry.example.com/report:3.2.0"}]
`,
      errors: [{ messageId: 'forbidden', messageIncludes: ['init container 2 of 2 `verify`', 'spec.jobTemplate.spec.template.spec.initContainers[1].lifecycle'] }],
    },
    {
      name: 'Kubernetes 1.27 wording',
      settings: { kubernetesVersion: '1.27' },
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers: [{name: setup, image: busybox:1.36, ⟦lifecycle⟧: {preStop: {exec: {command: ["true"]}}}}]
  containers: [{name: app, image: nginx:1.27}]
`,
      errors: [{ messageId: 'forbiddenLegacy', messageIncludes: ['Kubernetes 1.27 has no native sidecars', 'must not be set for init containers'] }],
    },
    {
      name: 'a sidecar on Kubernetes 1.30 with SidecarContainers off: restartPolicy is dropped, so its hooks are rejected',
      settings: { kubernetesVersion: '1.30', featureGates: { SidecarContainers: false } },
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: log-shipper
    image: fluent/fluent-bit:3.1.9
    restartPolicy: Always
    ⟦lifecycle⟧: {preStop: {exec: {command: ["sh", "-c", "sleep 5"]}}}
  containers: [{name: app, image: nginx:1.27}]
`,
      errors: [{ messageId: 'sidecarDropped', severity: 'error', messageIncludes: ['sidecar `log-shipper`', 'Kubernetes 1.30 drops `restartPolicy: Always`', 'Forbidden: may not be set for init containers without restartPolicy=Always'] }],
    },
    {
      name: 'a sidecar on Kubernetes 1.27 (restartPolicy unknown)',
      settings: { kubernetesVersion: '1.27' },
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers: [{name: log-shipper, image: fluent/fluent-bit:3.1.9, restartPolicy: Always, ⟦lifecycle⟧: {preStop: {exec: {command: ["true"]}}}}]
  containers: [{name: app, image: nginx:1.27}]
`,
      errors: [{ messageId: 'forbiddenLegacy', messageIncludes: 'sidecar `log-shipper`' }],
    },
  ],
});
