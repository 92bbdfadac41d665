import { initNotIdempotent } from '../../../server/src/rules/init-not-idempotent';
import { runRuleTests } from '../../helpers/ruleTester';

const pod = (init: string, volume = '{name: data, emptyDir: {}}'): string => `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
${init}
  containers:
  - name: app
    image: nginx:1.27
    volumeMounts: [{name: data, mountPath: /usr/share/nginx/html}]
  volumes:
  - ${volume}
`;
const mount = '\n    volumeMounts: [{name: data, mountPath: /data}]';

runRuleTests(initNotIdempotent, {
  valid: [
    { name: 'mkdir -p', yaml: pod(`  - name: prep\n    image: busybox:1.36\n    command: ["mkdir", "-p", "/data/cache"]${mount}`) },
    { name: 'mkdir outside any volume', yaml: pod(`  - name: prep\n    image: busybox:1.36\n    command: ["mkdir", "/tmp/x"]${mount}`) },
    { name: 'mkdir on a read-only mount', yaml: pod('  - name: prep\n    image: busybox:1.36\n    command: ["mkdir", "/data/x"]\n    volumeMounts: [{name: data, mountPath: /data, readOnly: true}]') },
    { name: 'git clone guarded by a test', yaml: pod(`  - name: clone\n    image: alpine/git:2.45.2\n    command: ["sh", "-c", "[ -d /data/site/.git ] || git clone https://x/site /data/site"]${mount}`) },
    { name: 'git clone in an if branch', yaml: pod(`  - name: clone\n    image: alpine/git:2.45.2\n    command:\n    - sh\n    - -c\n    - |\n      if [ ! -d /data/site ]; then\n        git clone https://x/site /data/site\n      fi${mount}`) },
    { name: 'rm -rf first, then clone', yaml: pod(`  - name: clone\n    image: alpine/git:2.45.2\n    command: ["sh", "-ec", "rm -rf /data/site; git clone https://x/site /data/site"]${mount}`) },
    { name: 'mysql init: append after truncating the file (kubernetes website)', yaml: pod('  - name: init-mysql\n    image: mysql:5.7\n    command:\n    - bash\n    - -c\n    - |\n      set -ex\n      [[ `hostname` =~ -([0-9]+)$ ]] || exit 1\n      ordinal=${BASH_REMATCH[1]}\n      echo [mysqld] > /mnt/conf.d/server-id.cnf\n      echo server-id=$((100 + $ordinal)) >> /mnt/conf.d/server-id.cnf\n    volumeMounts: [{name: data, mountPath: /mnt/conf.d}]') },
    { name: 'cp and ln -sf are idempotent (argo-cd copyutil)', yaml: pod(`  - name: copyutil\n    image: quay.io/argoproj/argocd:v2.12.3\n    command: [sh, -c]\n    args: ["/bin/cp /usr/local/bin/argocd /data/argocd && /bin/ln -sf /data/argocd /data/argocd-cmp-server"]${mount}`) },
    { name: 'mkdir without -p but not the last command and no set -e', yaml: pod(`  - name: prep\n    image: busybox:1.36\n    command: ["sh", "-c", "mkdir /data/x; cp /a /data/x/"]${mount}`) },
    { name: 'configMap volumes are not written', yaml: pod('  - name: prep\n    image: busybox:1.36\n    command: ["sh", "-c", "echo x >> /data/list"]\n    volumeMounts: [{name: data, mountPath: /data}]', '{name: data, configMap: {name: cfg}}') },
    { name: 'a path from a variable is unknown', yaml: pod(`  - name: prep\n    image: busybox:1.36\n    command: ["sh", "-ec", "mkdir $DATA/x"]${mount}`) },
  ],
  invalid: [
    {
      name: 'Pod: exec-form mkdir without -p on an emptyDir',
      yaml: pod(`  - name: prep\n    image: busybox:1.36\n    ⟦command⟧: ["mkdir", "/data/cache"]${mount}`),
      errors: [{ messageId: 'notIdempotent', severity: 'information', messageIncludes: ['Init container 1 of 1 `prep`', '`mkdir -p`', 'volume `data` (`/data/cache`)'] }],
    },
    {
      name: 'StatefulSet: git clone onto a PersistentVolumeClaim',
      yaml: `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: docs}
spec:
  serviceName: docs
  replicas: 1
  selector: {matchLabels: {app: docs}}
  template:
    metadata: {labels: {app: docs}}
    spec:
      initContainers:
      - name: clone
        image: alpine/git:2.45.2
        ⟦command⟧: ["git", "clone", "--depth", "1", "https://github.com/acme/docs.git", "/site/docs"]
        volumeMounts: [{name: site, mountPath: /site}]
      containers:
      - name: web
        image: nginx:1.27
        volumeMounts: [{name: site, mountPath: /usr/share/nginx/html}]
  volumeClaimTemplates:
  - metadata: {name: site}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`,
      errors: [{ messageId: 'notIdempotent', messageIncludes: ['destination path already exists'] }],
    },
    {
      name: 'Deployment: >> append in a script held in args',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers:
      - name: hosts
        image: busybox:1.36
        command: ["sh", "-c"]
        ⟦args⟧: ["echo '10.0.0.5 db' >> /etc-extra/hosts"]
        volumeMounts: [{name: extra, mountPath: /etc-extra}]
      containers:
      - name: web
        image: nginx:1.27
        volumeMounts: [{name: extra, mountPath: /etc-extra}]
      volumes:
      - {name: extra, emptyDir: {}}
`,
      errors: [{ messageId: 'notIdempotent', messageIncludes: ['appends', '`/etc-extra/hosts`'] }],
    },
    {
      name: 'CronJob: set -e then mv out of the volume',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: ingest}
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          initContainers:
          - name: stage
            image: busybox:1.36
            ⟦command⟧: ["sh", "-c", "set -e\\nmv /inbox/today.csv /inbox/staged.csv\\necho staged"]
            volumeMounts: [{name: inbox, mountPath: /inbox}]
          containers:
          - name: ingest
            image: ghcr.io/acme/ingest:1.0.0
            volumeMounts: [{name: inbox, mountPath: /inbox}]
          volumes:
          - {name: inbox, persistentVolumeClaim: {claimName: inbox}}
`,
      errors: [{ messageId: 'notIdempotent', messageIncludes: 'source is gone' }],
    },
    {
      name: 'ln -s without -f as the last command',
      yaml: pod(`  - name: link\n    image: busybox:1.36\n    ⟦command⟧: ["sh", "-c", "cp -r /app/v2 /data/ && ln -s /data/v2 /data/current"]${mount}`),
      errors: [{ messageId: 'notIdempotent', messageIncludes: '`ln -sf`' }],
    },
  ],
});
