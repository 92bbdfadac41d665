import { isMap, isScalar } from 'yaml';
import type { Scalar, YAMLMap } from 'yaml';
import type { FixAction, FixInput, OffsetEdit } from '../../rules/types';
import type { ContainerModel, PodSpecModel } from '../model/types';
import { gateEnabled } from '../featureGates';
import { mapValue, scalarValue } from '../parse/nav';
import { editable, locateFix } from '../edits/locate';
import type { FixTarget } from '../edits/locate';
import { findPair, insertPair, pairAt, removePair, replaceScalar, scalarAt, setPair } from '../edits/index';
import type { EditContext, FoundPair, InsertPlace, YamlValue } from '../edits/index';

/** The fix target with an editable container around the diagnostic. */
export interface ContainerTarget extends FixTarget {
  readonly container: ContainerModel;
  readonly pod: PodSpecModel;
  readonly map: YAMLMap;
}

export interface PodTarget extends FixTarget {
  readonly pod: PodSpecModel;
  readonly map: YAMLMap;
}

/** Locates the container holding the diagnostic; undefined when it is absent or reached through an alias. */
export function containerTarget(input: FixInput): ContainerTarget | undefined {
  const target = locateFix(input);
  const container = target?.container;
  if (!target || !container || !target.pod || !editable(container.ref) || !isMap(container.ref.node)) return undefined;
  return { ...target, container, pod: target.pod, map: container.ref.node };
}

/** Locates the pod spec holding the diagnostic (editable, not through an alias). */
export function podTarget(input: FixInput): PodTarget | undefined {
  const target = locateFix(input);
  const pod = target?.pod;
  if (!target || !pod || !editable(pod.ref) || !isMap(pod.ref.node)) return undefined;
  return { ...target, pod, map: pod.ref.node };
}

/** A container's name for titles: `` `wait-db` `` or "the container". */
export function nameOf(container: ContainerModel): string {
  return container.name ? `\`${container.name}\`` : 'the container';
}

/** Where container fields go: after `image` (or `name`). */
export const AFTER_IMAGE: InsertPlace = { after: ['image', 'name'] };

export function action(title: string, edits: readonly OffsetEdit[], isPreferred = false): FixAction[] {
  return edits.length === 0 ? [] : [{ title, edits, ...(isPreferred ? { isPreferred } : {}) }];
}

/** "Remove `key`" for a container field. */
export function removeFieldFix(t: ContainerTarget, key: string, isPreferred = true): FixAction[] {
  if (t.container.pairs.get(key)?.merged) return [];
  return action(`Remove \`${key}\` from ${nameOf(t.container)}`, removePair(t.ctx, t.map, key), isPreferred);
}

/** "Make it a native sidecar": `restartPolicy: Always` on an init container (when sidecars exist). */
export function makeSidecarFix(input: FixInput, t: ContainerTarget, isPreferred = false): FixAction[] {
  if (t.container.list !== 'initContainers' || !gateEnabled(input.settings, 'SidecarContainers')) return [];
  if (t.container.pairs.get('restartPolicy')?.merged || !validAsSidecar(t)) return [];
  return action(
    `Make ${nameOf(t.container)} a native sidecar (\`restartPolicy: Always\`)`,
    setPair(t.ctx, t.map, 'restartPolicy', 'Always', AFTER_IMAGE),
    isPreferred,
  );
}

/** Whether the probes of a container would pass the checks that apply to sidecars (E14, E15). */
export function validAsSidecar(t: ContainerTarget): boolean {
  const yaml = t.pod.yaml;
  for (const key of ['livenessProbe', 'startupProbe']) {
    const threshold = mapValue(t.container.pairs.get(key)?.value, 'successThreshold', yaml);
    if (threshold !== undefined && scalarValue(threshold) !== 1) return false;
  }
  return mapValue(t.container.pairs.get('readinessProbe')?.value, 'terminationGracePeriodSeconds', yaml) === undefined;
}

/** Sets a field of a container (replacing its value, or inserting it after `image`). */
export function setContainerField(t: ContainerTarget, key: string, value: YamlValue, place: InsertPlace = AFTER_IMAGE): OffsetEdit[] {
  if (t.container.pairs.get(key)?.merged) return [];
  return setPair(t.ctx, t.map, key, value, place);
}

/** Replaces a scalar node of the model, keeping its quoting; nothing for aliased or non-scalar nodes. */
export function replaceValue(ctx: EditContext, ref: { node: unknown; alias?: unknown } | undefined, value: string | number | boolean): OffsetEdit[] {
  if (!ref || ref.alias !== undefined || !isScalar(ref.node)) return [];
  return [replaceScalar(ctx, ref.node as Scalar, value)];
}

/** The mapping under `key` of a mapping, when written there (not merged). */
export function childMap(map: YAMLMap, key: string): YAMLMap | undefined {
  const pair = findPair(map, key);
  return pair && isMap(pair.value) ? pair.value : undefined;
}

/** Inserts a pair into the mapping at a path under `map`, creating the missing mappings. */
export function setPath(ctx: EditContext, map: YAMLMap, path: readonly string[], value: YamlValue, place: InsertPlace = {}): OffsetEdit[] {
  const [head, ...rest] = path;
  if (head === undefined) return [];
  if (rest.length === 0) return setPair(ctx, map, head, value, place);
  const child = childMap(map, head);
  if (child) return setPath(ctx, child, rest, value);
  let nested: YamlValue = value;
  for (const key of [...rest].reverse()) nested = { [key]: nested };
  return setPair(ctx, map, head, nested, place);
}

export { insertPair, removePair };

/** A name not in `taken`, built from `base` (`base`, `base-2`, …), at most 63 characters. */
export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  const clean = base.slice(0, 63).replace(/-+$/, '');
  if (!taken.has(clean)) return clean;
  for (let i = 2; ; i++) {
    const suffix = `-${i}`;
    const candidate = `${clean.slice(0, 63 - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Levenshtein distance, for "did you mean" fixes. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] as number;
      row[j] = Math.min(cur + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length] as number;
}

/** The closest candidate within `max` edits (ties: the first), case-insensitive matches first. */
export function closest(word: string, candidates: Iterable<string>, max = 2): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const score = c.toLowerCase() === word.toLowerCase() ? 0 : editDistance(word, c);
    if (score < bestScore && score <= max) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** The pair whose key or value starts exactly at the diagnostic (never one reached through an alias). */
export function reportedPair(input: FixInput): { target: FixTarget; found: FoundPair; atKey: boolean } | undefined {
  const target = locateFix(input);
  const doc = target?.document.source.yaml;
  if (!target || !doc) return undefined;
  const found = pairAt(doc, target.at);
  if (!found) return undefined;
  const key = found.pair.key as { range?: [number, number, number] | null };
  const value = found.pair.value as { range?: [number, number, number] | null } | null;
  if (key.range?.[0] === target.at) return { target, found, atKey: true };
  if (value?.range?.[0] === target.at) return { target, found, atKey: false };
  return undefined;
}

/** "Remove `key`" for the field the diagnostic points at (its key or its value). */
export function removeReportedField(input: FixInput, preferred = true, title?: string): FixAction[] {
  const r = reportedPair(input);
  if (!r) return [];
  return action(title ?? `Remove \`${r.found.key}\``, removePair(r.target.ctx, r.found.map, r.found.key), preferred);
}

/** Replaces the scalar the diagnostic points at, keeping its quoting. */
export function replaceReported(input: FixInput, value: string | number | boolean, title: string, preferred = true): FixAction[] {
  const target = locateFix(input);
  const doc = target?.document.source.yaml;
  const scalar = doc && target ? scalarAt(doc, target.at) : undefined;
  if (!target || !scalar || scalar.value === value) return [];
  return action(title, [replaceScalar(target.ctx, scalar, value)], preferred);
}
