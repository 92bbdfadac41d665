import data from './generated/fieldInfo.json';
import { compareVersions } from '../settings';

/** One field of a Kubernetes definition, across the bundled versions. */
export interface FieldInfo {
  /** First bundled version that knows the field. */
  readonly since: string;
  /** Last bundled version that knows it, when a newer one dropped it. */
  readonly until?: string;
  /** `string`, `integer`, `boolean`, `object`, `quantity`, `int-or-string`, `array of …`, `map of …`. */
  readonly type: string;
  /** The definition of the value (or of the items of an array / values of a map), e.g. `Container`. */
  readonly ref?: string;
  readonly description: string;
  readonly enum?: readonly string[];
}

export interface DefinitionInfo {
  readonly description: string;
  readonly required: readonly string[];
  readonly fields: Readonly<Record<string, FieldInfo>>;
}

const DEFINITIONS = (data as unknown as { definitions: Record<string, DefinitionInfo> }).definitions;
export const SCHEMA_VERSIONS: readonly string[] = (data as unknown as { versions: string[] }).versions;

/** A definition of the pod-spec closure by short name (`PodSpec`, `Container`, `Probe`, …). */
export function definition(name: string): DefinitionInfo | undefined {
  return Object.prototype.hasOwnProperty.call(DEFINITIONS, name) ? DEFINITIONS[name] : undefined;
}

export function fieldInfo(definitionName: string, field: string): FieldInfo | undefined {
  const def = definition(definitionName);
  return def && Object.prototype.hasOwnProperty.call(def.fields, field) ? def.fields[field] : undefined;
}

/** Whether the field exists in the given `major.minor` version. */
export function fieldKnownIn(info: FieldInfo, version: string): boolean {
  if (compareVersions(version, info.since) < 0) return false;
  return info.until === undefined || compareVersions(version, info.until) <= 0;
}

const restrictedByVersion = new Map<string, Set<string>>();

/**
 * The definitions under which some field, at any depth, does not exist in `version` (computed once per
 * version): a walk looking for such fields need not descend into the others.
 */
export function definitionsWithVersionedFields(version: string): ReadonlySet<string> {
  let out = restrictedByVersion.get(version);
  if (out) return out;
  out = new Set<string>();
  for (const [name, def] of Object.entries(DEFINITIONS)) {
    if (Object.values(def.fields).some((f) => !fieldKnownIn(f, version))) out.add(name);
  }
  // Propagate to every definition that refers to one of them (a fixed point over the reference graph).
  for (let changed = true; changed; ) {
    changed = false;
    for (const [name, def] of Object.entries(DEFINITIONS)) {
      if (out.has(name)) continue;
      if (Object.values(def.fields).some((f) => f.ref !== undefined && (out as Set<string>).has(f.ref))) {
        out.add(name);
        changed = true;
      }
    }
  }
  restrictedByVersion.set(version, out);
  return out;
}

/** Field names of a definition that exist in a version. */
export function fieldsIn(definitionName: string, version: string): string[] {
  const def = definition(definitionName);
  if (!def) return [];
  return Object.entries(def.fields)
    .filter(([, f]) => fieldKnownIn(f, version))
    .map(([name]) => name);
}

/** The closest known name: same letters in another case, else the smallest edit distance (at most 2, or 1 for short names). */
export function closestName(candidates: readonly string[], name: string): string | undefined {
  const lower = name.toLowerCase();
  const sameCase = candidates.find((c) => c.toLowerCase() === lower);
  if (sameCase) return sameCase;
  let best: string | undefined;
  let bestDistance = Infinity;
  const limit = name.length <= 4 ? 1 : 2;
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  if (best !== undefined && bestDistance <= limit) return best;
  // A plural/singular slip (`initContainer` for `initContainers`) or a prefix typed so far.
  return candidates.find((c) => c.toLowerCase() === `${lower}s` || `${c.toLowerCase()}s` === lower);
}

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return Math.abs(a.length - b.length);
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}
