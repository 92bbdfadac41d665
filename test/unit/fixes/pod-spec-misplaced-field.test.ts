import { podSpecMisplacedField } from '../../../server/src/rules/pod-spec-misplaced-field';
import { runFixTests } from '../../helpers/fixTester';

runFixTests(podSpecMisplacedField, [
  {
    name: 'initContainers under a Deployment spec move into the pod template',
    yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  # runs before the app
  ⟦initContainers⟧:
  - name: wait-db
    image: busybox:1.36
    command: ["sh", "-c", "timeout 120 sh -c 'until nc -z db 5432; do sleep 2; done'"]
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: app
        image: nginx:1.27
`,
    fixes: [{ title: 'Move `initContainers` to `spec.template.spec`', output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: app
        image: nginx:1.27
      initContainers:
      - name: wait-db
        image: busybox:1.36
        command: ["sh", "-c", "timeout 120 sh -c 'until nc -z db 5432; do sleep 2; done'"]
` }],
  },
  {
    name: 'volumes of a Job spec join the existing pod volumes (CRLF)',
    yaml: `apiVersion: batch/v1\r
kind: Job\r
metadata: {name: j}\r
spec:\r
  template:\r
    spec:\r
      restartPolicy: Never\r
      containers:\r
        - name: main\r
          image: ghcr.io/acme/batch:1.0.0\r
          volumeMounts: [{name: a, mountPath: /a}, {name: b, mountPath: /b}]\r
      volumes:\r
        - {name: a, emptyDir: {}}\r
  ⟦volumes⟧:\r
    - name: b\r
      emptyDir: {}\r
`,
    fixes: [{ title: 'Move `volumes`', output: `apiVersion: batch/v1\r
kind: Job\r
metadata: {name: j}\r
spec:\r
  template:\r
    spec:\r
      restartPolicy: Never\r
      containers:\r
        - name: main\r
          image: ghcr.io/acme/batch:1.0.0\r
          volumeMounts: [{name: a, mountPath: /a}, {name: b, mountPath: /b}]\r
      volumes:\r
        - {name: a, emptyDir: {}}\r
        - name: b\r
          emptyDir: {}\r
` }],
  },
]);
