import { volumeMountPathDuplicate } from '../../../server/src/rules/volume-mount-path-duplicate';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(volumeMountPathDuplicate, {
  valid: [
    {
      name: 'same path in different containers, distinct paths in one',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: fetch
    image: curlimages/curl:8.10.1
    volumeMounts: [{name: work, mountPath: /workdir}, {name: cfg, mountPath: /config}]
  containers:
  - name: app
    image: nginx:1.27
    volumeMounts: [{name: work, mountPath: /workdir}]
  volumes: [{name: work, emptyDir: {}}, {name: cfg, configMap: {name: web}}]
`,
    },
    {
      name: 'the same volume at two paths',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: app
    image: nginx:1.27
    volumeMounts: [{name: work, mountPath: /a}, {name: work, mountPath: /b, subPath: b}]
  volumes: [{name: work, emptyDir: {}}]
`,
    },
  ],
  invalid: [
    {
      name: 'catalogue example in an init container of a Pod',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: fetch
    image: curlimages/curl:8.10.1
    volumeMounts: [{name: a, mountPath: /workdir}, {name: b, mountPath: ⟦/workdir⟧}]
  containers: [{name: app, image: nginx:1.27}]
  volumes: [{name: a, emptyDir: {}}, {name: b, emptyDir: {}}]
`,
      errors: [{ messageId: 'duplicatePath', severity: 'error', messageIncludes: ['(`a` and `b`)', 'spec.initContainers[0].volumeMounts[1].mountPath: Invalid value: "/workdir": must be unique'] }],
    },
    {
      name: 'Deployment sidecar, block style',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers:
      - name: log-shipper
        image: fluent/fluent-bit:3.1.9
        restartPolicy: Always
        volumeMounts:
        - name: logs
          mountPath: /var/log/app
        - name: state
          mountPath: ⟦"/var/log/app"⟧
      containers: [{name: app, image: nginx:1.27}]
      volumes: [{name: logs, emptyDir: {}}, {name: state, emptyDir: {}}]
`,
      errors: [{ messageId: 'duplicatePath', messageIncludes: 'spec.template.spec.initContainers[0].volumeMounts[1].mountPath' }],
    },
    {
      name: 'a volume used as mount and device, and a path shared with a device (Job)',
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: restore}
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - name: restore
        image: ghcr.io/acme/restore:1.0.0
        volumeMounts: [{name: ⟦data⟧, mountPath: /data}, {name: scratch, mountPath: ⟦/dev/xvda⟧}]
        volumeDevices: [{name: data, devicePath: /dev/xvda}]
      containers: [{name: main, image: "ghcr.io/acme/batch:1.0.0"}]
      volumes:
      - {name: data, persistentVolumeClaim: {claimName: data}}
      - {name: scratch, emptyDir: {}}
`,
      errors: [
        { messageId: 'deviceName', messageIncludes: 'must not already exist in volumeDevices' },
        { messageId: 'devicePath', messageIncludes: 'must not already exist as a path in volumeDevices' },
      ],
    },
  ],
});
