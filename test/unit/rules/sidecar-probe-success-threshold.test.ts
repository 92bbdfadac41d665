import { sidecarProbeSuccessThreshold } from '../../../server/src/rules/sidecar-probe-success-threshold';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(sidecarProbeSuccessThreshold, {
  valid: [
    {
      name: 'successThreshold 1, omitted, or 0 (defaulted to 1); any value on a readinessProbe',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: proxy
    image: envoyproxy/envoy:v1.31.0
    restartPolicy: Always
    livenessProbe: {tcpSocket: {port: 15000}, successThreshold: 1}
    startupProbe: {tcpSocket: {port: 15000}, successThreshold: 0}
    readinessProbe: {tcpSocket: {port: 15000}, successThreshold: 3}
  containers: [{name: app, image: nginx:1.27, livenessProbe: {httpGet: {path: /, port: 80}}}]
`,
    },
    {
      name: 'a plain init container is init-probe-forbidden, not this rule',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers: [{name: setup, image: busybox:1.36, livenessProbe: {exec: {command: ["true"]}, successThreshold: 3}}]
  containers: [{name: app, image: nginx:1.27}]
`,
    },
  ],
  invalid: [
    {
      name: 'catalogue example: sidecar livenessProbe (Pod)',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers: [{name: proxy, image: envoyproxy/envoy:v1.31.0, restartPolicy: Always, livenessProbe: {tcpSocket: {port: 15000}, successThreshold: ⟦3⟧}}]
  containers: [{name: app, image: nginx:1.27}]
`,
      errors: [
        {
          messageId: 'mustBeOne',
          severity: 'error',
          messageIncludes: ['the `livenessProbe` of sidecar `proxy`', 'spec.initContainers[0].livenessProbe.successThreshold: Invalid value: 3: must be 1'],
        },
      ],
    },
    {
      name: 'app container startupProbe in a Deployment, negative value',
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
        startupProbe:
          httpGet: {path: /healthz, port: 80}
          successThreshold: ⟦-1⟧
`,
      errors: [{ messageId: 'mustBeOne', messageIncludes: 'spec.template.spec.containers[0].startupProbe.successThreshold: Invalid value: -1: must be 1' }],
    },
    {
      name: 'CronJob sidecar startupProbe',
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
            startupProbe: {tcpSocket: {port: 5432}, successThreshold: ⟦2⟧}
          containers: [{name: report, image: "registry.example.com/report:3.2.0"}]
`,
      errors: [{ messageId: 'mustBeOne', messageIncludes: 'startupProbe' }],
    },
  ],
});
