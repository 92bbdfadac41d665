import { initInlineSecretEnv } from '../../../server/src/rules/init-inline-secret-env';
import { runRuleTests } from '../../helpers/ruleTester';

const pod = (env: string, role = ''): string => `apiVersion: v1
kind: Pod
metadata: {name: api}
spec:
  initContainers:
  - name: migrate
    image: ghcr.io/acme/migrate:3.2.0${role}
    env:
${env}
  containers:
  - name: api
    image: ghcr.io/acme/api:4.1.0
`;

runRuleTests(initInlineSecretEnv, {
  valid: [
    { name: 'secretKeyRef', yaml: pod('    - name: PGPASSWORD\n      valueFrom: {secretKeyRef: {name: db, key: password}}') },
    { name: 'a token FILE path (linkerd)', yaml: pod('    - name: LINKERD2_PROXY_IDENTITY_TOKEN_FILE\n      value: /var/run/secrets/tokens/linkerd-identity-token', '\n    restartPolicy: Always') },
    { name: 'a certificate is public', yaml: pod('    - name: LINKERD2_PROXY_IDENTITY_TRUST_ANCHORS\n      value: |\n        -----BEGIN CERTIFICATE-----\n        MIIBwTCCAWagAwIBAgIQeDZp5lDaIygQ5UfMKZrFATAKBggqhkjOPQQDAjApMScw\n        -----END CERTIFICATE-----') },
    { name: 'sentinel IDs are not credentials (redis-ha)', yaml: pod('    - name: SENTINEL_ID_0\n      value: 3c0d9c0320bb34888c2df5757c718ce6ca992ce6\n    - name: SENTINEL_ID_1\n      value: 40000915ab58c3fa8fd888fb8b24711944e6cbb4') },
    { name: 'flags, names, references and numbers', yaml: pod('    - {name: MYSQL_ALLOW_EMPTY_PASSWORD, value: "1"}\n    - {name: DB_SECRET_NAME, value: db-credentials}\n    - {name: TOKEN_TTL, value: "3600"}\n    - {name: API_TOKEN, value: $(API_TOKEN_FROM_SECRET)}\n    - {name: DATABASE_URL, value: "postgres://app@db:5432/app"}') },
    {
      name: 'an app container is out of scope (aks-store ORDER_QUEUE_PASSWORD)',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: order-service}
spec:
  selector: {matchLabels: {app: order-service}}
  template:
    metadata: {labels: {app: order-service}}
    spec:
      containers:
      - name: order-service
        image: ghcr.io/azure-samples/aks-store-demo/order-service:latest
        env:
        - {name: ORDER_QUEUE_PASSWORD, value: password}
      initContainers:
      - name: wait-for-rabbitmq
        image: busybox:1.37.0
        command: ["sh", "-c", "for i in $(seq 1 30); do nc -z rabbitmq 5672 && exit 0; sleep 2; done; exit 1"]
`,
    },
  ],
  invalid: [
    {
      name: 'Pod: PGPASSWORD literal',
      yaml: pod('    - name: PGPASSWORD\n      value: ⟦"s3cr3t-in-plain-text"⟧'),
      errors: [{ messageId: 'secretName', severity: 'warning', messageIncludes: ['`PGPASSWORD`', 'init container 1 of 1 `migrate`', 'secretKeyRef'] }],
    },
    {
      name: 'a connection string with a password, whatever the name (sidecar)',
      yaml: pod('    - name: DATABASE_URL\n      value: ⟦postgres://app:hunter2@db:5432/app⟧', '\n    restartPolicy: Always'),
      errors: [{ messageId: 'secretValue', messageIncludes: ['a connection string with a password', 'sidecar `migrate`'] }],
    },
    {
      name: 'Deployment (seed): Django DATABASE_URL in the migration init container',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: django-app}
spec:
  replicas: 2
  selector: {matchLabels: {app: django}}
  template:
    metadata: {labels: {app: django}}
    spec:
      initContainers:
      - name: run-migrations
        image: my-django-app:latest
        command: ["python", "manage.py", "migrate"]
        env:
          - name: DATABASE_URL
            value: ⟦"postgres://user:password@postgres-service:5432/mydb"⟧
      containers:
      - name: django
        image: my-django-app:latest
        env:
          - name: DATABASE_URL
            value: "postgres://user:password@postgres-service:5432/mydb"
`,
      errors: [{ messageId: 'secretValue', messageIncludes: 'Deployment' }],
    },
    {
      name: 'CronJob: flow-style env with emoji before it',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: greet}
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          initContainers:
          - {name: greet, image: "busybox:1.36", env: [{name: GREETING, value: "こんにちは👋🏽"}, {name: API_TOKEN, value: ⟦"tok_😀_123"⟧}], command: ["sh", "-c", "echo $GREETING"]}
          containers:
          - {name: main, image: "busybox:1.36"}
`,
      errors: [{ messageId: 'secretName', messageIncludes: '`API_TOKEN`' }],
    },
  ],
});
