import { initRequestsDominateEffective } from '../../../server/src/rules/init-requests-dominate-effective';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(initRequestsDominateEffective, {
  valid: [
    {
      name: 'init container smaller than the app containers',
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
      - name: migrate
        image: ghcr.io/acme/migrate:3.2.0
        resources: {requests: {cpu: 100m, memory: 128Mi}}
      containers:
      - name: app
        image: ghcr.io/acme/app:3.2.0
        resources: {requests: {cpu: 500m, memory: 512Mi}}
`,
    },
    {
      name: 'a heavy sidecar counts in the steady state, not as an init peak',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: istio-proxy
    image: istio/proxyv2:1.23.2
    restartPolicy: Always
    resources: {requests: {cpu: "2", memory: 1Gi}}
  containers:
  - name: app
    image: nginx:1.27
    resources: {requests: {cpu: 100m, memory: 64Mi}}
`,
    },
    {
      name: 'pod-level requests replace the aggregate (PodLevelResources on in 1.34)',
      settings: { kubernetesVersion: '1.34' },
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  resources: {requests: {cpu: "4", memory: 8Gi}}
  initContainers:
  - name: build-index
    image: registry.example.com/indexer:7.0.2
    resources: {requests: {cpu: "4", memory: 8Gi}}
  containers:
  - name: app
    image: registry.example.com/app:1.0.0
    resources: {requests: {cpu: 250m, memory: 256Mi}}
`,
    },
    {
      name: 'equal init and app requests',
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: export}
spec:
  template:
    spec:
      restartPolicy: OnFailure
      initContainers:
      - {name: fetch, image: "curlimages/curl:8.10.1", resources: {requests: {cpu: 500m, memory: 256Mi}}}
      containers:
      - {name: main, image: "ghcr.io/acme/export:1.0.0", resources: {requests: {cpu: 500m, memory: 256Mi}}}
`,
    },
  ],
  invalid: [
    {
      name: 'worked example 1 (catalogue §3.3): init-b dominates the CPU request',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: example1}
spec:
  initContainers:
  - name: init-a
    image: busybox:1.36
    resources: {requests: {cpu: 500m, memory: 256Mi}, limits: {cpu: "1", memory: 512Mi}}
  - name: init-b
    image: ghcr.io/acme/heavy:1.0.0
    resources: {⟦requests⟧: {cpu: "2", memory: 128Mi}, limits: {cpu: "2", memory: 128Mi}}
  containers:
  - name: app
    image: nginx:1.27
    resources: {requests: {cpu: 250m, memory: 512Mi}, limits: {cpu: 500m, memory: 1Gi}}
  - name: metrics
    image: prom/statsd-exporter:v0.27.1
    resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 200m, memory: 128Mi}}
`,
      errors: [{ messageId: 'dominates', severity: 'warning', messageIncludes: ['Init container 2 of 2 `init-b` raises the pod\'s CPU request from 350m to 2 for its whole life'] }],
    },
    {
      name: 'worked example 2 (§3.4): sidecar-aware peak plus overhead, a small raise is information',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: example2}
spec:
  runtimeClassName: kata
  overhead: {cpu: 250m, memory: 120Mi}
  initContainers:
  - name: config-fetch
    image: ghcr.io/acme/config-fetch:1.0.0
    resources: {requests: {cpu: 200m, memory: 64Mi}}
  - name: istio-proxy
    image: istio/proxyv2:1.23.2
    restartPolicy: Always
    resources: {requests: {cpu: 100m, memory: 128Mi}}
  - name: db-migrate
    image: ghcr.io/acme/migrate:3.2.0
    resources:
      ⟦requests⟧: {cpu: "1", memory: 512Mi}
  - name: log-shipper
    image: fluent/fluent-bit:3.1.9
    restartPolicy: Always
    resources: {requests: {cpu: 50m, memory: 64Mi}}
  containers:
  - name: app
    image: ghcr.io/acme/app:3.2.0
    resources: {requests: {cpu: 500m, memory: 1Gi}}
`,
      errors: [{ messageId: 'dominates', severity: 'information', messageIncludes: 'Init container 3 of 4 `db-migrate` raises the pod\'s CPU request from 900m to 1350m' }],
    },
    {
      name: 'Deployment: memory dominated by a regular init container (+1Gi is a warning)',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: search}
spec:
  replicas: 3
  selector: {matchLabels: {app: search}}
  template:
    metadata: {labels: {app: search}}
    spec:
      initContainers:
      - name: warm-cache
        image: ghcr.io/acme/warm-cache:2.0.0
        resources:
          ⟦requests⟧:
            cpu: 200m
            memory: 3Gi
      containers:
      - name: search
        image: ghcr.io/acme/search:2.0.0
        resources:
          requests:
            cpu: 1500m
            memory: 1536Mi
`,
      errors: [{ messageId: 'dominates', severity: 'warning', messageIncludes: 'memory request from 1536Mi to 3Gi' }],
    },
    {
      name: 'CronJob: requests defaulted from limits, reported at limits',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 2 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          initContainers:
          - name: restore
            image: ghcr.io/acme/restore:1.4.0
            resources:
              ⟦limits⟧: {cpu: 400m, memory: 256Mi}
          containers:
          - name: report
            image: ghcr.io/acme/report:1.4.0
            resources: {requests: {cpu: 300m, memory: 256Mi}}
`,
      errors: [{ messageId: 'dominates', severity: 'information', messageIncludes: 'CPU request from 300m to 400m' }],
    },
  ],
});
