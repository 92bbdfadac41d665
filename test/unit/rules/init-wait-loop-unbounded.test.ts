import { initWaitLoopUnbounded } from '../../../server/src/rules/init-wait-loop-unbounded';
import { runRuleTests } from '../../helpers/ruleTester';

const pod = (init: string, extra = ''): string => `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:${extra}
  initContainers:
${init}
  containers:
  - name: app
    image: nginx:1.27
`;

runRuleTests(initWaitLoopUnbounded, {
  valid: [
    { name: 'bounded for loop over $(seq)', yaml: pod('  - name: wait-db\n    image: busybox:1.36\n    command: ["sh", "-c", "for i in $(seq 1 60); do nc -z -w 2 db 5432 && exit 0; sleep 2; done; exit 1"]') },
    { name: 'retry counter', yaml: pod('  - name: wait-db\n    image: busybox:1.36\n    command:\n    - sh\n    - -c\n    - |\n      i=0\n      until nc -z db 5432; do\n        i=$((i+1))\n        [ "$i" -ge 30 ] && { echo "db not up"; exit 1; }\n        sleep 2\n      done') },
    { name: 'timeout around the loop', yaml: pod('  - name: wait-db\n    image: busybox:1.36\n    command: ["timeout", "300", "sh", "-c", "until nc -z db 5432; do sleep 2; done"]') },
    { name: 'timeout inside the script', yaml: pod('  - name: wait-db\n    image: busybox:1.36\n    command: ["sh", "-c", "timeout 300 sh -c \'until nc -z db 5432; do sleep 2; done\' || exit 1"]') },
    { name: '$SECONDS deadline', yaml: pod('  - name: wait-vault\n    image: curlimages/curl:8.10.1\n    command: ["sh", "-c", "end=$((SECONDS+120)); until curl -fs http://vault:8200/v1/sys/health; do [ $SECONDS -ge $end ] && exit 1; sleep 2; done"]') },
    { name: 'bare Pod with activeDeadlineSeconds', yaml: pod('  - name: wait-db\n    image: busybox:1.36\n    command: ["sh", "-c", "until nc -z db 5432; do sleep 2; done"]', '\n  activeDeadlineSeconds: 600') },
    {
      name: 'Job with activeDeadlineSeconds',
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: report}
spec:
  activeDeadlineSeconds: 900
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - name: wait-api
        image: curlimages/curl:8.10.1
        command: ["sh", "-c", "until curl -fsS http://api/healthz; do sleep 5; done"]
      containers:
      - name: main
        image: ghcr.io/acme/report:1.0.0
`,
    },
    { name: 'a sidecar that loops forever is meant to', yaml: pod('  - name: config-sidecar\n    image: busybox:1.36\n    restartPolicy: Always\n    command: ["sh", "-c", "echo greeting=hello > /config/app.conf; while true; do sleep 3600; done"]') },
    { name: 'background loop, then the real work', yaml: pod('  - name: setup\n    image: busybox:1.36\n    command: ["sh", "-c", "(while true; do date; sleep 5; done) & cp -r /src/. /work/"]') },
    { name: 'while read over a file', yaml: pod('  - name: render\n    image: busybox:1.36\n    command: ["sh", "-c", "while read -r f; do cp /tmpl/$f /out/; done < /tmpl/list"]') },
    { name: 'git-sync with --one-time', yaml: pod('  - name: git-sync\n    image: registry.k8s.io/git-sync/git-sync:v4.2.4\n    args: ["--repo=https://github.com/acme/site", "--root=/git", "--one-time"]') },
    { name: 'git-sync with GITSYNC_ONE_TIME', yaml: pod('  - name: git-sync\n    image: registry.k8s.io/git-sync/git-sync:v4.2.4\n    env:\n    - {name: GITSYNC_ONE_TIME, value: "true"}') },
    { name: 'istio-init runs istio-iptables, not the proxy', yaml: pod('  - name: istio-init\n    image: docker.io/istio/proxyv2:1.23.2\n    args: ["istio-iptables", "-p", "15001", "-z", "15006", "-u", "1337"]') },
    { name: 'vault-agent-init: exit_after_auth lives in the config file', yaml: pod('  - name: vault-agent-init\n    image: hashicorp/vault:1.17.2\n    command: ["/bin/sh", "-ec"]\n    args: ["echo ${VAULT_CONFIG?} | base64 -d > /home/vault/config.json && vault agent -config=/home/vault/config.json"]') },
    { name: 'a single probe with a per-attempt timeout is not a loop', yaml: pod('  - name: check-db\n    image: busybox:1.36\n    command: ["nc", "-z", "-w", "5", "db", "5432"]') },
    { name: 'wait-for-it with its own timeout', yaml: pod('  - name: wait\n    image: ghcr.io/acme/tools:1.0\n    command: ["/wait-for-it.sh", "db:5432", "--timeout=60", "--strict"]') },
    { name: 'ncat --recv-only (mysql clone) blocks on a peer but is not a wait loop', yaml: pod('  - name: clone-mysql\n    image: gcr.io/google-samples/xtrabackup:1.0\n    command:\n    - bash\n    - -c\n    - |\n      set -ex\n      [[ -d /var/lib/mysql/mysql ]] && exit 0\n      ncat --recv-only mysql-0.mysql 3307 | xbstream -x -C /var/lib/mysql') },
    {
      name: 'a wait loop in an app container is not an init container',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: app
        image: busybox:1.36
        command: ["sh", "-c", "until nc -z db 5432; do sleep 2; done; exec /app"]
`,
    },
  ],
  invalid: [
    {
      name: 'Pod: until nc -z',
      yaml: pod('  - name: wait-db\n    image: busybox:1.36\n    ⟦command⟧: ["sh", "-c", "until nc -z db 5432; do echo waiting; sleep 2; done"]'),
      errors: [{ messageId: 'unbounded', severity: 'warning', messageIncludes: ['Init container 1 of 1 `wait-db`', '`until nc -z db 5432`', 'Init:0/1'] }],
    },
    {
      name: 'Deployment: the script is in args, second of two init containers',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: orders}
spec:
  replicas: 2
  selector: {matchLabels: {app: orders}}
  template:
    metadata: {labels: {app: orders}}
    spec:
      initContainers:
      - name: fix-perms
        image: busybox:1.36
        command: ["chown", "-R", "1000:1000", "/data"]
      - name: wait-for-rabbitmq
        image: busybox:1.37.0
        command: ["/bin/sh", "-c"]
        ⟦args⟧:
        - while ! nc -z rabbitmq 5672; do echo waiting; sleep 2; done
      containers:
      - name: orders
        image: ghcr.io/acme/orders:2.3.1
`,
      errors: [{ messageId: 'unbounded', messageIncludes: ['Init container 2 of 2 `wait-for-rabbitmq`', 'Init:1/2'] }],
    },
    {
      name: 'per-attempt curl -m does not bound the loop (longhorn)',
      yaml: pod('  - name: wait-longhorn-manager\n    image: docker.io/longhornio/longhorn-manager:v1.7.1\n    ⟦command⟧: [\'sh\', \'-c\', \'while [ $(curl -m 1 -s -o /dev/null -w "%{http_code}" http://longhorn-backend:9500/v1) != "200" ]; do echo waiting; sleep 2; done\']'),
      errors: [{ messageId: 'unbounded', messageIncludes: '`curl -m 1` limits each attempt, not the loop' }],
    },
    {
      name: 'CronJob: literal block scalar with a while true that only breaks on success',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          initContainers:
          - name: wait-api
            image: curlimages/curl:8.10.1
            ⟦command⟧:
            - sh
            - -ec
            - |
              while true; do
                if curl -fsS http://api/healthz; then break; fi
                sleep 5
              done
          containers:
          - name: report
            image: ghcr.io/acme/report:3.2.0
`,
      errors: [{ messageId: 'unbounded', messageIncludes: '`while true`' }],
    },
    {
      name: 'an endless loop in a regular init container',
      yaml: pod('  - name: idle\n    image: busybox:1.36\n    ⟦command⟧: ["sh", "-c", "cp /a /b; while true; do sleep 3600; done"]'),
      errors: [{ messageId: 'endless', messageIncludes: 'make it a sidecar' }],
    },
    {
      name: 'folded block scalar',
      yaml: pod('  - name: wait-db\n    image: busybox:1.36\n    ⟦command⟧:\n    - sh\n    - -c\n    - >\n      until getent hosts db;\n      do echo waiting for db;\n      sleep 2;\n      done'),
      errors: [{ messageId: 'unbounded', messageIncludes: '`until getent hosts db`' }],
    },
    {
      name: 'flow style on one line',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: flow}
spec: {initContainers: [{name: init-a, image: "busybox:1.36", ⟦command⟧: [sh, -c, "until nslookup db; do sleep 2; done"]}], containers: [{name: app, image: "nginx:1.27"}]}
`,
      errors: [{ messageId: 'unbounded' }],
    },
    {
      name: 'git-sync without --one-time never exits (reported at the name)',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: blog}
spec:
  replicas: 1
  selector: {matchLabels: {name: blog}}
  template:
    metadata: {labels: {name: blog}}
    spec:
      initContainers:
      - name: ⟦git-sync⟧
        image: registry.k8s.io/git-sync/git-sync:v4.2.4
        args: ["--repo=https://github.com/acme/blog", "--root=/tmp/git"]
      containers:
      - name: blog
        image: nginx:1.27
`,
      errors: [{ messageId: 'neverExits', messageIncludes: ['git-sync', '--one-time'] }],
    },
    {
      name: 'tail -f /dev/null in a regular init container',
      yaml: pod('  - name: debug\n    image: busybox:1.36\n    ⟦command⟧: ["tail", "-f", "/dev/null"]'),
      errors: [{ messageId: 'neverExits', messageIncludes: '`tail -f /dev/null`' }],
    },
    {
      name: 'the script comes through an alias: still reported at the command key',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
x-wait: &wait ["sh", "-c", "until nc -z db 5432; do sleep 2; done"]
spec:
  initContainers:
  - name: wait-db
    image: busybox:1.36
    ⟦command⟧: *wait
  containers:
  - name: app
    image: nginx:1.27
`,
      errors: [{ messageId: 'unbounded' }],
    },
  ],
});
