import { podSecurityAdmissionInit } from '../../../server/src/rules/pod-security-admission-init';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(podSecurityAdmissionInit, {
  valid: [
    {
      name: 'no Namespace object known',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop}
spec:
  initContainers:
  - {name: setup, image: busybox:1.36.1, securityContext: {privileged: true}}
  containers:
  - name: app
    image: ghcr.io/acme/app:3.2.0
`,
    },
    {
      name: 'another namespace',
      yaml: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    pod-security.kubernetes.io/enforce: restricted
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: other}
spec:
  initContainers:
  - {name: setup, image: busybox:1.36.1}
  containers:
  - name: app
    image: ghcr.io/acme/app:3.2.0
`,
    },
    {
      name: 'compliant with restricted',
      yaml: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    pod-security.kubernetes.io/enforce: restricted
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop}
spec:
  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
  initContainers:
  - name: setup
    image: busybox:1.36.1
    securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
  containers:
  - name: app
    image: ghcr.io/acme/app:3.2.0
`,
    },
    {
      name: 'baseline allows what restricted does not',
      yaml: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    pod-security.kubernetes.io/enforce: baseline
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop}
spec:
  initContainers:
  - {name: setup, image: busybox:1.36.1}
  containers:
  - name: app
    image: ghcr.io/acme/app:3.2.0
`,
    },
  ],
  invalid: [
    {
      name: 'restricted enforced: error',
      yaml: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    pod-security.kubernetes.io/enforce: restricted
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop}
spec:
  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
  initContainers:
  - name: ⟦setup⟧
    image: busybox:1.36.1
  containers:
  - name: app
    image: ghcr.io/acme/app:3.2.0
`,
      errors: [
        { messageId: 'violation', severity: 'error', messageIncludes: ['"restricted"', 'namespace `shop` enforces', 'allowPrivilegeEscalation != false (container "setup" must set securityContext.allowPrivilegeEscalation=false)'] },
      ],
    },
    {
      name: 'baseline warn on a Deployment: privileged sidecar is a warning',
      yaml: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    pod-security.kubernetes.io/warn: baseline
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      initContainers:
      - name: ⟦net⟧
        image: nicolaka/netshoot:v0.13
        restartPolicy: Always
        securityContext: {privileged: true, capabilities: {add: [NET_ADMIN]}}
      containers:
      - {name: app, image: nginx:1.27}
`,
      errors: [
        { messageId: 'violation', severity: 'warning', messageIncludes: ['warns about', 'privileged', '"NET_ADMIN"'] },
      ],
    },
    {
      name: 'CronJob in an enforcing namespace',
      yaml: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    pod-security.kubernetes.io/enforce: baseline
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: report, namespace: shop}
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          initContainers:
          - {name: ⟦fetch⟧, image: curlimages/curl:8.10.1, ports: [{containerPort: 80, hostPort: 8080}]}
          containers:
          - {name: main, image: ghcr.io/acme/report:1.0.0}
`,
      errors: [
        { messageId: 'violation', severity: 'error', messageIncludes: 'hostPort' },
      ],
    },
  ],
});
