import { initWritableHostpath } from '../../../server/src/rules/init-writable-hostpath';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(initWritableHostpath, {
  valid: [
    {
      name: 'read-only hostPath, emptyDir, app container writing a hostPath',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: a
    image: busybox:1.36.1
    volumeMounts: [{name: host, mountPath: /host, readOnly: true}, {name: work, mountPath: /work}]
  containers:
  - name: app
    image: ghcr.io/acme/app:3.2.0
    volumeMounts: [{name: host, mountPath: /host}]
  volumes:
  - {name: host, hostPath: {path: /var/lib/acme}}
  - {name: work, emptyDir: {}}
`,
    },
  ],
  invalid: [
    {
      name: 'read-write hostPath and the docker socket even read-only',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: install
    image: busybox:1.36.1
    volumeMounts:
    - {name: ⟦cni⟧, mountPath: /host/opt/cni}
    - {name: ⟦docker⟧, mountPath: /var/run/docker.sock, readOnly: true}
  containers:
  - name: app
    image: ghcr.io/acme/app:3.2.0
  volumes:
  - {name: cni, hostPath: {path: /opt/cni/bin}}
  - {name: docker, hostPath: {path: /var/run/docker.sock}}
`,
      errors: [
        { messageId: 'writable', severity: 'warning', messageIncludes: '`/opt/cni/bin`' },
        { messageId: 'sensitive', messageIncludes: 'even read-only' },
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
      - name: seed
        image: busybox:1.36.1
        volumeMounts: [{name: ⟦cache⟧, mountPath: /cache}]
      containers:
      - name: app
        image: ghcr.io/acme/app:3.2.0
      volumes:
      - {name: cache, hostPath: {path: /var/lib/cache}}
`,
      errors: [
        { messageId: 'writable' },
      ],
    },
    {
      name: 'CronJob mounting /etc',
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
          - name: read-hosts
            image: busybox:1.36.1
            volumeMounts: [{name: ⟦etc⟧, mountPath: /host-etc, readOnly: true}]
          containers:
          - {name: main, image: ghcr.io/acme/report:1.0.0}
          volumes:
          - {name: etc, hostPath: {path: /etc}}
`,
      errors: [
        { messageId: 'sensitive' },
      ],
    },
  ],
});
