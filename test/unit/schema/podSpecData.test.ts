// The data the schema check validates is read through the rules' navigation (aliases and merge keys
// resolved, null values dropped). It must equal what the `yaml` package's toJS gives with nulls dropped,
// on every pod spec of the corpus and on hand-written edge cases.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { getLanguageService } from '../../../server/src/service/index';
import { buildManifest } from '../../../server/src/service/model/buildModel';
import { parseYamlFile } from '../../../server/src/service/parse/yamlFile';
import { MAX_DATA_NODES, podSpecData } from '../../../server/src/service/schema/podSpecData';
import { FIXTURES } from '../../helpers/fixtures';

function withoutNulls(data: unknown): unknown {
  if (Array.isArray(data)) return data.map(withoutNulls);
  if (typeof data !== 'object' || data === null) return data;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) if (v !== null) out[k] = withoutNulls(v);
  return out;
}

/** The pod specs of plain YAML (a masked Helm template may repeat keys across if/else branches: no single data). */
function podSpecs(text: string) {
  return buildManifest(parseYamlFile(text)).documents.filter((d) => d.source.template === undefined).flatMap((d) => d.podSpecs);
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(name) ? [full] : [];
  });
}

describe('pod spec data for the schema check', () => {
  it('equals toJS without nulls for every pod spec of the corpus', () => {
    let compared = 0;
    for (const file of yamlFiles(join(FIXTURES, 'corpus'))) {
      for (const pod of podSpecs(readFileSync(file, 'utf8'))) {
        assert.deepEqual(podSpecData(pod.ref, pod.yaml), withoutNulls(pod.ref.node.toJS(pod.yaml)), `${file}: ${pod.path}`);
        compared++;
      }
    }
    assert.ok(compared >= 130, `only ${compared} pod specs compared`);
  });

  it('resolves aliases and merge keys (explicit keys win), drops null values, keeps null list items', () => {
    const [pod] = podSpecs(`apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  nodeSelector: null
  initContainers:
    - &base
      name: init
      image: busybox:1.36
      env: ~
      command: [sh, -c, "true"]
  containers:
    - <<: *base
      name: app
      args: [a, null, b]
    - *base
`);
    assert.ok(pod);
    assert.deepEqual(podSpecData(pod.ref, pod.yaml), {
      initContainers: [{ name: 'init', image: 'busybox:1.36', command: ['sh', '-c', 'true'] }],
      containers: [
        { name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'true'], args: ['a', null, 'b'] },
        { name: 'init', image: 'busybox:1.36', command: ['sh', '-c', 'true'] },
      ],
    });
  });

  it('a `__proto__` key is plain data, not a prototype', () => {
    const [pod] = podSpecs('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  __proto__: {polluted: true}\n  containers: [{name: a, image: b}]\n');
    assert.ok(pod);
    const data = podSpecData(pod.ref, pod.yaml) as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(data), Object.prototype);
    assert.deepEqual(Object.keys(data), ['__proto__', 'containers']);
    assert.equal((data as { polluted?: unknown }).polluted, undefined);
    // The schema rule reports it as an unknown field, like any other.
    const service = getLanguageService();
    const file = service.parse('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  __proto__: {polluted: true}\n  containers: [{name: a, image: b}]\n');
    const messages = service.doValidation('file:///p.yaml', file).filter((d) => d.code === 'pod-spec-schema').map((d) => d.message);
    assert.equal(messages.length, 1);
    assert.match(messages[0] as string, /Unknown field `__proto__`/);
  });

  it('gives up (no schema findings) on data larger than any pod spec: aliases multiplying under the parse limit', () => {
    let text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: b\n      args: &l0 [x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i <= 5; i++) text += `      x${i}: &l${i} [${Array.from({ length: 8 }, () => `*l${i - 1}`).join(', ')}]\n`;
    const [pod] = podSpecs(text);
    assert.ok(pod);
    assert.ok(8 ** 6 > MAX_DATA_NODES, 'the data would have 262,144 nodes');
    assert.equal(podSpecData(pod.ref, pod.yaml), undefined);
  });
});
