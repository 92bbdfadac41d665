import { initPrivileged } from '../../../server/src/rules/init-privileged';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(initPrivileged, {
  valid: [
    {
      name: 'not privileged, privileged app container, sysctl-only step left to the sysctl rule',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: a, image: busybox:1.36.1, securityContext: {privileged: false}}
  - name: sysctl
    image: busybox:1.36.1
    command: ["sysctl", "-w", "vm.max_map_count=262144"]
    securityContext: {privileged: true}
  containers:
  - {name: app, image: nginx:1.27, securityContext: {privileged: true}}
`,
    },
  ],
  invalid: [
    {
      name: 'Pod init container running chown',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: fix-permissions
    image: busybox:1.36.1
    command: [chown, -R, "1000:1000", /data]
    securityContext: {⟦privileged⟧: true}
  containers:
  - name: app
    image: ghcr.io/acme/app:3.2.0
`,
      errors: [
        { messageId: 'privileged', severity: 'warning', messageIncludes: 'Init container 1 of 1 `fix-permissions`' },
      ],
    },
    {
      name: 'Deployment sidecar',
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
      - name: netshoot
        image: nicolaka/netshoot:v0.13
        restartPolicy: Always
        securityContext:
          ⟦privileged⟧: true
      containers:
      - name: app
        image: ghcr.io/acme/app:3.2.0
`,
      errors: [
        { messageId: 'privileged', messageIncludes: 'whole life of the pod' },
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
          - {name: mount, image: busybox:1.36.1, command: [mount, -a], securityContext: {⟦privileged⟧: true}}
          containers:
          - {name: main, image: ghcr.io/acme/report:1.0.0}
`,
      errors: [
        { messageId: 'privileged' },
      ],
    },
  ],
});
