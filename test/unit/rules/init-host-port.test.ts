import { initHostPort } from '../../../server/src/rules/init-host-port';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(initHostPort, {
  valid: [
    {
      name: 'container ports only; hostPort on an app container',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: a, image: busybox:1.36.1, ports: [{containerPort: 8080}]}
  containers:
  - {name: app, image: nginx:1.27, ports: [{containerPort: 80, hostPort: 80}]}
`,
    },
  ],
  invalid: [
    {
      name: 'sidecar in a Pod',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: statsd
    image: prom/statsd-exporter:v0.27.1
    restartPolicy: Always
    ports:
    - {containerPort: 9102, ⟦hostPort⟧: 9102}
  containers:
  - name: app
    image: ghcr.io/acme/app:3.2.0
`,
      errors: [
        { messageId: 'hostPort', severity: 'information', messageIncludes: ['host port 9102', 'whole life of the pod'] },
      ],
    },
    {
      name: 'Deployment init container',
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
      - name: setup
        image: busybox:1.36.1
        ports:
        - containerPort: 8080
          ⟦hostPort⟧: 18080
      containers:
      - name: app
        image: ghcr.io/acme/app:3.2.0
`,
      errors: [
        { messageId: 'hostPort' },
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
          - {name: fetch, image: curlimages/curl:8.10.1, ports: [{containerPort: 80, ⟦hostPort⟧: 8080}]}
          containers:
          - {name: main, image: ghcr.io/acme/report:1.0.0}
`,
      errors: [
        { messageId: 'hostPort' },
      ],
    },
  ],
});
