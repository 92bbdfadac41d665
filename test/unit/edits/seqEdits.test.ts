import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Node, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { addToSeqOf, appendItem, insertItem, nodeSourceText, RawYaml, removeItem, renameScalars, replaceScalar } from '../../../server/src/service/edits/index';
import { applyAndParse, crlf, nodeAt } from './editTestUtils';

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
        # the proxy
        - name: proxy
          image: envoyproxy/envoy:v1.31.0
      volumes:
      - name: a
        emptyDir: {}
`;
const CONTAINERS = ['spec', 'template', 'spec', 'containers'];

describe('sequence items', () => {
  it('appends a mapping item at the column of the other dashes', () => {
    const { ctx, node } = nodeAt<YAMLSeq>(DEPLOY, CONTAINERS);
    assert.equal(
      applyAndParse(DEPLOY, appendItem(ctx, node, { name: 'log', image: 'fluent/fluent-bit:3.1.9' })),
      DEPLOY.replace('envoy:v1.31.0\n', 'envoy:v1.31.0\n        - name: log\n          image: fluent/fluent-bit:3.1.9\n'),
    );
  });

  it('inserts an item first', () => {
    const { ctx, node } = nodeAt<YAMLSeq>(DEPLOY, ['spec', 'template', 'spec', 'volumes']);
    assert.equal(
      applyAndParse(DEPLOY, insertItem(ctx, node, { name: 'b', emptyDir: {} }, 0)),
      DEPLOY.replace('      - name: a\n', '      - name: b\n        emptyDir: {}\n      - name: a\n'),
    );
  });

  it('removes an item with its comment line', () => {
    const { ctx, node } = nodeAt<YAMLSeq>(DEPLOY, CONTAINERS);
    assert.equal(applyAndParse(DEPLOY, removeItem(ctx, node, 1)), DEPLOY.replace(/        # the proxy\n.*\n.*envoy.*\n/, ''));
  });

  it('writes [] after the key when the only item goes', () => {
    const { ctx, node } = nodeAt<YAMLSeq>(DEPLOY, ['spec', 'template', 'spec', 'volumes']);
    assert.equal(applyAndParse(DEPLOY, removeItem(ctx, node, 0)), DEPLOY.replace('volumes:\n      - name: a\n        emptyDir: {}', 'volumes: []'));
  });

  it('moves a block item as raw text, re-indented', () => {
    const { ctx, node } = nodeAt<YAMLSeq>(DEPLOY, CONTAINERS);
    const proxy = node.items[1] as Node;
    const raw = new RawYaml(nodeSourceText(ctx, proxy));
    const vol = nodeAt<YAMLSeq>(DEPLOY, ['spec', 'template', 'spec', 'volumes']);
    assert.equal(
      applyAndParse(DEPLOY, appendItem(vol.ctx, vol.node, raw)),
      `${DEPLOY}      - name: proxy\n        image: envoyproxy/envoy:v1.31.0\n`,
    );
  });

  it('edits flow sequences: append, insert first, remove, empty', () => {
    const text = 'a: [x, {b: 1}]\ne: []\n';
    let r = nodeAt<YAMLSeq>(text, ['a']);
    assert.equal(applyAndParse(text, appendItem(r.ctx, r.node, { c: 'd' })), 'a: [x, {b: 1}, {c: d}]\ne: []\n');
    assert.equal(applyAndParse(text, insertItem(r.ctx, r.node, 'y', 0)), 'a: [y, x, {b: 1}]\ne: []\n');
    assert.equal(applyAndParse(text, removeItem(r.ctx, r.node, 0)), 'a: [{b: 1}]\ne: []\n');
    assert.equal(applyAndParse(text, removeItem(r.ctx, r.node, 1)), 'a: [x]\ne: []\n');
    r = nodeAt<YAMLSeq>(text, ['e']);
    assert.equal(applyAndParse(text, appendItem(r.ctx, r.node, 'z')), 'a: [x, {b: 1}]\ne: [z]\n');
  });

  it('adds to the sequence under a key, or creates it (block, flow, JSON)', () => {
    const text = 'spec:\n  containers:\n  - name: a\n';
    let r = nodeAt<YAMLMap>(text, ['spec']);
    assert.equal(applyAndParse(text, addToSeqOf(r.ctx, r.node, 'volumes', { name: 'w', emptyDir: {} })), `${text}  volumes:\n  - name: w\n    emptyDir: {}\n`);
    assert.equal(applyAndParse(text, addToSeqOf(r.ctx, r.node, 'containers', { name: 'b' })), `${text}  - name: b\n`);
    const flow = 'spec: {containers: [{name: a}]}\n';
    r = nodeAt<YAMLMap>(flow, ['spec']);
    assert.equal(applyAndParse(flow, addToSeqOf(r.ctx, r.node, 'volumes', { name: 'w', emptyDir: {} })), 'spec: {containers: [{name: a}], volumes: [{name: w, emptyDir: {}}]}\n');
    const json = '{"spec": {"containers": [{"name": "a"}]}}\n';
    r = nodeAt<YAMLMap>(json, ['spec']);
    assert.equal(applyAndParse(json, addToSeqOf(r.ctx, r.node, 'volumes', { name: 'w', emptyDir: {} })), '{"spec": {"containers": [{"name": "a"}], "volumes": [{"name": "w", "emptyDir": {}}]}}\n');
  });

  it('is CRLF-aware', () => {
    const { ctx, node } = nodeAt<YAMLSeq>(crlf(DEPLOY), CONTAINERS);
    assert.equal(
      applyAndParse(crlf(DEPLOY), appendItem(ctx, node, { name: 'log', image: 'x:1' })),
      crlf(DEPLOY.replace('envoy:v1.31.0\n', 'envoy:v1.31.0\n        - name: log\n          image: x:1\n')),
    );
  });
});

describe('scalars', () => {
  const text = 'a: plain\nb: "double"\nc: \'single\'\nd: |\n  echo 1\n  echo 2\ne: >-\n    folded\nf: [x, y]\n';
  const rep = (path: string[], v: string): string => {
    const r = nodeAt<Scalar>(text, path);
    return applyAndParse(text, [replaceScalar(r.ctx, r.node, v)]);
  };
  it('keeps the quoting style', () => {
    assert.equal(rep(['a'], 'new'), text.replace('a: plain', 'a: new'));
    assert.equal(rep(['a'], 'true'), text.replace('a: plain', 'a: "true"'));
    assert.equal(rep(['b'], 'it "x"'), text.replace('b: "double"', 'b: "it \\"x\\""'));
    assert.equal(rep(['c'], "it's"), text.replace("c: 'single'", "c: 'it''s'"));
    assert.equal(rep(['f', '0'], 'a,b'), text.replace('f: [x, y]', 'f: ["a,b", y]'));
  });
  it('rewrites block scalars at their indentation', () => {
    assert.equal(rep(['d'], 'timeout 60 sh -c "x"\necho 2\n'), text.replace('  echo 1\n', '  timeout 60 sh -c "x"\n'));
    assert.equal(rep(['e'], 'one\ntwo'), text.replace('e: >-\n    folded', 'e: |-\n    one\n    two'));
  });
  it('renames several scalars at once', () => {
    const t = 'a: [x, "x"]\n';
    const r = nodeAt<YAMLSeq>(t, ['a']);
    assert.equal(applyAndParse(t, renameScalars(r.ctx, r.node.items as Scalar[], 'y')), 'a: [y, "y"]\n');
  });
});
