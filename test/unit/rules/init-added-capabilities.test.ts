import { initAddedCapabilities } from '../../../server/src/rules/init-added-capabilities';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(initAddedCapabilities, {
  valid: [
    {
      name: 'drops ALL and adds a harmless capability',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: a
    image: busybox:1.36.1
    securityContext:
      capabilities: {drop: [ALL], add: [CHOWN]}
  containers:
  - name: app
    image: ghcr.io/acme/app:3.2.0
`,
    },
  ],
  invalid: [
    {
      name: 'istio-init style NET_ADMIN and NET_RAW',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: istio-init
    image: docker.io/istio/proxyv2:1.23.2
    securityContext:
      capabilities:
        add: [⟦NET_ADMIN⟧, ⟦NET_RAW⟧]
        ⟦drop⟧: [NET_BIND_SERVICE]
  containers:
  - name: app
    image: ghcr.io/acme/app:3.2.0
`,
      errors: [
        { messageId: 'added', severity: 'warning', messageIncludes: '`NET_ADMIN`' },
        { messageId: 'added', messageIncludes: '`NET_RAW`' },
        { messageId: 'notDropped', severity: 'information' },
      ],
    },
    {
      name: 'Deployment without a securityContext',
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
      - {name: ⟦setup⟧, image: busybox:1.36.1}
      containers:
      - name: app
        image: ghcr.io/acme/app:3.2.0
`,
      errors: [
        { messageId: 'notDropped' },
      ],
    },
    {
      name: 'CronJob adding ALL',
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
          - name: debug
            image: busybox:1.36.1
            securityContext: {capabilities: {add: [⟦ALL⟧], drop: [ALL]}}
          containers:
          - {name: main, image: ghcr.io/acme/report:1.0.0}
`,
      errors: [
        { messageId: 'added', messageIncludes: 'every capability' },
      ],
    },
  ],
});
