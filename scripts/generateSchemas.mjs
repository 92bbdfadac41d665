// Generates the Kubernetes definitions subset the product needs from ../shared/data/kubernetes-schemas:
//   server/src/service/schema/generated/fieldInfo.json      every field of the pod-spec closure, per definition:
//                                                           since/until (bundled versions), type, ref, description
//   server/src/service/schema/generated/podSpecSchema.json  the union JSON Schema (all versions) of PodSpec
//   server/src/service/schema/generated/podSpecValidator.js the ajv standalone validator of that schema
// Run: npm run gen:schemas (needs ../shared beside the project; the output is committed).
import { createRequire } from 'node:module';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(join(root, 'server', 'package.json'));
const Ajv = require('ajv').default;
const standaloneCode = require('ajv/dist/standalone').default;

const source = join(root, '..', 'shared', 'data', 'kubernetes-schemas');
const out = join(root, 'server', 'src', 'service', 'schema', 'generated');
const VERSIONS = ['1.27', '1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36'];
const ROOT_DEF = 'io.k8s.api.core.v1.PodSpec';
const PREFIX = 'io.k8s.api.core.v1.';
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
/** Definitions kept opaque: not checked field by field (metadata of PVC templates, timestamps). */
const OPAQUE = new Set(['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'io.k8s.apimachinery.pkg.apis.meta.v1.Time', 'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1', 'io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry', 'io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference']);

/**
 * Enumerations the OpenAPI definitions only state in prose ("One of Always, Never, IfNotPresent").
 * Pod and container `restartPolicy` are left to the rules that know the per-kind and per-version answers.
 */
const ENUMS = {
  'io.k8s.api.core.v1.Container': { imagePullPolicy: ['Always', 'IfNotPresent', 'Never'], terminationMessagePolicy: ['File', 'FallbackToLogsOnError'] },
  'io.k8s.api.core.v1.EphemeralContainer': { imagePullPolicy: ['Always', 'IfNotPresent', 'Never'], terminationMessagePolicy: ['File', 'FallbackToLogsOnError'] },
  'io.k8s.api.core.v1.ContainerPort': { protocol: ['TCP', 'UDP', 'SCTP'] },
  'io.k8s.api.core.v1.PodSpec': { dnsPolicy: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'], preemptionPolicy: ['PreemptLowerPriority', 'Never'] },
  'io.k8s.api.core.v1.VolumeMount': { mountPropagation: ['None', 'HostToContainer', 'Bidirectional'] },
  'io.k8s.api.core.v1.HTTPGetAction': { scheme: ['HTTP', 'HTTPS'] },
  'io.k8s.api.core.v1.SeccompProfile': { type: ['RuntimeDefault', 'Localhost', 'Unconfined'] },
  'io.k8s.api.core.v1.ContainerResizePolicy': { restartPolicy: ['NotRequired', 'RestartContainer'] },
  'io.k8s.api.core.v1.Toleration': { operator: ['Exists', 'Equal'], effect: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] },
};

function load(version) {
  return JSON.parse(readFileSync(join(source, `v${version}.0`, '_definitions.json'), 'utf8')).definitions;
}

function refName(ref) {
  return ref.split('/').pop();
}

function closure(defs, start) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name) || !defs[name]) return;
    seen.add(name);
    if (OPAQUE.has(name)) return;
    const walk = (o) => {
      if (Array.isArray(o)) o.forEach(walk);
      else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) (k === '$ref' ? visit(refName(v)) : walk(v));
    };
    walk(defs[name]);
  };
  visit(start);
  return seen;
}

function typeOf(prop) {
  if (prop.$ref) {
    const r = refName(prop.$ref);
    if (r === QUANTITY) return 'quantity';
    if (r === INT_OR_STRING) return 'int-or-string';
    return 'object';
  }
  if (prop.type === 'array') return `array of ${prop.items ? typeOf(prop.items) : 'any'}`;
  if (prop.type === 'object' && prop.additionalProperties) return `map of ${typeOf(prop.additionalProperties)}`;
  return prop.type ?? 'any';
}

function itemRef(prop) {
  if (prop.$ref) return refName(prop.$ref);
  if (prop.items?.$ref) return refName(prop.items.$ref);
  if (prop.additionalProperties?.$ref) return refName(prop.additionalProperties.$ref);
  return undefined;
}

const short = (name) => (name.startsWith(PREFIX) ? name.slice(PREFIX.length) : name.split('.').pop());

// fieldInfo: { [shortDef]: { description, required, fields: { [name]: { since, until?, type, ref?, description, enum? } } } }
const info = {};
const union = {};
const all = VERSIONS.map((v) => [v, load(v)]);
for (const [version, defs] of all) {
  for (const name of closure(defs, ROOT_DEF)) {
    const def = defs[name];
    const key = short(name);
    const entry = (info[key] ??= { description: '', required: [], fields: {} });
    entry.description = def.description ?? entry.description;
    entry.required = def.required ?? [];
    for (const [field, prop] of Object.entries(def.properties ?? {})) {
      const f = (entry.fields[field] ??= { since: version });
      f.last = version;
      f.type = typeOf(prop);
      const ref = itemRef(prop);
      if (ref && ref !== QUANTITY && ref !== INT_OR_STRING) f.ref = short(ref);
      else delete f.ref;
      f.description = prop.description ?? '';
      const en = ENUMS[name]?.[field];
      if (en) f.enum = en;
    }
    union[name] = mergeDef(union[name], def);
  }
}
const newest = VERSIONS[VERSIONS.length - 1];
for (const entry of Object.values(info)) {
  for (const f of Object.values(entry.fields)) {
    if (f.last !== newest) f.until = f.last;
    delete f.last;
  }
}

function mergeDef(prev, def) {
  if (!prev) return JSON.parse(JSON.stringify(def));
  const merged = { ...prev, properties: { ...(prev.properties ?? {}), ...(def.properties ?? {}) } };
  merged.required = def.required ?? prev.required;
  return merged;
}

// The union schema for ajv: no descriptions, closed objects, Quantity / IntOrString as plain types.
function clean(o, defName) {
  if (Array.isArray(o)) return o.map((x) => clean(x, defName));
  if (!o || typeof o !== 'object') return o;
  if (o.$ref) {
    const r = refName(o.$ref);
    if (r === QUANTITY) return { type: ['string', 'number'] };
    if (r === INT_OR_STRING) return { type: ['string', 'integer'] };
    if (OPAQUE.has(r)) return { type: 'object' };
    return { $ref: `#/definitions/${r}` };
  }
  const c = {};
  for (const [k, v] of Object.entries(o)) {
    if (k === 'description' || k === 'format' || k.startsWith('x-kubernetes')) continue;
    if (k === 'properties') {
      c.properties = {};
      for (const [pk, pv] of Object.entries(v)) {
        const p = clean(pv, defName);
        const en = ENUMS[defName]?.[pk];
        c.properties[pk] = en ? { ...p, enum: en } : p;
      }
    } else c[k] = clean(v, defName);
  }
  if (c.properties && c.type === 'object' && c.additionalProperties === undefined) c.additionalProperties = false;
  if (c.properties && c.type === undefined) {
    c.type = 'object';
    c.additionalProperties = false;
  }
  return c;
}

const definitions = {};
for (const [name, def] of Object.entries(union)) if (!OPAQUE.has(name)) definitions[name] = clean(def, name);
const schema = { $id: 'podSpec', $ref: `#/definitions/${ROOT_DEF}`, definitions };

const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true, lines: false, optimize: true }, inlineRefs: false });
const validate = ajv.compile(schema);
const code = standaloneCode(ajv, validate);

if (!existsSync(out)) mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'fieldInfo.json'), JSON.stringify({ versions: VERSIONS, definitions: info }) + '\n');
writeFileSync(join(out, 'podSpecValidator.js'), `// Generated by scripts/generateSchemas.mjs from the Kubernetes ${VERSIONS[0]}–${newest} definitions. Do not edit.\n/* eslint-disable */\n${code}\n`);
console.log(`definitions: ${Object.keys(info).length}, fields: ${Object.values(info).reduce((n, d) => n + Object.keys(d.fields).length, 0)}, validator ${code.length} bytes`);
