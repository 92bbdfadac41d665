import { bidirectionalPropagationUnprivileged } from '../../../server/src/rules/bidirectional-propagation-unprivileged';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(bidirectionalPropagationUnprivileged, {
  valid: [
    {
      name: 'privileged CSI node plugin with Bidirectional, sidecar with HostToContainer',
      yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: csi-node}
spec:
  selector: {matchLabels: {app: csi-node}}
  template:
    metadata: {labels: {app: csi-node}}
    spec:
      initContainers:
      - name: registrar
        image: registry.k8s.io/sig-storage/csi-node-driver-registrar:v2.11.1
        restartPolicy: Always
        volumeMounts: [{name: kubelet, mountPath: /var/lib/kubelet, mountPropagation: HostToContainer}]
      containers:
      - name: plugin
        image: ghcr.io/acme/csi-plugin:1.4.0
        securityContext: {privileged: true}
        volumeMounts: [{name: kubelet, mountPath: /var/lib/kubelet, mountPropagation: Bidirectional}]
      volumes: [{name: kubelet, hostPath: {path: /var/lib/kubelet}}]
`,
    },
  ],
  invalid: [
    {
      name: 'unprivileged init container in a Pod',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: mounter}
spec:
  initContainers:
  - name: mount-setup
    image: busybox:1.36
    command: ["sh", "-c", "mount --make-shared /mnt"]
    volumeMounts:
    - name: host
      mountPath: /mnt
      mountPropagation: ⟦Bidirectional⟧
  containers: [{name: app, image: nginx:1.27}]
  volumes: [{name: host, hostPath: {path: /mnt}}]
`,
      errors: [
        {
          messageId: 'unprivileged',
          severity: 'error',
          messageIncludes: ['init container 1 of 1 `mount-setup`', '`spec.initContainers[0].volumeMounts.mountPropagation: Forbidden: Bidirectional mount propagation is available only to privileged containers`'],
        },
      ],
    },
    {
      name: 'sidecar in a Deployment with privileged: false',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers:
      - name: fuse
        image: ghcr.io/acme/gcsfuse:2.4.0
        restartPolicy: Always
        securityContext: {privileged: false}
        volumeMounts: [{name: data, mountPath: /data, mountPropagation: ⟦Bidirectional⟧}]
      containers: [{name: app, image: nginx:1.27, volumeMounts: [{name: data, mountPath: /data, mountPropagation: HostToContainer}]}]
      volumes: [{name: data, emptyDir: {}}]
`,
      errors: [{ messageId: 'unprivileged', messageIncludes: ['sidecar `fuse`', '`privileged` is not `true`', 'spec.template.spec.initContainers[0].volumeMounts.mountPropagation'] }],
    },
    {
      name: 'CronJob app container',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: scan}
spec:
  schedule: "*/30 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: scan
            image: ghcr.io/acme/scan:0.9.0
            volumeMounts: [{name: host, mountPath: /host, mountPropagation: ⟦"Bidirectional"⟧}]
          volumes: [{name: host, hostPath: {path: /}}]
`,
      errors: [{ messageId: 'unprivileged', messageIncludes: 'spec.jobTemplate.spec.template.spec.containers[0].volumeMounts.mountPropagation' }],
    },
  ],
});
