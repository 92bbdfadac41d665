import { sidecarMissingProbes } from '../../../server/src/rules/sidecar-missing-probes';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(sidecarMissingProbes, {
  valid: [
    {
      name: 'sidecar with a startupProbe; plain init container without probes',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: setup, image: busybox:1.36.1}
  - name: proxy
    image: envoyproxy/envoy:v1.31.0
    restartPolicy: Always
    startupProbe: {tcpSocket: {port: 15001}}
  containers:
  - name: app
    image: ghcr.io/acme/app:3.2.0
`,
    },
  ],
  invalid: [
    {
      name: 'Pod',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: ⟦proxy⟧
    image: envoyproxy/envoy:v1.31.0
    restartPolicy: Always
  containers:
  - name: app
    image: ghcr.io/acme/app:3.2.0
`,
      errors: [
        { messageId: 'noProbes', severity: 'information', messageIncludes: '`proxy`' },
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
      - {name: ⟦log-shipper⟧, image: fluent/fluent-bit:3.1.9, restartPolicy: Always}
      containers:
      - name: app
        image: ghcr.io/acme/app:3.2.0
`,
      errors: [
        { messageId: 'noProbes' },
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
          - {name: ⟦cloud-sql-proxy⟧, image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.0, restartPolicy: Always}
          containers:
          - {name: main, image: ghcr.io/acme/report:1.0.0}
`,
      errors: [
        { messageId: 'noProbes' },
      ],
    },
  ],
});
