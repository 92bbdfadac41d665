import { containerNameDuplicate } from '../../../server/src/rules/container-name-duplicate';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(containerNameDuplicate, {
  valid: [
    {
      name: 'distinct names across init containers, sidecars and app containers',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: init-app, image: busybox:1.36, command: ["true"]}
  - {name: proxy, image: envoyproxy/envoy:v1.31.0, restartPolicy: Always}
  containers: [{name: app, image: nginx:1.27}]
`,
    },
    {
      name: 'the same name in two different pods of one file',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: a}
spec:
  containers: [{name: app, image: nginx:1.27}]
---
apiVersion: v1
kind: Pod
metadata: {name: b}
spec:
  initContainers: [{name: app, image: busybox:1.36}]
  containers: [{name: main, image: nginx:1.27}]
`,
    },
  ],
  invalid: [
    {
      name: 'catalogue example: init container and app container share a name (reported at the app container)',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers: [{name: app, image: busybox:1.36, command: ["true"]}]
  containers:     [{name: ⟦app⟧, image: nginx:1.27}]
`,
      errors: [
        {
          messageId: 'duplicate',
          severity: 'error',
          messageIncludes: ['container `app`', 'init container 1 of 1 `app`', 'spec.initContainers[0].name: Duplicate value: "app"'],
        },
      ],
    },
    {
      name: 'two init containers with the same name in a Deployment',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers:
      - name: migrate
        image: ghcr.io/acme/migrate:3.2.0
      - name: ⟦migrate⟧
        image: ghcr.io/acme/migrate:3.2.0
        args: ["seed"]
      containers: [{name: app, image: nginx:1.27}]
`,
      errors: [{ messageId: 'duplicate', messageIncludes: ['init container 2 of 2 `migrate`', 'spec.template.spec.initContainers[1].name: Duplicate value: "migrate"'] }],
    },
    {
      name: 'two app containers of a CronJob',
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
          containers:
          - {name: report, image: "registry.example.com/report:3.2.0"}
          - {name: ⟦report⟧, image: "fluent/fluent-bit:3.1.9"}
`,
      errors: [{ messageId: 'duplicate', messageIncludes: 'spec.jobTemplate.spec.template.spec.containers[1].name' }],
    },
    {
      name: 'an ephemeral container reusing a sidecar name',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers: [{name: proxy, image: envoyproxy/envoy:v1.31.0, restartPolicy: Always}]
  containers: [{name: app, image: nginx:1.27}]
  ephemeralContainers: [{name: ⟦proxy⟧, image: busybox:1.36, targetContainerName: app}]
`,
      errors: [{ messageId: 'duplicate', messageIncludes: ['ephemeral container `proxy`', 'spec.ephemeralContainers[0].name: Duplicate value: "proxy"'] }],
    },
  ],
});
