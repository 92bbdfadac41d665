import { isMap, isScalar, isSeq } from 'yaml';
import type { Document } from 'yaml';
import { mapPairs, seqItems } from '../parse/nav';
import type { NodeRef } from '../parse/nav';

/** More nodes than any real pod spec has: a document that expands to this many (through aliases) is not schema-checked. */
export const MAX_DATA_NODES = 100_000;

/**
 * The plain data the API server decodes from a pod spec, read through the same memoized navigation the
 * rules use (aliases and merge keys resolved): mappings become objects without their null values (the
 * API server treats `key: null` as absent), sequences arrays, scalars their values. Undefined when the
 * data would exceed MAX_DATA_NODES (an alias bomb that stayed under the parse layer's limit).
 */
export function podSpecData(ref: NodeRef, doc: Document.Parsed): unknown {
  const budget = { nodes: MAX_DATA_NODES };
  try {
    return toData(ref, doc, budget);
  } catch (e) {
    if (e === TOO_LARGE) return undefined;
    throw e;
  }
}

const TOO_LARGE = new Error('pod spec data too large');

function toData(ref: NodeRef, doc: Document.Parsed, budget: { nodes: number }): unknown {
  if (--budget.nodes < 0) throw TOO_LARGE;
  const node = ref.node;
  if (isScalar(node)) return node.value;
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of mapPairs(ref, doc)) {
      if (pair.value === undefined) continue;
      const value = toData(pair.value, doc, budget);
      if (value === null) continue;
      if (pair.keyText === '__proto__') Object.defineProperty(out, pair.keyText, { value, enumerable: true, writable: true, configurable: true });
      else out[pair.keyText] = value;
    }
    return out;
  }
  if (isSeq(node)) {
    const out: unknown[] = new Array<unknown>(node.items.length).fill(null);
    for (const { index, ref: item } of seqItems(ref, doc)) out[index] = toData(item, doc, budget);
    return out;
  }
  return null;
}
