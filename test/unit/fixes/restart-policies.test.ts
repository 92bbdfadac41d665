import { initRestartPolicyUnsupported } from '../../../server/src/rules/init-restart-policy-unsupported';
import { containerRestartPolicyForbidden } from '../../../server/src/rules/container-restart-policy-forbidden';
import { workloadPodRestartPolicy } from '../../../server/src/rules/workload-pod-restart-policy';
import { runFixTests } from '../../helpers/fixTester';

const clean = (s: string): string => s.replace(/[⟦⟧]/g, '');

const INIT = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: setup
    image: busybox:1.36
    restartPolicy: ⟦OnFailure⟧
    command: ["sh", "-c", "cp -r /src/. /work/"]
  containers:
  - name: app
    image: nginx:1.27
`;

runFixTests(initRestartPolicyUnsupported, [
  {
    name: 'before 1.35: remove it, or make a sidecar',
    settings: { kubernetesVersion: '1.33' },
    yaml: INIT,
    fixes: [
      { title: 'Remove `restartPolicy`: `setup` stays a regular init container', preferred: true, output: clean(INIT).replace('    restartPolicy: OnFailure\n', '') },
      { title: 'Change to `Always`: make `setup` a native sidecar', preferred: false, output: clean(INIT).replace('OnFailure', 'Always') },
    ],
  },
  {
    name: 'a misspelt value (1.36, flow)',
    yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers: [{name: setup, image: "busybox:1.36", restartPolicy: ⟦"never"⟧, command: ["true"]}]
  containers: [{name: app, image: "nginx:1.27"}]
`,
    fixes: [
      { title: 'Change to `Never`', output: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers: [{name: setup, image: "busybox:1.36", restartPolicy: "Never", command: ["true"]}]
  containers: [{name: app, image: "nginx:1.27"}]
` },
      { title: 'Remove `restartPolicy`', output: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers: [{name: setup, image: "busybox:1.36", command: ["true"]}]
  containers: [{name: app, image: "nginx:1.27"}]
` },
      { title: 'Change to `Always`', output: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers: [{name: setup, image: "busybox:1.36", restartPolicy: "Always", command: ["true"]}]
  containers: [{name: app, image: "nginx:1.27"}]
` },
    ],
  },
]);

const JOB = `apiVersion: batch/v1
kind: Job
metadata: {name: export}
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: ghcr.io/acme/batch:1.0.0
        args: ["export"]
      # the database proxy
      - name: cloud-sql-proxy
        image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.0
        ⟦restartPolicy⟧: Always
        args: ["acme:eu:db"]
`;

runFixTests(containerRestartPolicyForbidden, [
  {
    name: 'a sidecar marker on an app container (1.33): move it to initContainers',
    settings: { kubernetesVersion: '1.33' },
    yaml: JOB,
    fixes: [
      {
        title: 'Move `cloud-sql-proxy` to `initContainers` as a native sidecar',
        preferred: true,
        output: `apiVersion: batch/v1
kind: Job
metadata: {name: export}
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - name: cloud-sql-proxy
        image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.0
        restartPolicy: Always
        args: ["acme:eu:db"]
      containers:
      - name: main
        image: ghcr.io/acme/batch:1.0.0
        args: ["export"]
`,
      },
      { title: 'Remove `restartPolicy` from `cloud-sql-proxy`', preferred: false, output: clean(JOB).replace('        restartPolicy: Always\n', '') },
    ],
  },
  {
    name: 'into existing init containers, first (Deployment, indented sequences, CRLF)',
    settings: { kubernetesVersion: '1.32' },
    yaml: `apiVersion: apps/v1\r
kind: Deployment\r
metadata: {name: web}\r
spec:\r
  selector: {matchLabels: {app: web}}\r
  template:\r
    metadata: {labels: {app: web}}\r
    spec:\r
      initContainers:\r
        - name: migrate\r
          image: ghcr.io/acme/migrate:3.2.0\r
      containers:\r
        - name: app\r
          image: ghcr.io/acme/app:3.2.0\r
        - {name: proxy, image: "envoyproxy/envoy:v1.31.0", ⟦restartPolicy⟧: Always}\r
`,
    fixes: [
      { title: 'Move `proxy`', output: `apiVersion: apps/v1\r
kind: Deployment\r
metadata: {name: web}\r
spec:\r
  selector: {matchLabels: {app: web}}\r
  template:\r
    metadata: {labels: {app: web}}\r
    spec:\r
      initContainers:\r
        - {name: proxy, image: "envoyproxy/envoy:v1.31.0", restartPolicy: Always}\r
        - name: migrate\r
          image: ghcr.io/acme/migrate:3.2.0\r
      containers:\r
        - name: app\r
          image: ghcr.io/acme/app:3.2.0\r
` },
      { title: 'Remove `restartPolicy`', output: `apiVersion: apps/v1\r
kind: Deployment\r
metadata: {name: web}\r
spec:\r
  selector: {matchLabels: {app: web}}\r
  template:\r
    metadata: {labels: {app: web}}\r
    spec:\r
      initContainers:\r
        - name: migrate\r
          image: ghcr.io/acme/migrate:3.2.0\r
      containers:\r
        - name: app\r
          image: ghcr.io/acme/app:3.2.0\r
        - {name: proxy, image: "envoyproxy/envoy:v1.31.0"}\r
` },
    ],
  },
]);

runFixTests(workloadPodRestartPolicy, [
  {
    name: 'a Job with restartPolicy Always → Never',
    yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  template:
    spec:
      restartPolicy: ⟦Always⟧
      containers: [{name: main, image: "ghcr.io/acme/batch:1.0.0"}]
`,
    fixes: [{ title: 'Change to `Never`', output: `apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: main, image: "ghcr.io/acme/batch:1.0.0"}]
` }],
  },
  {
    name: 'a CronJob without restartPolicy gets Never',
    yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        ⟦spec⟧:
          containers:
          - name: main
            image: ghcr.io/acme/batch:1.0.0
`,
    fixes: [{ title: 'Add `restartPolicy: Never`', output: `apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: main
            image: ghcr.io/acme/batch:1.0.0
` }],
  },
]);
