// Generates the Kubernetes JSON schema that the benchmark serves to yaml-language-server (offline), in the
// layout its Kubernetes mode expects ("standalone-strict": an all.json whose oneOf lists
// `_definitions.json#/definitions/<kind>` refs, and a _definitions.json where every object with properties
// rejects unknown fields):
//   bench/schema/all.json                 the list of top-level kinds
//   bench/schema/_definitions.json.gz     every definition of the release, strict
// Source: ../shared/data/kubernetes-schemas/v1.34.0 (yaml-language-server's default Kubernetes version is 1.34).
// Run: node scripts/generateBenchSchema.mjs (needs ../shared beside the project; the output is committed,
// the benchmark itself never reads ../shared).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
const VERSION = 'v1.34.0';
const source = join(root, '..', 'shared', 'data', 'kubernetes-schemas', VERSION, '_definitions.json');
const out = join(root, 'bench', 'schema');

if (!existsSync(source)) {
  console.error(`generateBenchSchema: ${source} not found (the shared data must be beside the project)`);
  process.exit(1);
}

/** Adds `additionalProperties: false` to every object schema that lists properties and says nothing else. */
function strict(schema) {
  if (Array.isArray(schema)) return schema.map(strict);
  if (schema === null || typeof schema !== 'object') return schema;
  const copy = {};
  for (const [k, v] of Object.entries(schema)) copy[k] = k === 'enum' || k === 'default' || k === 'example' ? v : strict(v);
  if (copy.properties && copy.additionalProperties === undefined) copy.additionalProperties = false;
  return copy;
}

const { definitions } = JSON.parse(readFileSync(source, 'utf8'));
const strictDefinitions = {};
for (const [name, def] of Object.entries(definitions)) strictDefinitions[name] = strict(def);
const kinds = Object.entries(definitions)
  .filter(([, def]) => Array.isArray(def['x-kubernetes-group-version-kind']))
  .map(([name]) => ({ $ref: `_definitions.json#/definitions/${name}` }));

mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'all.json'), `${JSON.stringify({ oneOf: kinds }, null, 1)}\n`);
const definitionsText = JSON.stringify({ definitions: strictDefinitions });
writeFileSync(join(out, '_definitions.json.gz'), gzipSync(definitionsText, { level: 9 }));
console.log(`bench/schema: ${kinds.length} kinds, ${Object.keys(strictDefinitions).length} definitions (${(definitionsText.length / 1024).toFixed(0)} KiB, gzipped) from ${VERSION}`);
