import validate from './generated/podSpecValidator.js';
import type { ValidatorError } from './generated/podSpecValidator.js';
import { definition, definitionsWithVersionedFields, fieldInfo, fieldKnownIn } from './fieldInfo';

/** A schema problem in a pod spec, located by a JSON pointer relative to the pod spec. */
export type SchemaIssue =
  | { readonly kind: 'unknownField'; readonly pointer: string; readonly field: string; readonly definition: string }
  | { readonly kind: 'invalidType'; readonly pointer: string; readonly expected: string; readonly actual: string }
  | { readonly kind: 'invalidValue'; readonly pointer: string; readonly value: string; readonly allowed: readonly string[] }
  | { readonly kind: 'missingField'; readonly pointer: string; readonly field: string }
  | { readonly kind: 'fieldVersion'; readonly pointer: string; readonly field: string; readonly definition: string; readonly since: string; readonly until: string | undefined };

/**
 * Checks a pod spec, as plain data without null values in mappings (the API server treats `key: null` as
 * absent; `podSpecData` reads it so), against the bundled definitions and the selected version.
 */
export function checkPodSpecData(clean: unknown, version: string): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  if (!validate(clean)) {
    for (const e of validate.errors ?? []) {
      const issue = toIssue(e, clean);
      if (issue) issues.push(issue);
    }
  }
  walkVersions(clean, 'PodSpec', '', version, definitionsWithVersionedFields(version), issues);
  return dedupe(issues);
}

function toIssue(e: ValidatorError, data: unknown): SchemaIssue | undefined {
  switch (e.keyword) {
    case 'additionalProperties': {
      const field = String(e.params['additionalProperty']);
      return { kind: 'unknownField', pointer: `${e.instancePath}/${escape(field)}`, field, definition: definitionAt(data, e.instancePath) ?? '' };
    }
    case 'type':
      return { kind: 'invalidType', pointer: e.instancePath, expected: [e.params['type']].flat().join(' or '), actual: describe(valueAt(data, e.instancePath)) };
    case 'enum':
      return { kind: 'invalidValue', pointer: e.instancePath, value: String(valueAt(data, e.instancePath)), allowed: (e.params['allowedValues'] as string[] | undefined) ?? [] };
    case 'required':
      return { kind: 'missingField', pointer: e.instancePath, field: String(e.params['missingProperty']) };
    default:
      return undefined;
  }
}

/** Reports fields that the selected version does not know yet (or any more). */
function walkVersions(data: unknown, defName: string, pointer: string, version: string, relevant: ReadonlySet<string>, out: SchemaIssue[]): void {
  if (!relevant.has(defName) || !isObject(data) || !definition(defName)) return;
  for (const [key, value] of Object.entries(data)) {
    const info = fieldInfo(defName, key);
    if (!info) continue;
    const at = `${pointer}/${escape(key)}`;
    if (!fieldKnownIn(info, version)) {
      out.push({ kind: 'fieldVersion', pointer: at, field: key, definition: defName, since: info.since, until: info.until });
      continue;
    }
    if (!info.ref) continue;
    if (!relevant.has(info.ref)) continue;
    if (Array.isArray(value)) value.forEach((item, i) => walkVersions(item, info.ref as string, `${at}/${i}`, version, relevant, out));
    else if (info.type.startsWith('map of') && isObject(value)) for (const [k, v] of Object.entries(value)) walkVersions(v, info.ref, `${at}/${escape(k)}`, version, relevant, out);
    else walkVersions(value, info.ref, at, version, relevant, out);
  }
}

/** The definition that describes the object at a pointer, following fieldInfo refs from PodSpec. */
export function definitionAt(data: unknown, pointer: string): string | undefined {
  let def = 'PodSpec';
  let value = data;
  const segments = pointer === '' ? [] : pointer.slice(1).split('/').map(unescape);
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i] as string;
    if (Array.isArray(value)) {
      value = value[Number(seg)];
      continue;
    }
    const info = fieldInfo(def, seg);
    if (!info?.ref || !isObject(value)) return undefined;
    value = value[seg];
    if (info.type.startsWith('map of') && isObject(value)) {
      i++;
      value = value[segments[i] as string];
    }
    def = info.ref;
  }
  return def;
}

function valueAt(data: unknown, pointer: string): unknown {
  let value = data;
  for (const seg of pointer === '' ? [] : pointer.slice(1).split('/').map(unescape)) {
    if (Array.isArray(value)) value = value[Number(seg)];
    else if (isObject(value)) value = value[seg];
    else return undefined;
  }
  return value;
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the string ${JSON.stringify(v)}`;
  return `${typeof v === 'number' ? 'the number' : `the ${typeof v}`} ${String(v)}`;
}

function dedupe(issues: SchemaIssue[]): SchemaIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.kind}:${i.pointer}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const escape = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');
const unescape = (s: string): string => s.replace(/~1/g, '/').replace(/~0/g, '~');
