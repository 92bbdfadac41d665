import { initPrivilegeEscalationAllowed } from '../../../server/src/rules/init-privilege-escalation-allowed';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(initPrivilegeEscalationAllowed, {
  valid: [
    {
      name: 'set to false; privileged containers are skipped; app containers are not checked',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: a, image: busybox:1.36.1, securityContext: {allowPrivilegeEscalation: false}}
  - {name: b, image: busybox:1.36.1, securityContext: {privileged: true}}
  containers:
  - name: app
    image: ghcr.io/acme/app:3.2.0
`,
    },
  ],
  invalid: [
    {
      name: 'missing securityContext, explicit true',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: ⟦setup⟧
    image: busybox:1.36.1
  - name: tool
    image: busybox:1.36.1
    securityContext:
      allowPrivilegeEscalation: ⟦true⟧
  containers:
  - name: app
    image: ghcr.io/acme/app:3.2.0
`,
      errors: [
        { messageId: 'notSet', severity: 'warning', messageIncludes: 'Init container 1 of 2 `setup`' },
        { messageId: 'allowed' },
      ],
    },
    {
      name: 'Deployment, securityContext without the field',
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
        ⟦securityContext⟧: {runAsNonRoot: true}
      containers:
      - name: app
        image: ghcr.io/acme/app:3.2.0
`,
      errors: [
        { messageId: 'notSet' },
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
        { messageId: 'notSet' },
      ],
    },
  ],
});
