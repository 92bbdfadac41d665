import { initNoSeccomp } from '../../../server/src/rules/init-no-seccomp';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(initNoSeccomp, {
  valid: [
    {
      name: 'pod-level RuntimeDefault; container-level Localhost',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  securityContext: {seccompProfile: {type: RuntimeDefault}}
  initContainers:
  - {name: a, image: busybox:1.36.1}
  - {name: b, image: busybox:1.36.1, securityContext: {seccompProfile: {type: Localhost, localhostProfile: profiles/init.json}}}
  containers:
  - name: app
    image: ghcr.io/acme/app:3.2.0
`,
    },
  ],
  invalid: [
    {
      name: 'none, and Unconfined on the container',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: ⟦a⟧
    image: busybox:1.36.1
  - name: b
    image: busybox:1.36.1
    securityContext: {seccompProfile: {type: ⟦Unconfined⟧}}
  containers:
  - name: app
    image: ghcr.io/acme/app:3.2.0
`,
      errors: [
        { messageId: 'none', severity: 'information' },
        { messageId: 'unconfined' },
      ],
    },
    {
      name: 'Deployment',
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
      - {name: ⟦migrate⟧, image: ghcr.io/acme/migrate:3.2.0}
      containers:
      - name: app
        image: ghcr.io/acme/app:3.2.0
`,
      errors: [
        { messageId: 'none' },
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
          - {name: ⟦fetch⟧, image: curlimages/curl:8.10.1}
          containers:
          - {name: main, image: ghcr.io/acme/report:1.0.0}
`,
      errors: [
        { messageId: 'none' },
      ],
    },
  ],
});
