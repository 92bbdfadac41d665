import { privilegedWithNoPrivilegeEscalation } from '../../../server/src/rules/privileged-with-no-privilege-escalation';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(privilegedWithNoPrivilegeEscalation, {
  valid: [
    {
      name: 'privileged init container without allowPrivilegeEscalation',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: search}
spec:
  selector: {matchLabels: {app: search}}
  template:
    metadata: {labels: {app: search}}
    spec:
      initContainers:
      - name: sysctl
        image: busybox:1.36
        command: ["sysctl", "-w", "vm.max_map_count=262144"]
        securityContext: {privileged: true}
      containers: [{name: es, image: "docker.elastic.co/elasticsearch/elasticsearch:8.15.1", securityContext: {allowPrivilegeEscalation: false}}]
`,
    },
    {
      name: 'privileged: false with allowPrivilegeEscalation: false; SYS_ADMIN without the CAP_ prefix is not matched by the API',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: setup
    image: busybox:1.36
    command: ["true"]
    securityContext: {privileged: false, allowPrivilegeEscalation: false, capabilities: {add: [SYS_ADMIN]}}
  containers: [{name: app, image: nginx:1.27}]
`,
    },
  ],
  invalid: [
    {
      name: 'privileged sysctl init container hardened with allowPrivilegeEscalation: false',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: search}
spec:
  initContainers:
  - name: sysctl
    image: busybox:1.36
    command: ["sysctl", "-w", "vm.max_map_count=262144"]
    securityContext:
      privileged: true
      allowPrivilegeEscalation: ⟦false⟧
  containers: [{name: es, image: "docker.elastic.co/elasticsearch/elasticsearch:8.15.1"}]
`,
      errors: [
        {
          messageId: 'privileged',
          severity: 'error',
          messageIncludes: ['init container 1 of 1 `sysctl`', '`spec.initContainers[0].securityContext: Invalid value: core.SecurityContext{…}: cannot set `allowPrivilegeEscalation` to false and `privileged` to true`'],
        },
      ],
    },
    {
      name: 'sidecar in a Deployment adding CAP_SYS_ADMIN',
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
        securityContext: {allowPrivilegeEscalation: ⟦false⟧, capabilities: {add: [CAP_SYS_ADMIN]}}
      containers: [{name: app, image: nginx:1.27}]
`,
      errors: [{ messageId: 'sysAdmin', messageIncludes: ['sidecar `fuse`', 'spec.template.spec.initContainers[0].securityContext', '`capabilities.Add` CAP_SYS_ADMIN'] }],
    },
    {
      name: 'CronJob app container with both problems',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: backup}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: backup
            image: ghcr.io/acme/backup:2.0.1
            securityContext: {privileged: true, allowPrivilegeEscalation: ⟦⟦false⟧⟧, capabilities: {add: ["CAP_SYS_ADMIN"]}}
`,
      errors: [
        { messageId: 'privileged', messageIncludes: 'spec.jobTemplate.spec.template.spec.containers[0].securityContext' },
        { messageId: 'sysAdmin' },
      ],
    },
  ],
});
