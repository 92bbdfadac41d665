import { initImageChangeRestartsPod } from '../../../server/src/rules/init-image-change-restarts-pod';
import { runRuleTests } from '../../helpers/ruleTester';

const LAST_APPLIED = (image: string): string =>
  JSON.stringify(JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { initContainers: [{ name: 'migrate', image }], containers: [{ name: 'app', image: 'ghcr.io/acme/app:3.2.0' }] } }));

runRuleTests(initImageChangeRestartsPod, {
  valid: [
    {
      name: 'a Pod manifest written by hand (no server-set fields)',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers: [{name: migrate, image: "ghcr.io/acme/migrate:3.2.1"}]
  containers: [{name: app, image: "ghcr.io/acme/app:3.2.0"}]
`,
    },
    {
      name: 'an exported Deployment: controllers replace Pods',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, resourceVersion: "123456", uid: 0b6f7f0e-5a53-4a37-9b0e-2f1c3f1d9a11}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers: [{name: migrate, image: "ghcr.io/acme/migrate:3.2.1"}]
      containers: [{name: app, image: "ghcr.io/acme/app:3.2.0"}]
`,
    },
    {
      name: 'last-applied configuration with the same image',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: default
  resourceVersion: "98765"
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: ${LAST_APPLIED('ghcr.io/acme/migrate:3.2.0')}
spec:
  initContainers: [{name: migrate, image: "ghcr.io/acme/migrate:3.2.0"}]
  containers: [{name: app, image: "ghcr.io/acme/app:3.2.0"}]
`,
    },
    {
      name: 'an exported Pod whose only init container is a sidecar',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web, uid: 0b6f7f0e-5a53-4a37-9b0e-2f1c3f1d9a11}
spec:
  initContainers: [{name: istio-proxy, image: "istio/proxyv2:1.23.2", restartPolicy: Always}]
  containers: [{name: app, image: "ghcr.io/acme/app:3.2.0"}]
`,
    },
  ],
  invalid: [
    {
      name: 'the image differs from the last-applied configuration',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: default
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: ${LAST_APPLIED('ghcr.io/acme/migrate:3.2.0')}
spec:
  initContainers:
  - name: migrate
    image: ⟦ghcr.io/acme/migrate:3.2.1⟧
  containers:
  - name: app
    image: ghcr.io/acme/app:3.2.0
`,
      errors: [{ messageId: 'imageChanged', severity: 'information', messageIncludes: ['init container 1 of 1 `migrate` was `ghcr.io/acme/migrate:3.2.0`', 'equivalent to restarting the Pod'] }],
    },
    {
      name: 'an exported Pod (kubectl get -o yaml): every regular init container image',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: web-7d9c6
  namespace: default
  creationTimestamp: "2025-01-14T09:12:44Z"
  resourceVersion: "4411"
spec:
  initContainers:
  - name: wait-db
    image: ⟦busybox:1.36⟧
  - name: envoy
    image: envoyproxy/envoy:v1.31.0
    restartPolicy: Always
  containers:
  - name: app
    image: nginx:1.27
status:
  phase: Running
`,
      errors: [{ messageId: 'existingPod', messageIncludes: ['`metadata.resourceVersion`', 'init container 1 of 2 `wait-db`'] }],
    },
  ],
});
