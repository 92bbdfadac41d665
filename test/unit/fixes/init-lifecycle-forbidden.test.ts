import { initLifecycleForbidden } from '../../../server/src/rules/init-lifecycle-forbidden';
import { runFixTests } from '../../helpers/fixTester';

const JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: backup
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - name: setup
        image: busybox:1.36
        command: ["sh", "-c", "cp /src/* /workdir/"]
        ⟦lifecycle⟧:
          preStop:
            exec:
              command: ["true"]
        volumeMounts:
        - {name: work, mountPath: /workdir}
      containers:
      - name: main
        image: ghcr.io/acme/batch:1.0.0
        volumeMounts:
        - {name: work, mountPath: /workdir}
      volumes:
      - {name: work, emptyDir: {}}
`;
const clean = JOB.replace(/[⟦⟧]/g, '');

runFixTests(initLifecycleForbidden, [
  {
    name: 'Job: remove the hook, or make the container a sidecar',
    yaml: JOB,
    fixes: [
      { title: 'Remove `lifecycle` from `setup`', preferred: true, output: clean.replace(/        lifecycle:\n.*\n.*\n.*\n/, '') },
      { title: 'Make `setup` a native sidecar', output: clean.replace('        image: busybox:1.36\n', '        image: busybox:1.36\n        restartPolicy: Always\n') },
    ],
  },
  {
    name: 'one-line flow container',
    yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers: [{name: setup, image: "busybox:1.36", ⟦lifecycle⟧: {preStop: {exec: {command: ["true"]}}}}]
  containers: [{name: app, image: "nginx:1.27"}]
`,
    fixes: [
      {
        title: 'Remove `lifecycle`',
        output: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers: [{name: setup, image: "busybox:1.36"}]
  containers: [{name: app, image: "nginx:1.27"}]
`,
      },
      {
        title: 'native sidecar',
        output: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers: [{name: setup, image: "busybox:1.36", restartPolicy: Always, lifecycle: {preStop: {exec: {command: ["true"]}}}}]
  containers: [{name: app, image: "nginx:1.27"}]
`,
      },
    ],
  },
]);
