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
      name: 'Deployment: mesh proxy',
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
        image: istio/proxyv2:1.23.2
        restartPolicy: Always
        ⟦readinessProbe⟧:
          httpGet: {path: /healthz/ready, port: 15021}
      containers:
      - name: app
        image: ghcr.io/acme/app:1.0.0
`,
      errors: [{ messageId: 'gatesPod', messageIncludes: 'sidecar `istio-proxy`' }],
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
          initContainers: [{name: envoy, image: "envoyproxy/envoy:v1.31.0", restartPolicy: Always, ⟦readinessProbe⟧: {tcpSocket: {port: 15001}}}]
          containers: [{name: main, image: "ghcr.io/acme/report:1.0.0"}]
`,
      errors: [{ messageId: 'gatesPod' }],
    },
  ],
});
