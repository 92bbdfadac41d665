import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { INIT_SNIPPETS, expandSnippet } from '../../../server/src/service/completion/snippets';
import { accept, complete, pick, problems } from '../../helpers/completion';

const SECURE_BLOCK = (col: number): string =>
  ['securityContext:', '  allowPrivilegeEscalation: false', '  readOnlyRootFilesystem: true', '  runAsNonRoot: true', '  runAsUser: 65534', '  capabilities: {drop: [ALL]}']
    .map((l, i) => (i === 0 ? l : ' '.repeat(col) + l))
    .join('\n');

describe('init-container snippets', () => {
  it('wait for a Service, block style, after `- ` (Pod)', () => {
    const { text, items } = complete(`apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - |
  containers:
  - name: app
    image: nginx:1.27.2
`);
    const out = accept(text, pick(items, 'wait for a Service (TCP'));
    assert.equal(
      out,
      `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: wait-for-db
    image: busybox:1.36.1
    command: ["timeout", "120", "sh", "-c", "until nc -z db 5432; do echo waiting for db:5432; sleep 2; done"]
    resources:
      requests: {cpu: 10m, memory: 16Mi}
      limits: {memory: 32Mi}
    ${SECURE_BLOCK(4)}
  containers:
  - name: app
    image: nginx:1.27.2
`,
    );
    assert.deepEqual(problems(out).map((d) => d.message), []);
  });

  it('on an empty line at the items\' column, indented sequences, CRLF (Deployment)', () => {
    const marked = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      initContainers:
        - name: wait-for-db
          image: busybox:1.36.1
          command: ["timeout", "60", "sh", "-c", "until nc -z db 5432; do sleep 2; done"]
        |
      containers:
        - name: app
          image: nginx:1.27.2
`.replace(/\n/g, '\r\n');
    const { text, items } = complete(marked);
    const out = accept(text, pick(items, 'wait for a Service name'));
    assert.equal(
      out,
      text.replace(
        '        \r\n      containers:',
        `        - name: wait-for-dns
          image: busybox:1.36.1
          command: ["timeout", "120", "sh", "-c", "until nslookup my-service; do echo waiting for my-service; sleep 2; done"]
          resources:
            requests: {cpu: 10m, memory: 16Mi}
            limits: {memory: 32Mi}
          ${SECURE_BLOCK(10)}\r\n      containers:`.replace(/\n/g, '\r\n').replace(/\r\r/g, '\r'),
      ),
    );
    assert.deepEqual(problems(out).map((d) => d.message), []);
  });

  it('clone into a shared emptyDir adds the volume (before the list being written) and the app\'s mount (CronJob)', () => {
    const { text, items } = complete(`apiVersion: batch/v1
kind: CronJob
metadata: {name: report}
spec:
  schedule: "0 6 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: report
            image: ghcr.io/acme/report:2.0.1
          initContainers:
          - |
`);
    const out = accept(text, pick(items, 'clone a Git repository'));
    assert.equal(
      out,
      `apiVersion: batch/v1
kind: CronJob
metadata: {name: report}
spec:
  schedule: "0 6 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: report
            image: ghcr.io/acme/report:2.0.1
            volumeMounts:
            - name: work
              mountPath: /work
              readOnly: true
          volumes:
          - name: work
            emptyDir: {}
          initContainers:
          - name: clone
            image: alpine/git:v2.45.2
            command: ["sh", "-c", "[ -d /work/repo/.git ] || git clone --depth=1 --branch main https://github.com/acme/site.git /work/repo"]
            volumeMounts:
            - name: work
              mountPath: /work
            resources:
              requests: {cpu: 50m, memory: 64Mi}
              limits: {memory: 128Mi}
            ${SECURE_BLOCK(12)}
`,
    );
    assert.deepEqual(problems(out).map((d) => d.message), []);
  });

  it('flow style: between items, with the volume added in the pod\'s style', () => {
    const { text, items } = complete(`apiVersion: v1
kind: Pod
metadata: {name: web}
spec: {initContainers: [{name: a, image: "busybox:1.36.1", command: ["true"]}, |], containers: [{name: app, image: "nginx:1.27.2"}]}
`);
    const out = accept(text, pick(items, 'fetch a configuration file'));
    assert.equal(
      out,
      `apiVersion: v1
kind: Pod
metadata: {name: web}
spec: {initContainers: [{name: a, image: "busybox:1.36.1", command: ["true"]}, {name: fetch-config, image: curlimages/curl:8.10.1, command: ["curl", "-fsSL", "--retry", "5", "--max-time", "30", "-o", "/config/app.yaml", "http://config-server/app.yaml"], volumeMounts: [{name: config, mountPath: /config}], resources: {requests: {cpu: 10m, memory: 16Mi}, limits: {memory: 32Mi}}, securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, runAsUser: 65534, capabilities: {drop: [ALL]}}}], containers: [{name: app, image: "nginx:1.27.2", volumeMounts: [{name: config, mountPath: /etc/app, readOnly: true}]}], volumes: [{name: config, emptyDir: {}}]}
`,
    );
    assert.deepEqual(problems(out).map((d) => d.message), []);
  });

  it('an existing volume and mount are not added twice', () => {
    const { text, items } = complete(`apiVersion: v1
kind: Pod
metadata: {name: db}
spec:
  initContainers:
  - |
  containers:
  - name: db
    image: postgres:16.4
    volumeMounts:
    - {name: data, mountPath: /var/lib/postgresql/data}
  volumes:
  - name: data
    persistentVolumeClaim: {claimName: db-data}
`);
    const item = pick(items, 'fix volume permissions');
    assert.equal(item.additionalTextEdits, undefined);
    assert.deepEqual(problems(accept(text, item)).map((d) => d.message), []);
  });

  it('no native sidecar snippet before sidecars exist', () => {
    const marked = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  initContainers:\n  - |\n  containers: [{name: app, image: "nginx:1.27.2"}]\n';
    assert.ok(complete(marked).items.some((i) => i.label.includes('native sidecar')));
    assert.ok(!complete(marked, { kubernetesVersion: '1.27' }).items.some((i) => i.label.includes('native sidecar')));
  });

  it('only inside initContainers', () => {
    const { items } = complete('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - |\n');
    assert.ok(!items.some((i) => i.label.startsWith('init:')));
  });

  describe('every snippet, block and flow, gives a manifest without errors', () => {
    const kinds: Array<[string, string]> = [
      ['Pod', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  initContainers:\n  - |\n  containers:\n  - name: app\n    image: nginx:1.27.2\n'],
      ['Deployment', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: d}}\n  template:\n    metadata: {labels: {app: d}}\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.27.2\n      initContainers:\n        - |\n'],
      ['Job', 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      initContainers: [|]\n      containers: [{name: main, image: "ghcr.io/acme/batch:1.0.0"}]\n'],
      ['StatefulSet', 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: s}\nspec:\n  serviceName: s\n  selector: {matchLabels: {app: s}}\n  template:\n    metadata: {labels: {app: s}}\n    spec:\n      initContainers:\n      - |\n      containers:\n      - name: app\n        image: postgres:16.4\n'],
    ];
    for (const [kind, marked] of kinds) {
      for (const snippet of INIT_SNIPPETS) {
        it(`${kind}: ${snippet.id}`, () => {
          const { text, items } = complete(marked);
          const out = accept(text, pick(items, snippet.label));
          assert.deepEqual(problems(out).map((d) => `${String(d.code)}: ${d.message}`), []);
        });
      }
    }
  });
});

describe('expandSnippet', () => {
  it('takes defaults, first choices and mirrors, and unescapes', () => {
    assert.equal(expandSnippet('a ${1:x} ${2|p,q|} $1 ${1} \\$HOME $0'), 'a x p x x $HOME ');
  });
});
