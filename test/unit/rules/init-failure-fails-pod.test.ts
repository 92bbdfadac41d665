import { initFailureFailsPod } from '../../../server/src/rules/init-failure-fails-pod';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(initFailureFailsPod, {
  valid: [
    {
      name: 'OnFailure: the kubelet retries the init container',
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: export}
spec:
  template:
    spec:
      restartPolicy: OnFailure
      initContainers:
      - {name: fetch, image: "curlimages/curl:8.10.1", command: ["curl", "-fsSo", "/in/x", "http://api/x"]}
      containers:
      - {name: main, image: "ghcr.io/acme/export:1.0.0"}
`,
    },
    {
      name: 'Never with only a native sidecar (sidecars restart regardless)',
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: export}
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - {name: cloud-sql-proxy, image: "gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.0", restartPolicy: Always}
      containers:
      - {name: main, image: "ghcr.io/acme/export:1.0.0"}
`,
    },
    {
      name: 'Deployment (Always)',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers: [{name: setup, image: "busybox:1.36", command: ["true"]}]
      containers: [{name: app, image: "nginx:1.27"}]
`,
    },
  ],
  invalid: [
    {
      name: 'bare Pod with restartPolicy Never',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: one-off}
spec:
  restartPolicy: ⟦Never⟧
  initContainers:
  - name: wait-db
    image: busybox:1.36
    command: ["sh", "-c", "for i in $(seq 1 30); do nc -z -w 2 db 5432 && exit 0; sleep 2; done; exit 1"]
  containers:
  - name: task
    image: ghcr.io/acme/task:1.0.0
`,
      errors: [{ messageId: 'failsPod', severity: 'information', messageIncludes: 'if init container 1 of 1 `wait-db` fails, the kubelet does not retry it' }],
    },
    {
      name: 'Job: two init containers, backoffLimit wording',
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: import}
spec:
  backoffLimit: 2
  template:
    spec:
      restartPolicy: ⟦Never⟧
      initContainers:
      - {name: download, image: "curlimages/curl:8.10.1"}
      - {name: istio-proxy, image: "istio/proxyv2:1.23.2", restartPolicy: Always}
      - {name: migrate, image: "ghcr.io/acme/migrate:3.2.0"}
      containers:
      - {name: import, image: "ghcr.io/acme/import:1.0.0"}
`,
      errors: [{ messageId: 'failsPod', messageIncludes: ['any of init container 1 of 3 `download`, init container 3 of 3 `migrate`', 'backoffLimit'] }],
    },
    {
      name: 'CronJob',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 2 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: ⟦"Never"⟧
          initContainers: [{name: restore, image: "ghcr.io/acme/restore:1.4.0"}]
          containers: [{name: report, image: "ghcr.io/acme/report:1.4.0"}]
`,
      errors: [{ messageId: 'failsPod' }],
    },
  ],
});
