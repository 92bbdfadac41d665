import { sidecarOrderingDependency } from '../../../server/src/rules/sidecar-ordering-dependency';
import { runRuleTests } from '../../helpers/ruleTester';

const pod = (init: string, extra = ''): string => `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:${extra}
  initContainers:
${init}
  containers:
  - name: app
    image: ghcr.io/acme/app:1.0.0
`;

const sqlProxy = '  - name: cloud-sql-proxy\n    image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.0\n    restartPolicy: Always\n    args: ["--port=5432", "acme:eu:db"]';
const istioProxy = '  - name: istio-proxy\n    image: docker.io/istio/proxyv2:1.23.2\n    restartPolicy: Always\n    args: ["proxy", "sidecar"]';

runRuleTests(sidecarOrderingDependency, {
  valid: [
    { name: 'proxy first, then the client', yaml: pod(`${sqlProxy}\n  - name: check\n    image: postgres:16.4\n    command: ["pg_isready", "-h", "127.0.0.1", "-p", "5432"]`) },
    { name: 'a client of another host does not need the database proxy (tricky/10)', yaml: pod(`  - name: fetch-input\n    image: curlimages/curl:8.10.1\n    command: ["sh", "-c", "until curl -fsS http://api/healthz; do sleep 5; done; curl -o /in/data.json http://api/export"]\n${sqlProxy}`) },
    { name: 'istio-init sets up iptables, it does not use the network (linkerd/istio injection)', yaml: pod(`  - name: istio-init\n    image: docker.io/istio/proxyv2:1.23.2\n    args: ["istio-iptables", "-p", "15001", "-u", "1337"]\n${istioProxy}`) },
    { name: 'linkerd-init before linkerd-proxy', yaml: pod('  - name: linkerd-init\n    image: cr.l5d.io/linkerd/proxy:stable-2.14.10\n    command: ["/usr/lib/linkerd/linkerd2-proxy-init"]\n    args: ["--incoming-proxy-port", "4143", "--outgoing-proxy-port", "4140"]\n  - name: linkerd-proxy\n    image: cr.l5d.io/linkerd/proxy:stable-2.14.10\n    restartPolicy: Always\n    ports: [{containerPort: 4143}]') },
    { name: 'a network client before istio-init is not intercepted yet', yaml: pod(`  - name: fetch\n    image: curlimages/curl:8.10.1\n    command: ["curl", "-o", "/w/x", "https://example.com/x"]\n  - name: istio-init\n    image: docker.io/istio/proxyv2:1.23.2\n    args: ["istio-iptables"]\n${istioProxy}`) },
    { name: 'a network client running as the mesh UID is not intercepted', yaml: pod(`  - name: fetch\n    image: curlimages/curl:8.10.1\n    command: ["curl", "-o", "/w/x", "https://example.com/x"]\n    securityContext: {runAsUser: 1337}\n${istioProxy}`) },
    { name: 'DNS look-ups are not intercepted', yaml: pod(`  - name: wait-dns\n    image: busybox:1.36\n    command: ["sh", "-c", "for i in $(seq 1 30); do nslookup db && exit 0; sleep 1; done; exit 1"]\n${istioProxy}`) },
    { name: 'a database client with a remote host', yaml: pod(`  - name: check\n    image: postgres:16.4\n    command: ["psql", "-h", "db.prod.svc", "-c", "select 1"]\n${sqlProxy}`) },
    { name: 'writing config for the sidecar before it starts is the right order', yaml: pod('  - name: render-config\n    image: hairyhenderson/gomplate:v4.1.0\n    args: ["-f", "/tmpl/envoy.yaml", "-o", "/config/envoy.yaml"]\n    volumeMounts: [{name: config, mountPath: /config}]\n  - name: envoy\n    image: envoyproxy/envoy:v1.31.0\n    restartPolicy: Always\n    args: ["-c", "/config/envoy.yaml"]\n    ports: [{containerPort: 10000}]\n    volumeMounts: [{name: config, mountPath: /config}]', '\n  volumes: [{name: config, emptyDir: {}}]') },
  ],
  invalid: [
    {
      name: 'Pod: psql to 127.0.0.1:5432 before the Cloud SQL proxy',
      yaml: pod(`  - name: ⟦check-schema⟧\n    image: postgres:16.4\n    command: ["sh", "-c", "psql -h 127.0.0.1 -p 5432 -U app -c 'select 1'"]\n${sqlProxy}`),
      errors: [{ messageId: 'beforeSidecar', severity: 'warning', messageIncludes: ['Init container 1 of 2 `check-schema`', '`127.0.0.1:5432`', 'sidecar `cloud-sql-proxy`'] }],
    },
    {
      name: 'Deployment: migration before the mesh proxy (catalogue example)',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  replicas: 1
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      initContainers:
      - {name: ⟦db-migrate⟧, image: ghcr.io/acme/migrate:3.2.0}
      - {name: istio-proxy, image: istio/proxyv2:1.23.2, restartPolicy: Always, args: [proxy, sidecar]}
      containers:
      - {name: api, image: ghcr.io/acme/api:3.2.0}
`,
      errors: [{ messageId: 'beforeSidecar', messageIncludes: ['database migration', 'sidecar `istio-proxy`'] }],
    },
    {
      name: 'Job: a client of a declared sidecar port, via env URL',
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: load}
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - name: ⟦seed-cache⟧
        image: ghcr.io/acme/seeder:1.0.0
        env:
        - {name: CACHE_URL, value: "redis://localhost:6379/0"}
      - name: redis
        image: redis:7.4
        restartPolicy: Always
        ports: [{containerPort: 6379}]
      containers:
      - name: load
        image: ghcr.io/acme/load:1.0.0
`,
      errors: [{ messageId: 'beforeSidecar', messageIncludes: '`localhost:6379`' }],
    },
    {
      name: 'a sidecar that needs a later sidecar',
      yaml: pod('  - name: ⟦exporter⟧\n    image: ghcr.io/acme/exporter:1.0\n    restartPolicy: Always\n    args: ["--target=http://localhost:9901/stats"]\n  - name: envoy\n    image: envoyproxy/envoy:v1.31.0\n    restartPolicy: Always\n    ports: [{containerPort: 9901}]'),
      errors: [{ messageId: 'beforeSidecar', messageIncludes: ['Sidecar `exporter`', 'first connections fail'] }],
    },
    {
      name: 'Unix socket served by a later proxy on a shared volume',
      yaml: pod('  - name: ⟦migrate⟧\n    image: ghcr.io/acme/tools:1.0\n    command: ["sh", "-c", "psql \\"host=/cloudsql/acme:eu:db user=app\\" -f /m/001.sql"]\n    volumeMounts: [{name: cloudsql, mountPath: /cloudsql}]\n  - name: proxy\n    image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.0\n    restartPolicy: Always\n    args: ["--unix-socket=/cloudsql", "acme:eu:db"]\n    volumeMounts: [{name: cloudsql, mountPath: /cloudsql}]', '\n  volumes: [{name: cloudsql, emptyDir: {}}]'),
      errors: [{ messageId: 'beforeSidecar', messageIncludes: 'socket `/cloudsql/acme:eu:db`' }],
    },
  ],
});
