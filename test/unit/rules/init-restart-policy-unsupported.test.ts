import { initRestartPolicyUnsupported } from '../../../server/src/rules/init-restart-policy-unsupported';
import { runRuleTests } from '../../helpers/ruleTester';

const pod = (policy: string): string => `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: setup
    image: busybox:1.36
    command: ["sh", "-c", "cp -r /seed/. /work/"]
    restartPolicy: ⟦${policy}⟧
  containers: [{name: app, image: nginx:1.27}]
`;

runRuleTests(initRestartPolicyUnsupported, {
  valid: [
    {
      name: 'native sidecar (restartPolicy: Always)',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: proxy, image: envoyproxy/envoy:v1.31.0, restartPolicy: Always}
  containers: [{name: app, image: nginx:1.27}]
`,
    },
    {
      name: 'init container without restartPolicy in a Deployment',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers: [{name: migrate, image: "ghcr.io/acme/migrate:3.2.0"}]
      containers: [{name: app, image: nginx:1.27}]
`,
    },
    {
      name: 'Kubernetes 1.27 does not know the field (schema check instead)',
      settings: { kubernetesVersion: '1.27' },
      yaml: pod('OnFailure').replace(/[⟦⟧]/g, ''),
    },
    {
      name: 'Kubernetes 1.28 with SidecarContainers off drops the field',
      settings: { kubernetesVersion: '1.28', featureGates: { SidecarContainers: false } },
      yaml: pod('Never').replace(/[⟦⟧]/g, ''),
    },
    {
      name: 'pod-level restartPolicy is not this rule',
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: once}
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers: [{name: fetch, image: "curlimages/curl:8.10.1"}]
      containers: [{name: main, image: "ghcr.io/acme/batch:1.0.0"}]
`,
    },
  ],
  invalid: [
    {
      name: 'OnFailure on Kubernetes 1.34 (gate off by default)',
      settings: { kubernetesVersion: '1.34' },
      yaml: pod('OnFailure'),
      errors: [
        {
          messageId: 'unsupported',
          severity: 'error',
          messageIncludes: ['init container 1 of 1 `setup`', 'in Kubernetes 1.34,', 'before 1.35', 'spec.initContainers[0].restartPolicy: Unsupported value: "OnFailure": supported values: "Always"'],
        },
      ],
    },
    {
      name: 'a value that is no restart policy on 1.30: rejected by every version, not only before 1.35',
      settings: { kubernetesVersion: '1.30' },
      yaml: pod('Sometimes'),
      errors: [
        {
          messageId: 'unsupported',
          severity: 'error',
          messageIncludes: ['`Sometimes` is no restart policy at all: rejected by every Kubernetes version', 'Unsupported value: "Sometimes": supported values: "Always"`'],
        },
      ],
    },
    {
      name: 'Never on Kubernetes 1.29',
      settings: { kubernetesVersion: '1.29' },
      yaml: pod('Never'),
      errors: [{ messageId: 'unsupported', messageIncludes: 'Unsupported value: "Never"' }],
    },
    {
      name: 'Kubernetes 1.36 with ContainerRestartRules explicitly off',
      settings: { kubernetesVersion: '1.36', featureGates: { ContainerRestartRules: false } },
      yaml: pod('OnFailure'),
      errors: [{ messageId: 'unsupported', messageIncludes: 'with the `ContainerRestartRules` feature gate off' }],
    },
    {
      name: 'Kubernetes 1.34 with ContainerRestartRules explicitly on: accepted, older versions reject it',
      settings: { kubernetesVersion: '1.34', featureGates: { ContainerRestartRules: true } },
      yaml: pod('Never'),
      errors: [{ messageId: 'olderVersions', severity: 'warning' }],
    },
    {
      name: 'OnFailure on 1.36: accepted (warning), not a sidecar',
      yaml: pod('OnFailure'),
      errors: [{ messageId: 'olderVersions', severity: 'warning', messageIncludes: ['not a sidecar', 'Rejected by Kubernetes before 1.35', 'retried in place'] }],
    },
    {
      name: 'a value that is no restart policy is rejected everywhere',
      yaml: pod('Sometimes'),
      errors: [{ messageId: 'unsupportedValue', severity: 'error', messageIncludes: 'supported values: "Always", "OnFailure", "Never"' }],
    },
    {
      name: 'CronJob, flow style, Kubernetes 1.33',
      settings: { kubernetesVersion: '1.33' },
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: report}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          initContainers:
          - {name: proxy, image: "gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.13.0", restartPolicy: Always}
          - {name: verify, image: "busybox:1.36", restartPolicy: ⟦OnFailure⟧}
          containers: [{name: report, image: "registry.example.com/report:3.2.0"}]
`,
      errors: [{ messageId: 'unsupported', messageIncludes: ['init container 2 of 2 `verify`', 'spec.jobTemplate.spec.template.spec.initContainers[1].restartPolicy'] }],
    },
    {
      name: 'Deployment, quoted value',
      settings: { kubernetesVersion: '1.32' },
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
        restartPolicy: ⟦"Never"⟧
      containers: [{name: app, image: nginx:1.27}]
`,
      errors: [{ messageId: 'unsupported', messageIncludes: 'spec.template.spec.initContainers[0].restartPolicy' }],
    },
  ],
});
