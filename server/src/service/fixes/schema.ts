import { isMap, isSeq, isScalar } from 'yaml';
import type { Node, Scalar, YAMLMap } from 'yaml';
import type { FixAction, FixInput, OffsetEdit } from '../../rules/types';
import { appendItem, findPair, insertPair, movableItem, movableValue, pairAt, removePair, replaceScalar, scalarAt, setPair } from '../edits/index';
import type { FoundPair, YamlValue } from '../edits/index';
import { locateFix } from '../edits/locate';
import { markMoved } from '../edits/text';
import type { FixTarget } from '../edits/locate';
import { action } from './common';

/** The pair whose key starts exactly at the diagnostic (so never a pair reached through an alias). */
function keyPairAt(t: FixTarget): FoundPair | undefined {
  const doc = t.document.source.yaml;
  const found = doc ? pairAt(doc, t.at) : undefined;
  const key = found?.pair.key;
  return found && isScalar(key) && key.range?.[0] === t.at ? found : undefined;
}

/** pod-spec-schema: a misspelt field → the suggestion; an unknown field → removed; a bad enum value → the closest allowed one. */
export function schemaFixes(input: FixInput): FixAction[] {
  const t = locateFix(input);
  const doc = t?.document.source.yaml;
  const fix = (input.data.fix ?? {}) as { replaceKey?: string; removeKey?: string; replaceValue?: string };
  if (!t || !doc) return [];
  if (fix.replaceValue !== undefined) {
    const scalar = scalarAt(doc, t.at);
    return scalar ? action(`Change to \`${fix.replaceValue}\``, [replaceScalar(t.ctx, scalar, fix.replaceValue)], true) : [];
  }
  const found = keyPairAt(t);
  if (!found) return [];
  const rename = fix.replaceKey !== undefined && !findPair(found.map, fix.replaceKey);
  const remove = action(`Remove the unknown field \`${found.key}\``, removePair(t.ctx, found.map, found.key), !rename);
  if (rename && fix.replaceKey !== undefined) {
    return [...action(`Change \`${found.key}\` to \`${fix.replaceKey}\``, [replaceScalar(t.ctx, found.pair.key as Scalar, fix.replaceKey)], true), ...remove];
  }
  return remove;
}

/** pod-spec-misplaced-field: moves the field into the pod template (creating the missing levels). */
export function misplacedFieldFix(input: FixInput): FixAction[] {
  const t = locateFix(input);
  const doc = t?.document.source.yaml;
  const moveTo = (input.data.fix as { moveTo?: string } | undefined)?.moveTo;
  const object = t?.object;
  if (!t || !doc || !moveTo || !object || object.ref.alias || !isMap(object.ref.node)) return [];
  const found = keyPairAt(t);
  const value = found?.pair.value as Node | null | undefined;
  if (!found || !value) return [];
  // The deepest level of the pod-spec path that exists.
  let map: YAMLMap = object.ref.node;
  const path = moveTo.split('.');
  let i = 0;
  for (; i < path.length; i++) {
    const next = findPair(map, path[i] as string)?.value;
    if (!isMap(next)) break;
    map = next;
  }
  if (i < path.length && findPair(map, path[i] as string)) return []; // e.g. `template: null` or a scalar: leave it to the user
  const rest = path.slice(i);
  const remove = removePair(t.ctx, found.map, found.key);
  let insert: OffsetEdit[];
  if (rest.length === 0) {
    const existing = findPair(map, found.key)?.value;
    if (existing !== undefined) {
      if (!isSeq(existing) || !isSeq(value)) return [];
      insert = value.items.flatMap((item) => appendItem(t.ctx, existing, movableItem(t.ctx, item as Node, doc, existing.flow === true)));
    } else {
      insert = insertPair(t.ctx, map, found.key, movableValue(t.ctx, value, doc, map.flow === true));
    }
  } else {
    let nested: YamlValue = { [found.key]: movableValue(t.ctx, value, doc, map.flow === true) };
    for (const key of [...rest].reverse()) nested = { [key]: nested };
    const [head] = Object.entries(nested)[0] as [string, YamlValue];
    insert = setPair(t.ctx, map, head, (nested as Record<string, YamlValue>)[head] as YamlValue);
  }
  if (insert.length === 0 || remove.length === 0) return [];
  return action(`Move \`${found.key}\` to \`${object.pathPrefix}${moveTo}\``, [...remove, ...markMoved(insert)], true);
}
