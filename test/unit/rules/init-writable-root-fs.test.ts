import { initWritableRootFs } from '../../../server/src/rules/init-writable-root-fs';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(initWritableRootFs, {
  valid: [
    {
      name: 'read-only root filesystem',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: a, image: busybox:1.36.1, securityContext: {readOnlyRootFilesystem: true}}
  containers:
  - name: app
    image: ghcr.io/acme/app:3.2.0
`,
    },
  ],
  invalid: [
    {
      name: 'Pod: missing and false',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: ⟦a⟧
    image: busybox:1.36.1
  - name: b
    image: busybox:1.36.1
    securityContext: {readOnlyRootFilesystem: ⟦false⟧}
  containers:
  - name: app
    image: ghcr.io/acme/app:3.2.0
`,
      errors: [
        { messageId: 'writable', severity: 'information' },
        { messageId: 'writable', messageIncludes: 'Init container 2 of 2 `b`' },
      ],
    },
    {
      name: 'Deployment sidecar',
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
      - name: proxy
        image: envoyproxy/envoy:v1.31.0
        restartPolicy: Always
        ⟦securityContext⟧: {runAsNonRoot: true}
      containers:
      - name: app
        image: ghcr.io/acme/app:3.2.0
`,
      errors: [
        { messageId: 'writable', messageIncludes: 'Sidecar `proxy`' },
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
          - {name: ⟦fetch⟧, image: curlimages/curl:8.10.1}
          containers:
          - {name: main, image: ghcr.io/acme/report:1.0.0}
`,
      errors: [
        { messageId: 'writable' },
      ],
    },
  ],
});
