import { initMissingResources } from '../../../server/src/rules/init-missing-resources';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(initMissingResources, {
  valid: [
    {
      name: 'requests or limits set',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: a, image: busybox:1.36.1, resources: {requests: {cpu: 10m}}}
  - {name: b, image: busybox:1.36.1, resources: {limits: {memory: 64Mi}}}
  containers:
  - name: app
    image: ghcr.io/acme/app:3.2.0
`,
    },
    {
      name: 'app containers are not checked by this rule',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - {name: app, image: nginx:1.27}
`,
    },
    {
      name: 'a LimitRange fills the resources in: limitrange-defaults-apply-to-init reports it (no duplicate)',
      yaml: `apiVersion: v1
kind: LimitRange
metadata: {name: defaults, namespace: shop}
spec:
  limits:
  - type: Container
    default: {cpu: 500m, memory: 512Mi}
    defaultRequest: {cpu: 250m, memory: 256Mi}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers:
      - {name: setup, image: busybox:1.36.1, command: ["sh", "-c", "cp /src/* /work/"]}
      containers:
      - {name: app, image: ghcr.io/acme/app:3.2.0}
`,
    },
    {
      name: 'Guaranteed app containers: init-breaks-guaranteed-qos reports the init container (no duplicate)',
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: report}
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - {name: setup, image: busybox:1.36.1, command: ["true"]}
      containers:
      - {name: app, image: ghcr.io/acme/report:1.0.0, resources: {limits: {cpu: "1", memory: 1Gi}}}
`,
    },
  ],
  invalid: [
    {
      name: 'with init-breaks-guaranteed-qos and limitrange-defaults-apply-to-init off, the missing resources are reported here',
      settings: { rules: { 'init-breaks-guaranteed-qos': 'off', 'limitrange-defaults-apply-to-init': 'off' } },
      yaml: `apiVersion: v1
kind: LimitRange
metadata: {name: defaults}
spec:
  limits: [{type: Container, default: {cpu: 500m, memory: 512Mi}}]
---
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: ⟦setup⟧, image: busybox:1.36.1, command: ["true"]}
  containers:
  - {name: app, image: nginx:1.27.3, resources: {limits: {cpu: "1", memory: 1Gi}}}
`,
      errors: [{ messageId: 'init', severity: 'information', messageIncludes: 'Init container 1 of 1 `setup` sets no resource requests or limits' }],
    },
    {
      name: 'init container without resources is information, empty resources on a sidecar is a warning',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: ⟦setup⟧
    image: busybox:1.36.1
  - name: ⟦proxy⟧
    image: envoyproxy/envoy:v1.31.0
    restartPolicy: Always
    resources: {}
  containers:
  - name: app
    image: ghcr.io/acme/app:3.2.0
`,
      errors: [
        { messageId: 'init', severity: 'information', messageIncludes: 'Init container 1 of 2 `setup`' },
        { messageId: 'sidecar', severity: 'warning', messageIncludes: ['`proxy`', '`resources` is empty'] },
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
      - name: ⟦migrate⟧
        image: ghcr.io/acme/migrate:3.2.0
        resources: {requests: {}, limits: {}}
      containers:
      - name: app
        image: ghcr.io/acme/app:3.2.0
`,
      errors: [
        { messageId: 'init' },
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
          - {name: ⟦fetch⟧, image: curlimages/curl:8.10.1}
          containers:
          - {name: main, image: ghcr.io/acme/report:1.0.0}
`,
      errors: [
        { messageId: 'init' },
      ],
    },
  ],
});
