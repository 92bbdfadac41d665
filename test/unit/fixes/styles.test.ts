import { jobLegacySidecarBlocksCompletion } from '../../../server/src/rules/job-legacy-sidecar-blocks-completion';
import { initWaitLoopUnbounded } from '../../../server/src/rules/init-wait-loop-unbounded';
import { initInlineSecretEnv } from '../../../server/src/rules/init-inline-secret-env';
import { duplicateEnvVar } from '../../../server/src/rules/duplicate-env-var';
import { resourcesRequestExceedsLimit } from '../../../server/src/rules/resources-request-exceeds-limit';
import { runFixTests } from '../../helpers/fixTester';

/** Fixes in the other styles: flow and JSON documents, block scalars, CRLF. */
runFixTests(jobLegacySidecarBlocksCompletion, [
  {
    name: 'JSON Job: the proxy moves into a new initContainers list',
    yaml: `{"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "export"}, "spec": {"template": {"spec": {"restartPolicy": "Never", "containers": [{"name": "export", "image": "ghcr.io/acme/export:1.4.0"}, {"name": ⟦"cloud-sql-proxy"⟧, "image": "gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.0", "args": ["acme:eu:db"]}]}}}}
`,
    fixes: [{ title: 'Move `cloud-sql-proxy` to `initContainers` as a native sidecar', output: `{"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "export"}, "spec": {"template": {"spec": {"restartPolicy": "Never", "initContainers": [{"name": "cloud-sql-proxy", "image": "gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.0", "restartPolicy": "Always", "args": ["acme:eu:db"]}], "containers": [{"name": "export", "image": "ghcr.io/acme/export:1.4.0"}]}}}}
` }],
  },
  {
    name: 'CronJob, CRLF, a comment kept with the moved container',
    yaml: `apiVersion: batch/v1\r
kind: CronJob\r
metadata: {name: nightly}\r
spec:\r
  schedule: "0 3 * * *"\r
  jobTemplate:\r
    spec:\r
      template:\r
        spec:\r
          restartPolicy: OnFailure\r
          containers:\r
            - name: main\r
              image: ghcr.io/acme/batch:1.0.0\r
            - name: ⟦istio-proxy⟧\r
              image: istio/proxyv2:1.23.2\r
              # the mesh proxy\r
              args: ["proxy", "sidecar"]\r
`,
    fixes: [{ title: 'Move `istio-proxy`', output: `apiVersion: batch/v1\r
kind: CronJob\r
metadata: {name: nightly}\r
spec:\r
  schedule: "0 3 * * *"\r
  jobTemplate:\r
    spec:\r
      template:\r
        spec:\r
          restartPolicy: OnFailure\r
          initContainers:\r
            - name: istio-proxy\r
              image: istio/proxyv2:1.23.2\r
              restartPolicy: Always\r
              # the mesh proxy\r
              args: ["proxy", "sidecar"]\r
          containers:\r
            - name: main\r
              image: ghcr.io/acme/batch:1.0.0\r
` }],
  },
]);

runFixTests(initWaitLoopUnbounded, [
  {
    name: 'a loop before other steps in a block scalar: only the loop is wrapped',
    yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: wait-then-seed
    image: busybox:1.36.1
    ⟦command⟧:
    - sh
    - -c
    - |
      until nc -z db 5432; do echo "waiting for db"; sleep 2; done
      echo seeded > /work/ready
    volumeMounts: [{name: work, mountPath: /work}]
  containers:
  - name: app
    image: nginx:1.27.2
    volumeMounts: [{name: work, mountPath: /work}]
  volumes: [{name: work, emptyDir: {}}]
`,
    fixes: [{ title: 'wrap the loop in `timeout 300`', output: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: wait-then-seed
    image: busybox:1.36.1
    command:
    - sh
    - -c
    - |
      timeout 300 sh -c 'until nc -z db 5432; do echo "waiting for db"; sleep 2; done'
      echo seeded > /work/ready
    volumeMounts: [{name: work, mountPath: /work}]
  containers:
  - name: app
    image: nginx:1.27.2
    volumeMounts: [{name: work, mountPath: /work}]
  volumes: [{name: work, emptyDir: {}}]
` }],
  },
]);

runFixTests(initInlineSecretEnv, [
  {
    name: 'flow env entry (Deployment)',
    yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      initContainers:
      - name: migrate
        image: ghcr.io/acme/migrate:3.2.0
        env: [{name: DB_PASSWORD, value: ⟦hunter2⟧}]
      containers: [{name: api, image: "ghcr.io/acme/api:4.1.0"}]
`,
    fixes: [{ title: 'Read `DB_PASSWORD` from the Secret `api-secrets` (key `db-password`)', output: `apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      initContainers:
      - name: migrate
        image: ghcr.io/acme/migrate:3.2.0
        env: [{name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: api-secrets, key: db-password}}}]
      containers: [{name: api, image: "ghcr.io/acme/api:4.1.0"}]
` }],
  },
]);

runFixTests(duplicateEnvVar, [
  {
    name: 'flow env list',
    yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
  - name: setup
    image: busybox:1.36.1
    command: ["true"]
    env: [{name: MODE, value: "a"}, {name: OTHER, value: "x"}, {name: ⟦MODE⟧, value: "b"}]
  containers: [{name: app, image: "nginx:1.27.2"}]
`,
    fixes: [
      { title: 'Remove the earlier definition of `MODE`', output: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
  - name: setup
    image: busybox:1.36.1
    command: ["true"]
    env: [{name: OTHER, value: "x"}, {name: MODE, value: "b"}]
  containers: [{name: app, image: "nginx:1.27.2"}]
` },
      { title: 'Remove this definition of `MODE`', output: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
  - name: setup
    image: busybox:1.36.1
    command: ["true"]
    env: [{name: MODE, value: "a"}, {name: OTHER, value: "x"}]
  containers: [{name: app, image: "nginx:1.27.2"}]
` },
    ],
  },
]);

runFixTests(resourcesRequestExceedsLimit, [
  {
    name: 'block quantities keep their own quoting',
    yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
  - name: warm
    image: busybox:1.36.1
    command: ["true"]
    resources:
      requests:
        memory: ⟦2Gi⟧
      limits:
        memory: "1Gi"
  containers: [{name: app, image: "nginx:1.27.2"}]
`,
    fixes: [
      { title: 'Lower the memory request to the limit', output: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
  - name: warm
    image: busybox:1.36.1
    command: ["true"]
    resources:
      requests:
        memory: "1Gi"
      limits:
        memory: "1Gi"
  containers: [{name: app, image: "nginx:1.27.2"}]
` },
      { title: 'Raise the memory limit to the request', output: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
  - name: warm
    image: busybox:1.36.1
    command: ["true"]
    resources:
      requests:
        memory: 2Gi
      limits:
        memory: 2Gi
  containers: [{name: app, image: "nginx:1.27.2"}]
` },
    ],
  },
]);
