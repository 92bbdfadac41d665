import { containerRestartPolicyForbidden } from '../../../server/src/rules/container-restart-policy-forbidden';
import { runRuleTests } from '../../helpers/ruleTester';

const podWithProxy = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - {name: app, image: nginx:1.27}
  - name: cloud-sql-proxy
    image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.0
    ⟦restartPolicy⟧: Always
`;

runRuleTests(containerRestartPolicyForbidden, {
  valid: [
    {
      name: 'sidecar declared correctly under initContainers',
      settings: { kubernetesVersion: '1.33' },
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: cloud-sql-proxy, image: "gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.0", restartPolicy: Always}
  containers:
  - {name: app, image: nginx:1.27}
`,
    },
    {
      name: 'Kubernetes 1.27 does not know the field (schema check instead)',
      settings: { kubernetesVersion: '1.27' },
      yaml: podWithProxy.replace(/[⟦⟧]/g, ''),
    },
    {
      name: 'pod-level restartPolicy in a Job',
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: once}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: main, image: "ghcr.io/acme/batch:1.0.0"}]
`,
    },
  ],
  invalid: [
    {
      name: 'the classic mistake: sidecar marker on an app container (1.33)',
      settings: { kubernetesVersion: '1.33' },
      yaml: podWithProxy,
      errors: [
        {
          messageId: 'forbidden',
          severity: 'error',
          messageIncludes: ['container `cloud-sql-proxy`', 'rejected: in Kubernetes 1.33, only init containers', 'move it to `initContainers`', 'spec.containers[1].restartPolicy: Forbidden: may not be set for non-init containers'],
        },
      ],
    },
    {
      name: 'accepted from 1.35, still not a sidecar (warning)',
      yaml: podWithProxy,
      errors: [{ messageId: 'olderVersions', severity: 'warning', messageIncludes: ['Rejected by Kubernetes before 1.35', 'as a sidecar'] }],
    },
    {
      name: 'Kubernetes 1.35 with the gate off',
      settings: { kubernetesVersion: '1.35', featureGates: { ContainerRestartRules: false } },
      yaml: podWithProxy,
      errors: [{ messageId: 'forbidden', messageIncludes: 'with the `ContainerRestartRules` feature gate off' }],
    },
    {
      name: 'Deployment on 1.34, Never',
      settings: { kubernetesVersion: '1.34' },
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - {name: app, image: nginx:1.27, ⟦restartPolicy⟧: Never}
`,
      errors: [{ messageId: 'forbidden', messageIncludes: 'spec.template.spec.containers[0].restartPolicy' }],
    },
    {
      name: 'a value that is no restart policy, CronJob on 1.36',
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
          containers:
          - name: report
            image: registry.example.com/report:3.2.0
            restartPolicy: ⟦Sometimes⟧
`,
      errors: [{ messageId: 'unsupportedValue', severity: 'error', messageIncludes: 'Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"' }],
    },
    {
      name: 'ephemeral container',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers: [{name: app, image: nginx:1.27}]
  ephemeralContainers:
  - {name: debugger, image: busybox:1.36, targetContainerName: app, ⟦restartPolicy⟧: Always}
`,
      errors: [{ messageId: 'ephemeral', messageIncludes: 'spec.ephemeralContainers[0].restartPolicy: Forbidden: cannot be set for an Ephemeral Container' }],
    },
  ],
});
