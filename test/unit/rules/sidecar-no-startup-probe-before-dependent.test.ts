import { sidecarNoStartupProbeBeforeDependent } from '../../../server/src/rules/sidecar-no-startup-probe-before-dependent';
import { runRuleTests } from '../../helpers/ruleTester';

const pod = (init: string): string => `apiVersion: v1
kind: Pod
metadata: {name: reports}
spec:
  initContainers:
${init}
  containers:
  - name: reports
    image: ghcr.io/acme/reports:1.9.0
`;

const proxy = (name: string, extra = ''): string => `  - name: ${name}\n    image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.0\n    restartPolicy: Always\n    args: ["--health-check", "--http-port=9090", "acme:eu:db"]${extra}`;
const migrate = '  - name: db-migrate\n    image: ghcr.io/acme/migrate:3.2.0';

runRuleTests(sidecarNoStartupProbeBeforeDependent, {
  valid: [
    { name: 'startupProbe on the proxy', yaml: pod(`${proxy('cloud-sql-proxy', '\n    startupProbe: {httpGet: {path: /startup, port: 9090}, periodSeconds: 1, failureThreshold: 60}')}\n${migrate}`) },
    { name: 'a postStart hook also gates the next init container', yaml: pod(`${proxy('cloud-sql-proxy', '\n    lifecycle: {postStart: {exec: {command: ["/cloud-sql-proxy", "wait"]}}}')}\n${migrate}`) },
    { name: 'the dependent waits for the port itself', yaml: pod(`${proxy('cloud-sql-proxy', '')}\n  - name: check\n    image: postgres:16.4\n    command: ["sh", "-c", "for i in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 && break; sleep 1; done; psql -h 127.0.0.1 -c 'select 1'"]`) },
    { name: 'nothing after the sidecar uses it (tricky/10 verify)', yaml: pod(`${proxy('cloud-sql-proxy', '')}\n  - name: verify\n    image: busybox:1.36\n    command: ["test", "-s", "/in/data.json"]`) },
    { name: 'a dependent before the sidecar is W07, not W08', yaml: pod(`${migrate}\n${proxy('cloud-sql-proxy', '')}`) },
    { name: 'linkerd-proxy last (injected)', yaml: pod('  - name: linkerd-init\n    image: cr.l5d.io/linkerd/proxy:stable-2.14.10\n    command: ["/usr/lib/linkerd/linkerd2-proxy-init"]\n  - name: linkerd-proxy\n    image: cr.l5d.io/linkerd/proxy:stable-2.14.10\n    restartPolicy: Always') },
    { name: 'the dependent runs istio wait first', yaml: pod('  - name: istio-proxy\n    image: istio/proxyv2:1.23.2\n    restartPolicy: Always\n    args: [proxy, sidecar]\n  - name: fetch\n    image: ghcr.io/acme/tools:1.0\n    command: ["sh", "-c", "pilot-agent wait && curl -o /w/x https://example.com/x"]') },
  ],
  invalid: [
    {
      name: 'Pod: migration after a Cloud SQL proxy without startupProbe (catalogue example)',
      yaml: pod(`  - name: ⟦cloud-sql-proxy⟧\n    image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.0\n    restartPolicy: Always\n    args: ["--health-check", "--http-port=9090", "acme:eu:db"]\n${migrate}`),
      errors: [{ messageId: 'noStartupProbe', severity: 'warning', messageIncludes: ['Sidecar `cloud-sql-proxy` has no `startupProbe`', 'init container 2 of 2 `db-migrate`', 'database migration'] }],
    },
    {
      name: 'Deployment: mesh proxy without startupProbe, then a network client',
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
      - name: ⟦istio-proxy⟧
        image: docker.io/istio/proxyv2:1.23.2
        restartPolicy: Always
        args: ["proxy", "sidecar"]
      - name: fetch-config
        image: curlimages/curl:8.10.1
        command: ["curl", "-fsS", "-o", "/config/app.json", "http://config-server/app.json"]
      containers:
      - name: web
        image: ghcr.io/acme/web:1.0.0
`,
      errors: [{ messageId: 'noStartupProbe', messageIncludes: ['opens network connections (`curl`)'] }],
    },
    {
      name: 'CronJob: two dependents on a declared port, one finding listing both',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: sync}
spec:
  schedule: "@hourly"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          initContainers:
          - name: ⟦envoy⟧
            image: envoyproxy/envoy:v1.31.0
            restartPolicy: Always
            ports: [{containerPort: 10000}]
          - name: a
            image: curlimages/curl:8.10.1
            command: ["curl", "-fsS", "http://localhost:10000/a"]
          - name: b
            image: curlimages/curl:8.10.1
            command: ["curl", "-fsS", "http://127.0.0.1:10000/b"]
          containers:
          - name: sync
            image: ghcr.io/acme/sync:1.0.0
`,
      errors: [{ messageId: 'noStartupProbe', messageIncludes: ['init container 2 of 3 `a`, init container 3 of 3 `b`', '`10000`'] }],
    },
  ],
});
