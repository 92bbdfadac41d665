import { sidecarReadinessGatesPod } from '../../../server/src/rules/sidecar-readiness-gates-pod';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(sidecarReadinessGatesPod, {
  valid: [
    {
      name: 'sidecar with startup and liveness probes only',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: log-shipper
    image: fluent/fluent-bit:3.1.9
    restartPolicy: Always
    startupProbe: {httpGet: {path: /api/v1/health, port: 2020}}
    livenessProbe: {httpGet: {path: /api/v1/health, port: 2020}}
  containers:
  - name: app
    image: nginx:1.27
    readinessProbe: {httpGet: {path: /, port: 80}}
`,
    },
    {
      name: 'a readinessProbe on a regular init container is E01, not this rule',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: setup
    image: busybox:1.36
    readinessProbe: {exec: {command: ["true"]}}
  containers:
  - {name: app, image: "nginx:1.27"}
`,
    },
    {
      name: 'traffic proxies (mesh, database): gating the Pod is intended',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers:
      - name: istio-proxy
        image: docker.io/istio/proxyv2:1.23.2
        restartPolicy: Always
        readinessProbe: {httpGet: {path: /healthz/ready, port: 15021}}
      - name: linkerd-proxy
        image: cr.l5d.io/linkerd/proxy:edge-24.11.8
        restartPolicy: Always
        readinessProbe: {httpGet: {path: /ready, port: 4191}}
      - name: db
        image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.0
        restartPolicy: Always
        readinessProbe: {httpGet: {path: /readiness, port: 9090}}
      - name: edge
        image: envoyproxy/envoy:v1.31.0
        restartPolicy: Always
        readinessProbe: {tcpSocket: {port: 15001}}
      containers:
      - name: app
        image: ghcr.io/acme/app:1.0.0
`,
    },
  ],
  invalid: [
    {
      name: 'Pod: sidecar readinessProbe, reported at the key',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: metrics-agent
    image: datadog/agent:7.58.0
    restartPolicy: Always
    ⟦readinessProbe⟧:
      httpGet: {path: /ready, port: 5555}
  containers:
  - name: app
    image: nginx:1.27
`,
      errors: [{ messageId: 'gatesPod', severity: 'information', messageIncludes: 'sidecar `metrics-agent`' }],
    },
    {
      name: 'Deployment: OpenTelemetry collector sidecar',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers:
      - name: otel-collector
        image: otel/opentelemetry-collector-contrib:0.111.0
        restartPolicy: Always
        ⟦readinessProbe⟧:
          httpGet: {path: /, port: 13133}
      containers:
      - name: app
        image: ghcr.io/acme/app:1.0.0
`,
      errors: [{ messageId: 'gatesPod', messageIncludes: 'sidecar `otel-collector`' }],
    },
    {
      name: 'CronJob, flow style',
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
          initContainers: [{name: vector, image: "timberio/vector:0.41.1-distroless-libc", restartPolicy: Always, ⟦readinessProbe⟧: {tcpSocket: {port: 8686}}}]
          containers: [{name: main, image: "ghcr.io/acme/report:1.0.0"}]
`,
      errors: [{ messageId: 'gatesPod' }],
    },
  ],
});
