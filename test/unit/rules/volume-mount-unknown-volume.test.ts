import { volumeMountUnknownVolume } from '../../../server/src/rules/volume-mount-unknown-volume';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(volumeMountUnknownVolume, {
  valid: [
    {
      name: 'every mount names a volume',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: fetch, image: curlimages/curl:8.10.1, volumeMounts: [{name: work, mountPath: /workdir}]}
  containers:
  - {name: app, image: nginx:1.27, volumeMounts: [{name: work, mountPath: /usr/share/nginx/html}]}
  volumes: [{name: work, emptyDir: {}}]
`,
    },
    {
      name: 'StatefulSet volumeClaimTemplates are volumes of the pod',
      yaml: `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      initContainers:
      - {name: fix-perms, image: busybox:1.36, command: ["chown", "-R", "999:999", "/data"], volumeMounts: [{name: data, mountPath: /data}]}
      containers:
      - {name: postgres, image: postgres:16.4, volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data}]}
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 10Gi}}}
`,
    },
  ],
  invalid: [
    {
      name: 'catalogue example: init container mounts a volume the pod does not declare',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: fetch, image: curlimages/curl:8.10.1, volumeMounts: [{name: ⟦work⟧, mountPath: /workdir}]}
  containers: [{name: app, image: nginx:1.27}]
`,
      errors: [
        {
          messageId: 'notFound',
          severity: 'error',
          messageIncludes: ['init container 1 of 1 `fetch` mounts "work"', 'it declares no `volumes`', 'spec.initContainers[0].volumeMounts[0].name: Not found: "work"'],
        },
      ],
    },
    {
      name: 'typo in a Deployment sidecar mount, the known volumes are listed',
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
        - name: ⟦fluent-bit-confg⟧
          mountPath: /fluent-bit/etc
      containers: [{name: app, image: nginx:1.27, volumeMounts: [{name: logs, mountPath: /var/log/nginx}]}]
      volumes:
      - {name: logs, emptyDir: {}}
      - {name: fluent-bit-config, configMap: {name: fluent-bit}}
`,
      errors: [{ messageId: 'notFound', messageIncludes: ['(volumes: `logs`, `fluent-bit-config`)', 'spec.template.spec.initContainers[0].volumeMounts[1].name'] }],
    },
    {
      name: 'CronJob app container',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: report}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          initContainers:
          - {name: fetch, image: "curlimages/curl:8.10.1", volumeMounts: [{name: in, mountPath: /in}]}
          containers:
          - {name: report, image: "registry.example.com/report:3.2.0", volumeMounts: [{name: ⟦out⟧, mountPath: /out}]}
          volumes: [{name: in, emptyDir: {}}]
`,
      errors: [{ messageId: 'notFound', messageIncludes: 'spec.jobTemplate.spec.template.spec.containers[0].volumeMounts[0].name: Not found: "out"' }],
    },
  ],
});
