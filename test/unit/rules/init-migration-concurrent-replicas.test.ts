import { initMigrationConcurrentReplicas } from '../../../server/src/rules/init-migration-concurrent-replicas';
import { runRuleTests } from '../../helpers/ruleTester';

const deployment = (replicas: string, init: string): string => `apiVersion: apps/v1
kind: Deployment
metadata: {name: shop}
spec:${replicas}
  selector: {matchLabels: {app: shop}}
  template:
    metadata: {labels: {app: shop}}
    spec:
      initContainers:
${init}
      containers:
      - name: shop
        image: ghcr.io/acme/shop:3.2.0
`;

const django = '      - name: migrate\n        image: ghcr.io/acme/shop:3.2.0\n        command: ["python", "manage.py", "migrate", "--noinput"]';

runRuleTests(initMigrationConcurrentReplicas, {
  valid: [
    { name: 'one replica', yaml: deployment('\n  replicas: 1', django) },
    { name: 'replicas not set (1)', yaml: deployment('', django) },
    { name: 'read-only sub-command (showmigrations)', yaml: deployment('\n  replicas: 3', '      - name: check\n        image: ghcr.io/acme/shop:3.2.0\n        command: ["python", "manage.py", "showmigrations"]') },
    { name: 'waiting for a migration Job is the recommended pattern', yaml: deployment('\n  replicas: 3', '      - name: wait-for-migrations\n        image: groundnuty/k8s-wait-for:v2.0\n        args: ["job-wr", "shop-migrate"]') },
    { name: 'a bounded wait loop', yaml: deployment('\n  replicas: 3', '      - name: wait-db\n        image: busybox:1.36\n        command: ["sh", "-c", "for i in $(seq 1 30); do nc -z db 5432 && exit 0; sleep 2; done; exit 1"]') },
    {
      name: 'bare Pod',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: once}
spec:
  initContainers:
  - name: migrate
    image: migrate/migrate:v4.17.1
    args: ["-path", "/migrations", "-database", "postgres://db/app", "up"]
  containers:
  - name: app
    image: ghcr.io/acme/app:1.0.0
`,
    },
    {
      name: 'Job without parallelism',
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: migrate}
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - name: migrate
        image: flyway/flyway:10.17
        args: ["migrate"]
      containers:
      - name: done
        image: busybox:1.36
        command: ["true"]
`,
    },
    { name: 'a sidecar is not a migration step', yaml: deployment('\n  replicas: 3', '      - name: migrator-agent\n        image: ghcr.io/acme/migrator:1.0\n        restartPolicy: Always') },
    {
      name: 'an HPA for another Deployment does not count',
      yaml: `${deployment('', django)}---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: other}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: other}
  minReplicas: 2
  maxReplicas: 10
`,
    },
  ],
  invalid: [
    {
      name: 'Deployment with 3 replicas runs manage.py migrate',
      yaml: deployment('\n  replicas: 3', '      - name: ⟦migrate⟧\n        image: ghcr.io/acme/shop:3.2.0\n        command: ["python", "manage.py", "migrate", "--noinput"]'),
      errors: [{ messageId: 'concurrent', severity: 'warning', messageIncludes: ['Init container 1 of 1 `migrate`', '`manage.py migrate`', 'Deployment `shop` has 3 replicas'] }],
    },
    {
      name: 'the seed: myapp-migrator image with ./migrate.sh, second init container',
      yaml: deployment('\n  replicas: 2', '      - name: wait-for-db\n        image: busybox:1.36\n        command: [\'sh\', \'-c\', \'for i in $(seq 1 30); do nc -z db-service 5432 && exit 0; sleep 2; done; exit 1\']\n      - name: ⟦run-migrations⟧\n        image: myapp-migrator:1.0\n        command: [\'./migrate.sh\']'),
      errors: [{ messageId: 'concurrent', messageIncludes: ['Init container 2 of 2 `run-migrations`', '`migrate.sh`'] }],
    },
    {
      name: 'an HPA in the same file scales the Deployment',
      yaml: `${deployment('', '      - name: ⟦migrate⟧\n        image: ghcr.io/acme/shop:3.2.0\n        command: ["bundle", "exec", "rake", "db:migrate"]')}---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: shop}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: shop}
  minReplicas: 2
  maxReplicas: 10
`,
      errors: [{ messageId: 'concurrent', messageIncludes: ['HorizontalPodAutoscaler `shop`', 'up to 10 replicas'] }],
    },
    {
      name: 'StatefulSet OrderedReady (default): serial message',
      yaml: `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  replicas: 3
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      initContainers:
        - name: ⟦migrate⟧
          image: migrate/migrate:v4.17.1
          args: ["-path", "/migrations", "-database", "postgres://app@db:5432/app", "up"]
      containers:
        - name: postgres
          image: postgres:16.4
`,
      errors: [{ messageId: 'serial', messageIncludes: ['golang-migrate', 'OrderedReady', '3 replicas'] }],
    },
    {
      name: 'StatefulSet Parallel: concurrent',
      yaml: `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: api}
spec:
  serviceName: api
  replicas: 2
  podManagementPolicy: Parallel
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      initContainers:
      - name: ⟦db⟧
        image: ghcr.io/acme/api:1.2.0
        command: ["sh", "-c", "npx prisma migrate deploy && echo migrated"]
      containers:
      - name: api
        image: ghcr.io/acme/api:1.2.0
`,
      errors: [{ messageId: 'concurrent', messageIncludes: '`prisma migrate deploy`' }],
    },
    {
      name: 'DaemonSet',
      yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      initContainers:
      - name: ⟦schema⟧
        image: liquibase/liquibase:4.29
        args: ["--changelog-file=changelog.xml", "update"]
      containers:
      - name: agent
        image: ghcr.io/acme/agent:0.9.0
`,
      errors: [{ messageId: 'concurrent', messageIncludes: 'one pod on every node' }],
    },
    {
      name: 'CronJob whose Job runs pods in parallel',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: etl}
spec:
  schedule: "*/30 * * * *"
  jobTemplate:
    spec:
      parallelism: 4
      completions: 4
      template:
        spec:
          restartPolicy: OnFailure
          initContainers:
          - name: ⟦alembic⟧
            image: ghcr.io/acme/etl:2.0.0
            command: ["alembic", "upgrade", "head"]
          containers:
          - name: etl
            image: ghcr.io/acme/etl:2.0.0
`,
      errors: [{ messageId: 'concurrent', messageIncludes: '4 pods in parallel' }],
    },
  ],
});
