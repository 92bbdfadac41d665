import { sidecarPortConflict } from '../../../server/src/rules/sidecar-port-conflict';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(sidecarPortConflict, {
  valid: [
    {
      name: 'a regular init container and the app use the same port (they never run together)',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: bootstrap
    image: ghcr.io/acme/bootstrap:1.0.0
    ports: [{containerPort: 8080}]
  containers:
  - name: app
    image: ghcr.io/acme/app:1.0.0
    ports: [{containerPort: 8080}]
`,
    },
    {
      name: 'different ports, and the same number over different protocols',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers:
      - name: statsd
        image: prom/statsd-exporter:v0.27.1
        restartPolicy: Always
        ports:
        - {containerPort: 9102}
        - {containerPort: 9125, protocol: UDP}
      containers:
      - name: app
        image: ghcr.io/acme/app:1.0.0
        ports:
        - {containerPort: 8080}
        - {containerPort: 9125, protocol: TCP}
`,
    },
    {
      name: 'two app containers sharing a port is not a sidecar problem',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: proxy, image: "envoyproxy/envoy:v1.31.0", restartPolicy: Always, ports: [{containerPort: 15001}]}
  containers:
  - {name: a, image: "nginx:1.27", ports: [{containerPort: 80}]}
  - {name: b, image: "nginx:1.27", ports: [{containerPort: 80}]}
`,
    },
  ],
  invalid: [
    {
      name: 'catalogue example: sidecar and app both declare 9102 (reported where the API warning points)',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: metrics
    image: prom/statsd-exporter:v0.27.1
    restartPolicy: Always
    ports: [{containerPort: 9102}]
  containers:
  - name: app
    image: ghcr.io/acme/app:1.0.0
    ports: [{containerPort: ⟦9102⟧}]
`,
      errors: [
        {
          messageId: 'containerPort',
          severity: 'warning',
          messageIncludes: ['Container `app` declares port 9102/TCP, and so does sidecar `metrics`', 'spec.containers[0].ports[0]: duplicate port definition with spec.initContainers[0].ports[0]'],
        },
      ],
    },
    {
      name: 'Deployment: two sidecars on the same port; overlapping definition wording',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers:
      - name: otel-agent
        image: otel/opentelemetry-collector-contrib:0.111.0
        restartPolicy: Always
        ports:
        - name: otlp
          containerPort: 4317
      - name: datadog-agent
        image: datadog/agent:7.58.0
        restartPolicy: Always
        ports:
        - name: otlp
          containerPort: ⟦4317⟧
          hostPort: 4317
      containers:
      - name: app
        image: ghcr.io/acme/app:1.0.0
`,
      errors: [{ messageId: 'containerPort', messageIncludes: ['sidecars keep running side by side', 'overlapping port definition with spec.template.spec.initContainers[0].ports[0]'] }],
    },
    {
      name: 'DaemonSet: same hostPort on a sidecar and the app',
      yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: node-agent}
spec:
  selector: {matchLabels: {app: node-agent}}
  template:
    metadata: {labels: {app: node-agent}}
    spec:
      initContainers:
      - name: exporter
        image: prom/node-exporter:v1.8.2
        restartPolicy: Always
        ports: [{containerPort: 9100, hostPort: 9100}]
      containers:
      - name: agent
        image: ghcr.io/acme/agent:2.0.0
        ports: [{containerPort: 8080, hostPort: ⟦9100⟧}]
`,
      errors: [{ messageId: 'hostPort', messageIncludes: 'Container `agent` declares host port 9100/TCP, and so does sidecar `exporter`' }],
    },
    {
      name: 'Job: native sidecar proxy and main container',
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: batch}
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - {name: cloud-sql-proxy, image: "gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.0", restartPolicy: Always, ports: [{containerPort: 5432}]}
      containers:
      - {name: main, image: "ghcr.io/acme/batch:1.0.0", ports: [{containerPort: ⟦5432⟧}]}
`,
      errors: [{ messageId: 'containerPort' }],
    },
  ],
});
