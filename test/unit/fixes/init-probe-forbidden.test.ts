import { initProbeForbidden } from '../../../server/src/rules/init-probe-forbidden';
import { runFixTests } from '../../helpers/fixTester';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
  - name: wait-db
    image: busybox:1.36
    command: ["sh", "-c", "for i in $(seq 1 60); do nc -z -w 2 db 5432 && exit 0; sleep 2; done; exit 1"]
    # the database must answer
    ⟦readinessProbe⟧:
      tcpSocket: {port: 5432}
  containers:
  - name: app
    image: nginx:1.27
`;

runFixTests(initProbeForbidden, [
  {
    name: 'block style: remove the probe, or make the init container a sidecar',
    yaml: POD,
    fixes: [
      {
        title: 'Remove `readinessProbe` from `wait-db`',
        preferred: true,
        output: `apiVersion: v1
kind: Pod
metadata:
  name: web
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
        title: 'Make `wait-db` a native sidecar (`restartPolicy: Always`)',
        output: POD.replace(/[⟦⟧]/g, '').replace('    image: busybox:1.36\n', '    image: busybox:1.36\n    restartPolicy: Always\n'),
      },
    ],
  },
  {
    name: 'restartPolicy OnFailure is replaced by Always (CronJob, CRLF)',
    yaml: `apiVersion: batch/v1\r
kind: CronJob\r
metadata: {name: nightly}\r
spec:\r
  schedule: "0 3 * * *"\r
  jobTemplate:\r
    spec:\r
      template:\r
        spec:\r
          restartPolicy: Never\r
          initContainers:\r
            - name: proxy\r
              image: envoyproxy/envoy:v1.31.0\r
              restartPolicy: OnFailure\r
              ⟦startupProbe⟧: {tcpSocket: {port: 15001}}\r
          containers:\r
            - name: main\r
              image: ghcr.io/acme/batch:1.0.0\r
`,
    fixes: [
      {
        title: 'Remove `startupProbe`',
        output: `apiVersion: batch/v1\r
kind: CronJob\r
metadata: {name: nightly}\r
spec:\r
  schedule: "0 3 * * *"\r
  jobTemplate:\r
    spec:\r
      template:\r
        spec:\r
          restartPolicy: Never\r
          initContainers:\r
            - name: proxy\r
              image: envoyproxy/envoy:v1.31.0\r
              restartPolicy: OnFailure\r
          containers:\r
            - name: main\r
              image: ghcr.io/acme/batch:1.0.0\r
`,
      },
      {
        title: 'native sidecar',
        output: `apiVersion: batch/v1\r
kind: CronJob\r
metadata: {name: nightly}\r
spec:\r
  schedule: "0 3 * * *"\r
  jobTemplate:\r
    spec:\r
      template:\r
        spec:\r
          restartPolicy: Never\r
          initContainers:\r
            - name: proxy\r
              image: envoyproxy/envoy:v1.31.0\r
              restartPolicy: Always\r
              startupProbe: {tcpSocket: {port: 15001}}\r
          containers:\r
            - name: main\r
              image: ghcr.io/acme/batch:1.0.0\r
`,
      },
    ],
  },
  {
    name: 'flow style with quoted keys (Deployment)',
    yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {"initContainers": [{name: init-a, image: "busybox:1.36", command: ["true"], ⟦"livenessProbe"⟧: {exec: {command: ["true"]}}}], containers: [{name: app, image: "nginx:1.27"}]}
`,
    fixes: [
      {
        title: 'Remove `livenessProbe`',
        output: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {"initContainers": [{name: init-a, image: "busybox:1.36", command: ["true"]}], containers: [{name: app, image: "nginx:1.27"}]}
`,
      },
      {
        title: 'native sidecar',
        output: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {"initContainers": [{name: init-a, image: "busybox:1.36", restartPolicy: Always, command: ["true"], "livenessProbe": {exec: {command: ["true"]}}}], containers: [{name: app, image: "nginx:1.27"}]}
`,
      },
    ],
  },
  {
    name: 'before 1.28 there is no sidecar to turn it into',
    settings: { kubernetesVersion: '1.27' },
    yaml: POD,
    fixes: [{ title: 'Remove `readinessProbe`', output: POD.replace(/[⟦⟧]/g, '').replace(/    # the database[^]*5432\}\n/, '') }],
  },
]);
