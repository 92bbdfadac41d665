import { sidecarOneShotCommand } from '../../../server/src/rules/sidecar-one-shot-command';
import { runRuleTests } from '../../helpers/ruleTester';

const pod = (init: string): string => `apiVersion: v1
kind: Pod
metadata: {name: site}
spec:
  initContainers:
${init}
  containers:
  - name: web
    image: nginx:1.27
`;

runRuleTests(sidecarOneShotCommand, {
  valid: [
    { name: 'a regular init container copying files', yaml: pod('  - name: copy\n    image: busybox:1.36\n    command: ["cp", "-r", "/src/.", "/workdir/"]') },
    { name: 'a sidecar running tail -F (kubernetes website job-sidecar)', yaml: pod("  - name: logshipper\n    image: alpine:3.20\n    restartPolicy: Always\n    command: ['sh', '-c', 'tail -F /opt/logs.txt']") },
    { name: 'a sidecar that writes config, then idles (startup-coordination)', yaml: pod('  - name: config-sidecar\n    image: registry.k8s.io/busybox:1.27.2\n    restartPolicy: Always\n    command: ["sh", "-c", "echo \\"greeting=hello\\" > /config/app.conf; while true; do sleep 3600; done"]') },
    { name: 'sleep infinity', yaml: pod('  - name: keep\n    image: busybox:1.36\n    restartPolicy: Always\n    command: ["sh", "-c", "cp /a /b && sleep infinity"]') },
    { name: 'the image entrypoint (a proxy) runs', yaml: pod('  - name: proxy\n    image: envoyproxy/envoy:v1.31.0\n    restartPolicy: Always\n    args: ["-c", "/etc/envoy/envoy.yaml"]') },
    { name: 'an unknown program may keep running', yaml: pod('  - name: agent\n    image: ghcr.io/acme/agent:1.0\n    restartPolicy: Always\n    command: ["/app/agent", "--serve"]') },
    { name: 'git-sync without --one-time keeps syncing', yaml: pod('  - name: git-sync\n    image: registry.k8s.io/git-sync/git-sync:v4.2.4\n    restartPolicy: Always\n    command: ["/git-sync", "--repo=https://github.com/acme/site", "--period=60s"]') },
    { name: 'a retry loop is not clearly one-shot', yaml: pod('  - name: push\n    image: curlimages/curl:8.10.1\n    restartPolicy: Always\n    command: ["sh", "-c", "until curl -fsS -X POST http://api/register; do sleep 5; done"]') },
    { name: 'Kubernetes 1.27 has no native sidecars (native-sidecar-min-version reports the field)', settings: { kubernetesVersion: '1.27' }, yaml: pod('  - name: copy\n    image: busybox:1.36\n    restartPolicy: Always\n    command: ["cp", "-r", "/src/.", "/workdir/"]') },
    { name: 'background work with wait', yaml: pod('  - name: bg\n    image: busybox:1.36\n    restartPolicy: Always\n    command: ["sh", "-c", "cp /a /b & wait"]') },
  ],
  invalid: [
    {
      name: 'Pod: cp marked as a sidecar (catalogue example)',
      yaml: pod('  - name: copy\n    image: busybox:1.36\n    restartPolicy: Always\n    ⟦command⟧: ["cp", "-r", "/src/.", "/workdir/"]'),
      errors: [{ messageId: 'oneShot', severity: 'warning', messageIncludes: ['Sidecar `copy`', '`cp -r /src/. /workdir/`', 'remove `restartPolicy: Always`'] }],
    },
    {
      name: 'Deployment: a sh -c script of one-shot commands',
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
      - name: fetch-assets
        image: busybox:1.36
        restartPolicy: Always
        ⟦command⟧:
        - sh
        - -c
        - |
          mkdir -p /work/assets
          wget -O /work/assets/app.js https://cdn.example.com/app.js
          chmod 0644 /work/assets/app.js
      containers:
      - name: web
        image: nginx:1.27
`,
      errors: [{ messageId: 'oneShot', messageIncludes: 'mkdir -p /work/assets wget' }],
    },
    {
      name: 'Job: git clone and sleep 10',
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: build}
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - {name: clone, image: alpine/git:2.45.2, restartPolicy: Always, ⟦command⟧: ["sh", "-c", "git clone https://github.com/acme/site /src && sleep 10"]}
      containers:
      - {name: build, image: ghcr.io/acme/builder:1.0.0}
`,
      errors: [{ messageId: 'oneShot' }],
    },
    {
      name: 'git-sync --one-time as a sidecar',
      yaml: pod('  - name: git-sync\n    image: registry.k8s.io/git-sync/git-sync:v4.2.4\n    restartPolicy: Always\n    ⟦command⟧: ["/git-sync", "--repo=https://github.com/acme/site", "--one-time"]'),
      errors: [{ messageId: 'oneShot' }],
    },
  ],
});
