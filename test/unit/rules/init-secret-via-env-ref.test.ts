import { initSecretViaEnvRef } from '../../../server/src/rules/init-secret-via-env-ref';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(initSecretViaEnvRef, {
  valid: [
    {
      name: 'secret mounted as a file; app container env refs are not init findings',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: migrate
    image: ghcr.io/acme/migrate:3.2.0
    volumeMounts: [{name: db, mountPath: /run/secrets/db, readOnly: true}]
  containers:
  - name: app
    image: ghcr.io/acme/app:3.2.0
    env:
    - name: PASSWORD
      valueFrom: {secretKeyRef: {name: db, key: password}}
  volumes:
  - {name: db, secret: {secretName: db}}
`,
    },
    {
      name: 'configMap refs are fine',
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
        envFrom: [{configMapRef: {name: settings}}]
      containers:
      - name: app
        image: ghcr.io/acme/app:3.2.0
`,
    },
  ],
  invalid: [
    {
      name: 'secretKeyRef and secretRef in a Pod',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: migrate
    image: ghcr.io/acme/migrate:3.2.0
    env:
    - name: DATABASE_PASSWORD
      valueFrom:
        ⟦secretKeyRef⟧: {name: db, key: password}
    envFrom:
    - ⟦secretRef⟧: {name: api-keys}
  containers:
  - name: app
    image: ghcr.io/acme/app:3.2.0
`,
      errors: [
        { messageId: 'secretKeyRef', messageIncludes: ['`db`', '`DATABASE_PASSWORD`', 'Init container 1 of 1 `migrate`'] },
        { messageId: 'secretRef', messageIncludes: '`api-keys`' },
      ],
    },
    {
      name: 'sidecar in a Deployment',
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
      - name: vault-agent
        image: hashicorp/vault:1.17.2
        restartPolicy: Always
        env:
        - name: VAULT_TOKEN
          valueFrom: {⟦secretKeyRef⟧: {name: vault, key: token}}
      containers:
      - name: app
        image: ghcr.io/acme/app:3.2.0
`,
      errors: [
        { messageId: 'secretKeyRef', messageIncludes: 'Sidecar `vault-agent`' },
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
          - name: fetch
            image: curlimages/curl:8.10.1
            envFrom: [{⟦secretRef⟧: {name: token}}]
          containers:
          - {name: main, image: ghcr.io/acme/report:1.0.0}
`,
      errors: [
        { messageId: 'secretRef' },
      ],
    },
  ],
});
