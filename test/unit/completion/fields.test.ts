import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accept, complete, pick } from '../../helpers/completion';

const POD = (initBody: string, extra = ''): string => `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: setup
    image: busybox:1.36.1
${initBody}
  containers:
  - name: app
    image: nginx:1.27.2
${extra}`;

const labels = (marked: string, settings?: Record<string, unknown>): string[] => complete(marked, settings).items.map((i) => i.label);

describe('container keys by role', () => {
  it('a plain init container: no probes or lifecycle, `restartPolicy: Always` offered, present keys left out', () => {
    const got = labels(POD('    |'));
    for (const k of ['command', 'args', 'env', 'volumeMounts', 'resources', 'securityContext', 'restartPolicy: Always']) assert.ok(got.includes(k), k);
    for (const k of ['livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle', 'name', 'image']) assert.ok(!got.includes(k), k);
  });

  it('a sidecar gets probes and lifecycle', () => {
    const got = labels(POD('    restartPolicy: Always\n    |'));
    for (const k of ['livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle']) assert.ok(got.includes(k), k);
    assert.ok(!got.includes('restartPolicy: Always'));
  });

  it('an app container: probes, but restartPolicy only from 1.35', () => {
    const marked = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27.2\n    |\n';
    assert.ok(labels(marked).includes('readinessProbe'));
    assert.ok(labels(marked).includes('restartPolicy'));
    assert.ok(!labels(marked, { kubernetesVersion: '1.33' }).includes('restartPolicy'));
  });

  it('no `restartPolicy: Always` before sidecars exist (1.27)', () => {
    assert.ok(!labels(POD('    |'), { kubernetesVersion: '1.27' }).includes('restartPolicy: Always'));
  });

  it('inserts `restartPolicy: Always` where typed, with field docs', () => {
    const { text, items } = complete(POD('    rest|'));
    const item = pick(items, 'restartPolicy: Always');
    assert.match(JSON.stringify(item.documentation), /native sidecar/);
    assert.equal(accept(text, item), POD('    restartPolicy: Always'));
  });

  it('inserts nested fields at the right indentation (indented sequences, CRLF)', () => {
    const marked = 'apiVersion: batch/v1\r\nkind: Job\r\nmetadata: {name: j}\r\nspec:\r\n  template:\r\n    spec:\r\n      restartPolicy: Never\r\n      initContainers:\r\n        - name: setup\r\n          image: busybox:1.36.1\r\n          vol|\r\n      containers: [{name: main, image: "ghcr.io/acme/batch:1.0.0"}]\r\n';
    const { text, items } = complete(marked);
    assert.equal(accept(text, pick(items, 'volumeMounts')), text.replace('          vol\r\n', '          volumeMounts:\r\n            - \r\n'));
    assert.equal(accept(text, pick(items, 'resources')), text.replace('          vol\r\n', '          resources:\r\n            \r\n'));
    assert.equal(accept(text, pick(items, 'imagePullPolicy')), text.replace('          vol\r\n', '          imagePullPolicy: Always\r\n'));
  });

  it('the first key of a new container after `- ` (nested CronJob)', () => {
    const marked = 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: "@daily"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          initContainers:\n          - na|\n          containers: [{name: main, image: "ghcr.io/acme/batch:1.0.0"}]\n';
    const { text, items } = complete(marked);
    assert.equal(accept(text, pick(items, 'name')), text.replace('- na\n', '- name: \n'));
  });
});

describe('values', () => {
  it('imagePullPolicy values', () => {
    assert.deepEqual(labels(POD('    imagePullPolicy: |')), ['Always', 'IfNotPresent', 'Never']);
  });

  it('init container restartPolicy: Always, and OnFailure/Never from 1.35', () => {
    assert.deepEqual(labels(POD('    restartPolicy: |')), ['Always', 'OnFailure', 'Never']);
    assert.deepEqual(labels(POD('    restartPolicy: |'), { kubernetesVersion: '1.33' }), ['Always']);
    const { text, items } = complete(POD('    restartPolicy: Al|'));
    assert.equal(accept(text, pick(items, 'Always')), POD('    restartPolicy: Always'));
  });

  it('pod restartPolicy values of the kind (Job)', () => {
    const marked = 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      restartPolicy: |\n      containers: [{name: main, image: "ghcr.io/acme/batch:1.0.0"}]\n';
    assert.deepEqual(labels(marked), ['OnFailure', 'Never']);
  });

  it('volume names in volumeMounts[].name (block and flow mounts)', () => {
    const vols = '  volumes:\n  - {name: work, emptyDir: {}}\n  - name: cache\n    emptyDir: {}\n';
    const { text, items } = complete(POD('    volumeMounts:\n    - name: |\n      mountPath: /work', vols));
    assert.deepEqual(items.map((i) => i.label), ['work', 'cache']);
    assert.equal(accept(text, pick(items, 'cache')), POD('    volumeMounts:\n    - name: cache\n      mountPath: /work', vols));
    assert.deepEqual(labels(POD('    volumeMounts:\n    - mountPath: /w\n      name: w|', vols)), ['work', 'cache']);
  });

  it('container names in a Job podFailurePolicy (init containers and sidecars included)', () => {
    const marked = `apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  podFailurePolicy:
    rules:
    - action: FailJob
      onExitCodes:
        containerName: |
        operator: In
        values: [42]
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - {name: proxy, image: "envoyproxy/envoy:v1.31.2", restartPolicy: Always}
      containers:
      - {name: main, image: "ghcr.io/acme/batch:1.0.0"}
`;
    assert.deepEqual(labels(marked), ['proxy', 'main']);
  });
});
