import { sidecarReadinessProbeTerminationGrace } from '../../../server/src/rules/sidecar-readiness-probe-termination-grace';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(sidecarReadinessProbeTerminationGrace, {
  valid: [
    {
      name: 'grace period on the liveness probe; zero timings mean defaults',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: proxy
    image: istio/proxyv2:1.23.2
    restartPolicy: Always
    readinessProbe: {httpGet: {path: /ready, port: 15021}, periodSeconds: 0, initialDelaySeconds: 0}
    livenessProbe: {httpGet: {path: /healthz, port: 15021}, terminationGracePeriodSeconds: 10}
  containers: [{name: app, image: nginx:1.27}]
`,
    },
    {
      name: 'regular init containers and ephemeral containers are other rules',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers: [{name: setup, image: busybox:1.36, readinessProbe: {exec: {command: ["true"]}, terminationGracePeriodSeconds: 10}}]
  containers: [{name: app, image: nginx:1.27}]
`,
    },
  ],
  invalid: [
    {
      name: 'catalogue example: readinessProbe grace on a sidecar (Pod)',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: proxy
    image: istio/proxyv2:1.23.2
    restartPolicy: Always
    readinessProbe: {httpGet: {path: /ready, port: 15021}, ⟦terminationGracePeriodSeconds⟧: 10}
  containers: [{name: app, image: nginx:1.27}]
`,
      errors: [
        {
          messageId: 'readinessGrace',
          severity: 'error',
          messageIncludes: ['the `readinessProbe` of sidecar `proxy`', 'spec.initContainers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 10: must not be set for readinessProbes'],
        },
      ],
    },
    {
      name: 'zero probe grace and negative timings on an app container (Deployment)',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: app
        image: nginx:1.27
        livenessProbe:
          httpGet: {path: /healthz, port: 80}
          terminationGracePeriodSeconds: ⟦0⟧
          periodSeconds: ⟦-5⟧
        readinessProbe:
          httpGet: {path: /ready, port: 80}
          successThreshold: ⟦-1⟧
`,
      errors: [
        { messageId: 'graceNotPositive', messageIncludes: 'livenessProbe.terminationGracePeriodSeconds: Invalid value: 0: must be greater than 0' },
        { messageId: 'negative', messageIncludes: 'spec.template.spec.containers[0].livenessProbe.periodSeconds: Invalid value: -5: must be greater than or equal to 0' },
        { messageId: 'negative', messageIncludes: 'readinessProbe.successThreshold' },
      ],
    },
    {
      name: 'CronJob sidecar, negative failureThreshold',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: report}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          initContainers:
          - name: cloud-sql-proxy
            image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.13.0
            restartPolicy: Always
            startupProbe: {tcpSocket: {port: 5432}, failureThreshold: ⟦-30⟧}
          containers: [{name: report, image: "registry.example.com/report:3.2.0"}]
`,
      errors: [{ messageId: 'negative', messageIncludes: '`failureThreshold: -30` on the `startupProbe` of sidecar `cloud-sql-proxy`' }],
    },
  ],
});
