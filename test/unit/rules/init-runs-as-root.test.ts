import { initRunsAsRoot } from '../../../server/src/rules/init-runs-as-root';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(initRunsAsRoot, {
  valid: [
    {
      name: 'pod-level runAsNonRoot, container-level non-zero user',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  securityContext: {runAsNonRoot: true}
  initContainers:
  - {name: a, image: busybox:1.36.1}
  containers:
  - name: app
    image: ghcr.io/acme/app:3.2.0
`,
    },
    {
      name: 'a non-zero runAsUser',
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
      - {name: a, image: busybox:1.36.1, securityContext: {runAsUser: 10001}}
      containers:
      - name: app
        image: ghcr.io/acme/app:3.2.0
`,
    },
  ],
  invalid: [
    {
      name: 'nothing set; explicit root; root from the pod',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: ⟦prepare⟧
    image: busybox:1.36.1
  - name: chown
    image: busybox:1.36.1
    securityContext: {runAsUser: ⟦0⟧}
  containers:
  - name: app
    image: ghcr.io/acme/app:3.2.0
`,
      errors: [
        { messageId: 'unknown', severity: 'warning', messageIncludes: 'Init container 1 of 2 `prepare`' },
        { messageId: 'root', messageIncludes: '`runAsUser: 0`' },
      ],
    },
    {
      name: 'pod-level runAsUser 0 in a Deployment',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      securityContext: {runAsUser: 0}
      initContainers:
      - {name: ⟦setup⟧, image: busybox:1.36.1}
      containers:
      - name: app
        image: ghcr.io/acme/app:3.2.0
`,
      errors: [
        { messageId: 'root', messageIncludes: 'from the pod' },
      ],
    },
    {
      name: 'CronJob',
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
          initContainers:
          - name: fetch
            image: curlimages/curl:8.10.1
            ⟦securityContext⟧: {readOnlyRootFilesystem: true}
          containers:
          - {name: main, image: ghcr.io/acme/report:1.0.0}
`,
      errors: [
        { messageId: 'unknown' },
      ],
    },
  ],
});
