/**
 * Resource lists (`v1.ResourceList`: resource name → quantity) read from YAML, and the Go helpers
 * `addResourceList` / `maxResourceList` with their exact semantics (insertion order is kept for display).
 */
import type { Document } from 'yaml';
import { mapPairs } from '../parse/nav';
import type { NodeRef } from '../parse/nav';
import { addQuantities, parseQuantityNode } from './quantity';
import type { Quantity } from './quantity';

export type ResourceList = ReadonlyMap<string, Quantity>;

/** A quantity that could not be parsed (the API server rejects it; the engine ignores it). */
export interface InvalidQuantity {
  readonly resource: string;
  readonly ref: NodeRef | undefined;
}

/** Reads a `requests:`/`limits:`/`overhead:` mapping. */
export function readResourceList(ref: NodeRef | undefined, doc: Document.Parsed, invalid?: InvalidQuantity[]): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  for (const pair of mapPairs(ref, doc)) {
    if (pair.keyText === '') continue;
    const q = parseQuantityNode(pair.value);
    if (q) out.set(pair.keyText, q);
    else invalid?.push({ resource: pair.keyText, ref: pair.value ?? pair.key });
  }
  return out;
}

/** Go `addResourceList(list, newList)`: adds in place, copying names missing from `list`. */
export function addResourceList(list: Map<string, Quantity>, newList: ResourceList): void {
  for (const [name, q] of newList) {
    const existing = list.get(name);
    list.set(name, existing === undefined ? q : addQuantities(existing, q));
  }
}

/** Go `maxResourceList(list, newList)`: a name is replaced only when the new quantity is strictly greater. */
export function maxResourceList(list: Map<string, Quantity>, newList: ResourceList): void {
  for (const [name, q] of newList) {
    const existing = list.get(name);
    if (existing === undefined || q.nano > existing.nano) list.set(name, q);
  }
}

export function sumResourceLists(...lists: ResourceList[]): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  for (const l of lists) addResourceList(out, l);
  return out;
}

/** cpu, memory, then the rest alphabetically: the order figures are shown in. */
export function resourceOrder(a: string, b: string): number {
  const rank = (n: string): number => (n === 'cpu' ? 0 : n === 'memory' ? 1 : n === 'ephemeral-storage' ? 2 : 3);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Resources that pod-level `spec.resources` can set (cpu, memory, hugepages-*). */
export function isPodLevelResource(name: string): boolean {
  return name === 'cpu' || name === 'memory' || name.startsWith('hugepages-');
}
