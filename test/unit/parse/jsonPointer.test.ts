import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseYamlFile } from '../../../server/src/service/parse/yamlFile';
import { rootRef } from '../../../server/src/service/parse/nav';
import { pointerSegments, resolvePointer } from '../../../server/src/service/parse/jsonPointer';

const text = `spec:
  containers:
  - name: app
    env:
    - {name: "a/b", value: x}
    resources:
      limits: {nvidia.com/gpu: 1, "a~b": 2}
base: &b {x: 1}
merged:
  <<: *b
  y: 2
aliased: *b
`;
const doc = parseYamlFile(text).documents[0]?.yaml;
assert.ok(doc);
const root = rootRef(doc);
assert.ok(root);

const slice = (r: { span: { start: number; end: number } }): string => text.slice(r.span.start, r.span.end);

describe('jsonPointer', () => {
  it('unescapes ~1 and ~0', () => {
    assert.deepEqual(pointerSegments('/limits/nvidia.com~1gpu/a~0b'), ['limits', 'nvidia.com/gpu', 'a~b']);
    assert.deepEqual(pointerSegments(''), []);
  });

  it('resolves keys and sequence indices to the value and its key', () => {
    const t = resolvePointer(root, '/spec/containers/0/name', doc);
    assert.equal(t.exact, true);
    assert.equal(slice(t.value), 'app');
    assert.equal(t.key && slice(t.key), 'name');
  });

  it('resolves escaped keys', () => {
    const t = resolvePointer(root, '/spec/containers/0/resources/limits/nvidia.com~1gpu', doc);
    assert.equal(slice(t.value), '1');
    const u = resolvePointer(root, '/spec/containers/0/resources/limits/a~0b', doc);
    assert.equal(slice(u.value), '2');
  });

  it('falls back to the nearest existing ancestor', () => {
    const t = resolvePointer(root, '/spec/containers/0/env/3/value', doc);
    assert.equal(t.exact, false);
    assert.equal(t.depth, 4);
    assert.ok(slice(t.value).startsWith('- {name: "a/b"'));
    const past = resolvePointer(root, '/spec/containers/7', doc);
    assert.equal(past.exact, false);
    assert.equal(past.depth, 2);
  });

  it('follows merge keys and reports through aliases at the alias', () => {
    assert.equal(slice(resolvePointer(root, '/merged/x', doc).value), '*b', 'a merged value is reported at the alias that brought it');
    assert.equal(slice(resolvePointer(root, '/merged/y', doc).value), '2');
    const viaAlias = resolvePointer(root, '/aliased/x', doc);
    assert.equal(slice(viaAlias.value), '*b');
  });
});
