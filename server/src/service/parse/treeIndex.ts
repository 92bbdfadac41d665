import { isAlias, isCollection, isDocument, isNode, isPair, isScalar } from 'yaml';
import type { Alias, Document, Node } from 'yaml';
import type { Span } from './nav';

/** A duplicate mapping key, as the `yaml` package's `uniqueKeys` check reports it (chunk-relative). */
export interface DuplicateKey {
  readonly start: number;
  readonly end: number;
}

/** What one walk over a parsed document finds (every figure is computed without expanding an alias). */
export interface TreeIndex {
  /** The node each alias refers to: the last node with its anchor before it, in document order. */
  readonly aliases: ReadonlyMap<Alias, Node | undefined>;
  /** How deep collections nest in the text (a scalar at the top is depth 0). */
  readonly depth: number;
  /** How many nodes the data would have with every alias replaced by a copy of its target (Infinity for a cycle). */
  readonly expandedNodes: number;
  /** How many nodes the document really has. */
  readonly nodes: number;
  /** The alias that refers to one of its own ancestors, if any (the data would be infinite). */
  readonly recursiveAlias: Span | undefined;
  /** The alias whose target expands to the most nodes. */
  readonly largestAlias: Span | undefined;
  /** Keys that repeat an earlier key of the same mapping, in document order. */
  readonly duplicateKeys: readonly DuplicateKey[];
}

const cache = new WeakMap<Document.Parsed, TreeIndex>();

/**
 * Indexes a parsed document in linear time with explicit stacks: alias targets (`Alias.resolve`
 * visits the whole document on every call, which is quadratic with many aliases), nesting depth,
 * the size the data would have after alias expansion (a "billion laughs" document is detected, never
 * expanded), and duplicate keys (the `yaml` package's own check compares each key with every earlier
 * key of its mapping, which is quadratic in a mapping with many keys).
 */
export function indexDocument(doc: Document.Parsed): TreeIndex {
  let index = cache.get(doc);
  if (!index) {
    index = buildIndex(doc);
    cache.set(doc, index);
  }
  return index;
}

/** How many aliases of a parsed file have no anchor before them (an edit that adds some orphaned them). */
export function unresolvedAliases(docs: ReadonlyArray<{ readonly yaml: Document.Parsed | undefined }>): number {
  let n = 0;
  for (const d of docs) {
    if (!d.yaml) continue;
    for (const target of indexDocument(d.yaml).aliases.values()) if (target === undefined) n++;
  }
  return n;
}

/** The node an alias refers to, in `doc` (undefined when no anchor of that name precedes it). */
export function aliasTarget(alias: Alias, doc: Document.Parsed): Node | undefined {
  return indexDocument(doc).aliases.get(alias);
}

function span(node: Node): Span | undefined {
  const r = node.range;
  return r ? { start: r[0], end: r[1] } : undefined;
}

function buildIndex(doc: Document.Parsed): TreeIndex {
  const aliases = new Map<Alias, Node | undefined>();
  const anchors = new Map<string, Node>();
  const duplicateKeys: DuplicateKey[] = [];
  let depth = 0;
  let nodes = 0;
  // Pre-order, keys before values: the order in which `yaml` looks for "the last anchor before the alias".
  // Two parallel stacks (node, depth) rather than an object per visited node.
  const nodeStack: unknown[] = [isDocument(doc) ? doc.contents : null];
  const depthStack: number[] = [0];
  while (nodeStack.length > 0) {
    const node = nodeStack.pop();
    const d = depthStack.pop() as number;
    if (isPair(node)) {
      nodeStack.push(node.value, node.key);
      depthStack.push(d, d);
      continue;
    }
    if (!isNode(node)) continue;
    nodes++;
    if (isAlias(node)) {
      aliases.set(node, anchors.get(node.source));
      continue;
    }
    if (node.anchor) anchors.set(node.anchor, node);
    if (!isCollection(node)) continue;
    const inner = d + 1;
    if (inner > depth) depth = inner;
    const items = node.items as unknown[];
    for (let i = items.length - 1; i >= 0; i--) {
      nodeStack.push(items[i]);
      depthStack.push(inner);
    }
    if (items.length > 1 && isPair(items[0])) findDuplicateKeys(items, duplicateKeys);
  }
  duplicateKeys.sort((a, b) => a.start - b.start);
  // Without aliases the data is the tree itself: nothing to expand.
  const expansion = aliases.size === 0 ? { expandedNodes: nodes, recursiveAlias: undefined, largestAlias: undefined } : expand(doc, aliases);
  return { aliases, depth, nodes, duplicateKeys, ...expansion };
}

function findDuplicateKeys(items: readonly unknown[], out: DuplicateKey[]): void {
  // `yaml` compares scalar keys by value (a merge key `<<` gets a fresh symbol, so it never repeats);
  // other keys only equal themselves. NaN never equals NaN there.
  const seen = new Set<unknown>();
  for (const item of items) {
    if (!isPair(item) || !isScalar(item.key)) continue;
    const value: unknown = item.key.value;
    if (typeof value === 'number' && Number.isNaN(value)) continue;
    if (seen.has(value)) {
      const start = item.key.range?.[0] ?? 0;
      out.push({ start, end: start + 1 });
    } else {
      seen.add(value);
    }
  }
}

/** Expanded sizes by an iterative depth-first walk through aliases, with memoization and cycle detection. */
function expand(doc: Document.Parsed, aliases: ReadonlyMap<Alias, Node | undefined>): Pick<TreeIndex, 'expandedNodes' | 'recursiveAlias' | 'largestAlias'> {
  const size = new Map<Node, number>();
  const open = new Set<Node>();
  let recursiveAlias: Span | undefined;
  let largestAlias: Span | undefined;
  let largest = 0;
  const root = doc.contents;
  if (!isNode(root)) return { expandedNodes: 0, recursiveAlias, largestAlias };
  const children = (node: Node): Node[] => {
    if (isAlias(node)) {
      const target = aliases.get(node);
      return target ? [target] : [];
    }
    if (!isCollection(node)) return [];
    const out: Node[] = [];
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        if (isNode(item.key)) out.push(item.key);
        if (isNode(item.value)) out.push(item.value);
      } else if (isNode(item)) {
        out.push(item);
      }
    }
    return out;
  };
  const stack: Array<{ node: Node; kids: Node[] | undefined; next: number }> = [{ node: root, kids: undefined, next: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as { node: Node; kids: Node[] | undefined; next: number };
    if (frame.kids === undefined) {
      if (size.has(frame.node)) {
        stack.pop();
        continue;
      }
      frame.kids = children(frame.node);
      open.add(frame.node);
    }
    if (frame.next < frame.kids.length) {
      const kid = frame.kids[frame.next++] as Node;
      if (size.has(kid)) continue;
      if (open.has(kid)) {
        // Only an alias can lead back to an open node.
        recursiveAlias ??= span(frame.node);
        size.set(frame.node, Infinity);
        continue;
      }
      stack.push({ node: kid, kids: undefined, next: 0 });
      continue;
    }
    stack.pop();
    open.delete(frame.node);
    let total = isAlias(frame.node) ? 0 : 1;
    for (const kid of frame.kids) total += size.get(kid) ?? Infinity;
    if (size.get(frame.node) === Infinity) total = Infinity;
    size.set(frame.node, total);
    if (isAlias(frame.node) && total > largest) {
      largest = total;
      largestAlias = span(frame.node);
    }
  }
  return { expandedNodes: size.get(root) ?? 0, recursiveAlias, largestAlias };
}
