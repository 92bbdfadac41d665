import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { YAMLMap } from 'yaml';
import { insertPair, removePair, setPair } from '../../../server/src/service/edits/index';
import { applyAndParse, crlf, nodeAt } from './editTestUtils';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
  - name: wait-db
    image: busybox:1.36
    # waits for the database
    readinessProbe:
      tcpSocket:
        port: 5432   # postgres
    command: ["sh", "-c", "true"]
  containers:
  - name: app
    image: nginx:1.27
`;

const INIT = ['spec', 'initContainers', 0];

describe('removePair (block)', () => {
  it('removes a nested block value with its comment line above and trailing comment', () => {
    const { ctx, node } = nodeAt<YAMLMap>(POD, INIT);
    assert.equal(
      applyAndParse(POD, removePair(ctx, node, 'readinessProbe')),
      `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
  - name: wait-db
    image: busybox:1.36
    command: ["sh", "-c", "true"]
  containers:
  - name: app
    image: nginx:1.27
`,
    );
  });

  it('removes the first key of a sequence item, pulling the next key onto the dash line', () => {
    const { ctx, node } = nodeAt<YAMLMap>(POD, INIT);
    assert.equal(
      applyAndParse(POD, removePair(ctx, node, 'name')),
      POD.replace('  - name: wait-db\n    image: busybox:1.36', '  - image: busybox:1.36'),
    );
  });

  it('removes the last key of the last document without a final line break', () => {
    const text = 'a: 1\nb:\n  c: 2\n  d: [1, 2]';
    const { ctx, node } = nodeAt<YAMLMap>(text, ['b']);
    assert.equal(applyAndParse(text, removePair(ctx, node, 'd')), 'a: 1\nb:\n  c: 2\n');
  });

  it('writes {} when the mapping becomes empty', () => {
    const text = 'spec:\n  securityContext:\n    privileged: true\n  x: 1\n';
    const { ctx, node } = nodeAt<YAMLMap>(text, ['spec', 'securityContext']);
    assert.equal(applyAndParse(text, removePair(ctx, node, 'privileged')), 'spec:\n  securityContext:\n    {}\n  x: 1\n');
  });

  it('writes {} for the only key of a sequence item', () => {
    const text = 'list:\n- probe: 1\n- b: 2\n';
    const { ctx, node } = nodeAt<YAMLMap>(text, ['list', 0]);
    assert.equal(applyAndParse(text, removePair(ctx, node, 'probe')), 'list:\n- {}\n- b: 2\n');
  });

  it('removes a block scalar value and keeps the next key', () => {
    const text = 'c:\n  command: |\n    echo hi\n\n  args: [x]\n';
    const { ctx, node } = nodeAt<YAMLMap>(text, ['c']);
    assert.equal(applyAndParse(text, removePair(ctx, node, 'command')), 'c:\n\n  args: [x]\n');
  });

  it('keeps a deeper comment that belongs to the previous value', () => {
    const text = 'c:\n  a:\n    x: 1\n    # about x\n  b: 2\n';
    const { ctx, node } = nodeAt<YAMLMap>(text, ['c']);
    assert.equal(applyAndParse(text, removePair(ctx, node, 'b')), 'c:\n  a:\n    x: 1\n    # about x\n');
  });

  it('removes a key without a value', () => {
    const text = 'c:\n  a:\n  b: 2\n';
    const { ctx, node } = nodeAt<YAMLMap>(text, ['c']);
    assert.equal(applyAndParse(text, removePair(ctx, node, 'a')), 'c:\n  b: 2\n');
  });

  it('is CRLF-aware', () => {
    const { ctx, node } = nodeAt<YAMLMap>(crlf(POD), INIT);
    const out = applyAndParse(crlf(POD), removePair(ctx, node, 'readinessProbe'));
    assert.equal(out, crlf(POD.replace(/    # waits[^]*postgres\n/, '')));
  });

  it('returns nothing for an absent key', () => {
    const { ctx, node } = nodeAt<YAMLMap>(POD, INIT);
    assert.deepEqual(removePair(ctx, node, 'lifecycle'), []);
  });
});

describe('removePair (flow)', () => {
  const FLOW = 'spec: {initContainers: [{name: a, readinessProbe: {tcpSocket: {port: 1}}, image: "busybox:1.36"}]}\n';
  const path = ['spec', 'initContainers', 0];
  it('removes a middle entry and its comma', () => {
    const { ctx, node } = nodeAt<YAMLMap>(FLOW, path);
    assert.equal(applyAndParse(FLOW, removePair(ctx, node, 'readinessProbe')), 'spec: {initContainers: [{name: a, image: "busybox:1.36"}]}\n');
  });
  it('removes the last entry and the comma before it', () => {
    const { ctx, node } = nodeAt<YAMLMap>(FLOW, path);
    assert.equal(applyAndParse(FLOW, removePair(ctx, node, 'image')), 'spec: {initContainers: [{name: a, readinessProbe: {tcpSocket: {port: 1}}}]}\n');
  });
  it('removes the only entry', () => {
    const text = 'a: {b: 1}\n';
    const { ctx, node } = nodeAt<YAMLMap>(text, ['a']);
    assert.equal(applyAndParse(text, removePair(ctx, node, 'b')), 'a: {}\n');
  });
  it('removes a quoted key of a JSON document', () => {
    const text = '{"kind": "Pod", "spec": {"a": 1, "b": 2}}\n';
    const { ctx, node } = nodeAt<YAMLMap>(text, ['spec']);
    assert.equal(applyAndParse(text, removePair(ctx, node, 'a')), '{"kind": "Pod", "spec": {"b": 2}}\n');
  });
  it('works on a multi-line flow mapping', () => {
    const text = 'a: {\n  b: 1,\n  c: 2\n}\n';
    const { ctx, node } = nodeAt<YAMLMap>(text, ['a']);
    assert.equal(applyAndParse(text, removePair(ctx, node, 'c')), 'a: {\n  b: 1\n}\n');
  });
});

describe('insertPair', () => {
  it('inserts a scalar after a given key in a sequence item', () => {
    const { ctx, node } = nodeAt<YAMLMap>(POD, INIT);
    assert.equal(
      applyAndParse(POD, insertPair(ctx, node, 'restartPolicy', 'Always', { after: ['image', 'name'] })),
      POD.replace('    image: busybox:1.36\n', '    image: busybox:1.36\n    restartPolicy: Always\n'),
    );
  });

  it('inserts a nested mapping at the end, after a nested block value', () => {
    const { ctx, node } = nodeAt<YAMLMap>(POD, ['spec', 'containers', 0]);
    assert.equal(
      applyAndParse(POD, insertPair(ctx, node, 'resources', { requests: { cpu: '50m', memory: '64Mi' } })),
      `${POD}    resources:\n      requests:\n        cpu: 50m\n        memory: 64Mi\n`,
    );
  });

  it('inserts a sequence with the document\'s sequence indentation', () => {
    const text = 'spec:\n  containers:\n    - name: a\n      image: x:1\n';
    const { ctx, node } = nodeAt<YAMLMap>(text, ['spec']);
    assert.equal(
      applyAndParse(text, insertPair(ctx, node, 'volumes', [{ name: 'work', emptyDir: {} }])),
      `${text}  volumes:\n    - name: work\n      emptyDir: {}\n`,
    );
  });

  it('inserts before the first key of a sequence item', () => {
    const { ctx, node } = nodeAt<YAMLMap>(POD, INIT);
    assert.equal(
      applyAndParse(POD, insertPair(ctx, node, 'x', 1, { before: ['name'] })),
      POD.replace('  - name: wait-db\n', '  - x: 1\n    name: wait-db\n'),
    );
  });

  it('inserts before a key on its own line, above its comment', () => {
    const { ctx, node } = nodeAt<YAMLMap>(POD, INIT);
    assert.equal(
      applyAndParse(POD, insertPair(ctx, node, 'x', 'y', { before: ['readinessProbe'] })),
      POD.replace('    # waits', '    x: y\n    # waits'),
    );
  });

  it('adds a line break at the end of a text without one', () => {
    const text = 'a:\n  b: 1';
    const { ctx, node } = nodeAt<YAMLMap>(text, ['a']);
    assert.equal(applyAndParse(text, insertPair(ctx, node, 'c', 'Always')), 'a:\n  b: 1\n  c: Always');
  });

  it('inserts into flow mappings, empty ones and JSON ones', () => {
    let text = 'a: {b: 1}\n';
    let r = nodeAt<YAMLMap>(text, ['a']);
    assert.equal(applyAndParse(text, insertPair(r.ctx, r.node, 'c', { d: [1, 'x y'] })), 'a: {b: 1, c: {d: [1, x y]}}\n');
    text = 'a: {}\n';
    r = nodeAt<YAMLMap>(text, ['a']);
    assert.equal(applyAndParse(text, insertPair(r.ctx, r.node, 'c', 'Always')), 'a: {c: Always}\n');
    text = '{"a": {"b": 1}}';
    r = nodeAt<YAMLMap>(text, ['a']);
    assert.equal(applyAndParse(text, insertPair(r.ctx, r.node, 'restartPolicy', 'Always', { before: ['b'] })), '{"a": {"restartPolicy": "Always", "b": 1}}');
  });

  it('quotes strings that would not read back as strings', () => {
    const text = 'a:\n  b: 1\n';
    const { ctx, node } = nodeAt<YAMLMap>(text, ['a']);
    assert.equal(applyAndParse(text, insertPair(ctx, node, 'v', ['true', '1', 'a: b', 'x,y'])), 'a:\n  b: 1\n  v: ["true", "1", "a: b", "x,y"]\n');
  });

  it('is CRLF-aware', () => {
    const { ctx, node } = nodeAt<YAMLMap>(crlf(POD), ['spec']);
    assert.equal(
      applyAndParse(crlf(POD), insertPair(ctx, node, 'volumes', [{ name: 'work', emptyDir: {} }])),
      crlf(`${POD}  volumes:\n  - name: work\n    emptyDir: {}\n`),
    );
  });
});

describe('setPair', () => {
  it('replaces a scalar with a block mapping', () => {
    const text = 'a:\n  b: 1 # c\n  c: 2\n';
    const { ctx, node } = nodeAt<YAMLMap>(text, ['a']);
    assert.equal(applyAndParse(text, setPair(ctx, node, 'b', { x: 1 })), 'a:\n  b:\n    x: 1 # c\n  c: 2\n');
  });
  it('fills a key without value', () => {
    const text = 'a:\n  b:\n  c: 2\n';
    const { ctx, node } = nodeAt<YAMLMap>(text, ['a']);
    assert.equal(applyAndParse(text, setPair(ctx, node, 'b', [{ name: 'v' }])), 'a:\n  b:\n  - name: v\n  c: 2\n');
  });
  it('replaces a flow value and inserts when absent', () => {
    const text = 'a: {b: [1], c: 2}\n';
    const { ctx, node } = nodeAt<YAMLMap>(text, ['a']);
    assert.equal(applyAndParse(text, setPair(ctx, node, 'b', 'x')), 'a: {b: x, c: 2}\n');
    assert.equal(applyAndParse(text, setPair(ctx, node, 'd', 'x')), 'a: {b: [1], c: 2, d: x}\n');
  });
});
