import { isMap, isPair, isScalar, isSeq, visit } from 'yaml';
import type { Document, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

/** A pair found in the source (not through an alias) with the mapping that holds it. */
export interface FoundPair {
  readonly map: YAMLMap;
  readonly pair: Pair<unknown, unknown>;
  readonly key: string;
}

/** The pair whose key starts at a chunk-relative offset (or whose key or value holds it, innermost). */
export function pairAt(doc: Document.Parsed, at: number): FoundPair | undefined {
  let found: FoundPair | undefined;
  visit(doc, {
    Pair(_k, pair, path) {
      const parent = path[path.length - 1];
      if (!isMap(parent) || !isScalar(pair.key) || !pair.key.range) return undefined;
      const start = pair.key.range[0];
      const value = pair.value as Node | null;
      const end = value && 'range' in value && value.range ? value.range[1] : pair.key.range[1];
      if (at >= start && at <= end) found = { map: parent, pair: pair as Pair<unknown, unknown>, key: String(pair.key.value) };
      return undefined;
    },
  });
  return found;
}

/** The scalar that starts at a chunk-relative offset. */
export function scalarAt(doc: Document.Parsed, at: number): Scalar | undefined {
  let found: Scalar | undefined;
  visit(doc, {
    Scalar(_k, node) {
      if (node.range && node.range[0] === at) found = node;
    },
  });
  return found;
}

/** The mapping or sequence that directly holds a node, and the node's index/key there. */
export function parentOf(doc: Document.Parsed, node: Node): { parent: YAMLMap | YAMLSeq; index: number } | undefined {
  let found: { parent: YAMLMap | YAMLSeq; index: number } | undefined;
  visit(doc, {
    Seq(_k, seq) {
      const i = seq.items.indexOf(node as never);
      if (i >= 0) found = { parent: seq, index: i };
    },
    Pair(_k, pair, path) {
      const parent = path[path.length - 1];
      if ((pair.value === node || pair.key === node) && isMap(parent)) found = { parent, index: parent.items.indexOf(pair as never) };
    },
  });
  return found;
}

export { isMap, isPair, isSeq };
