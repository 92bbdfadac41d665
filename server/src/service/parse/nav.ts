import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Alias, Document, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { indexDocument } from './treeIndex';

/** A chunk-relative source range `[start, end)`. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * A YAML node as the model sees it: aliases resolved, with the place to report findings. A node
 * reached through an alias reports at the alias (and so does everything inside it).
 */
export interface NodeRef {
  readonly node: Node;
  /** Where a finding on this node is reported. */
  readonly span: Span;
  /** Set when this node (or an ancestor) was reached through an alias. */
  readonly alias?: Span;
}

/** A key/value pair of a mapping; `value` is undefined for `key:` with nothing after it. */
export interface PairRef {
  readonly key: NodeRef;
  readonly keyText: string;
  readonly value: NodeRef | undefined;
  /** The span of the whole pair (key start to value end). */
  readonly span: Span;
  /** True when the pair came from a `<<` merge key. */
  readonly merged: boolean;
}

const MAX_ALIAS_DEPTH = 20;

export function nodeSpan(node: Node): Span {
  const r = node.range;
  if (r) return { start: r[0], end: r[1] };
  return { start: 0, end: 0 };
}

/**
 * NodeRefs and PairRefs are kept for as long as their document (navigation caches), one per key and value:
 * their spans are computed when asked for (most never are) instead of being stored as objects.
 */
class Ref implements NodeRef {
  constructor(
    readonly node: Node,
    readonly alias: Span | undefined,
  ) {}

  get span(): Span {
    return this.alias ?? nodeSpan(this.node);
  }
}

class PairEntry implements PairRef {
  constructor(
    readonly key: NodeRef,
    readonly keyText: string,
    readonly value: NodeRef | undefined,
    readonly merged: boolean,
    /** The alias the pair was reached through, whose span is the pair's. */
    private readonly alias: Span | undefined,
  ) {}

  /** The same pair, coming from a `<<` merge key. */
  asMerged(): PairEntry {
    return new PairEntry(this.key, this.keyText, this.value, true, this.alias);
  }

  get span(): Span {
    if (this.alias) return this.alias;
    const key = this.key.node.range;
    const value = this.value?.node.range;
    const keyStart = key ? key[0] : 0;
    const keyEnd = key ? key[1] : 0;
    return { start: keyStart, end: value ? Math.max(value[1], keyEnd) : keyEnd };
  }
}

/** Wraps a node of `doc`, resolving an alias. */
export function refOf(node: Node | null | undefined, doc: Document.Parsed, inherited?: Span): NodeRef | undefined {
  if (node === null || node === undefined) return undefined;
  let target: Node | undefined = node;
  let alias = inherited;
  let depth = 0;
  while (target && isAlias(target)) {
    if (!alias) alias = nodeSpan(target);
    target = resolveAlias(target, doc);
    if (++depth > MAX_ALIAS_DEPTH) return undefined;
  }
  if (!target) return undefined;
  return new Ref(target, alias);
}

function resolveAlias(alias: Alias, doc: Document.Parsed): Node | undefined {
  // The index resolves every alias of the document in one walk (Alias.resolve walks the document each time).
  const index = indexDocument(doc);
  if (index.aliases.has(alias)) return index.aliases.get(alias);
  try {
    return alias.resolve(doc) as Node | undefined;
  } catch {
    return undefined;
  }
}

export function isMapRef(ref: NodeRef | undefined): ref is NodeRef & { node: YAMLMap } {
  return ref !== undefined && isMap(ref.node);
}

export function isSeqRef(ref: NodeRef | undefined): ref is NodeRef & { node: YAMLSeq } {
  return ref !== undefined && isSeq(ref.node);
}

export function isScalarRef(ref: NodeRef | undefined): boolean {
  return ref !== undefined && isScalar(ref.node);
}

/** The scalar's value as the `yaml` package typed it (string, number, boolean, null), else undefined. */
export function scalarValue(ref: NodeRef | undefined): unknown {
  if (ref === undefined || !isScalar(ref.node)) return undefined;
  return ref.node.value;
}

/** The scalar as a string: strings as they are, numbers and booleans as their source text. */
export function scalarText(ref: NodeRef | undefined): string | undefined {
  if (ref === undefined || !isScalar(ref.node)) return undefined;
  const node = ref.node;
  const v = node.value;
  if (typeof v === 'string') return v;
  if (v === null) return undefined;
  if (typeof node.source === 'string') return node.source;
  return String(v);
}

/**
 * Resolved pairs and items are computed once per node (and per alias span it is reached through): the
 * parsed documents are never mutated, and rules ask for the same mappings over and over. The cached
 * arrays are frozen; callers must copy before changing them.
 */
interface MapEntry {
  readonly pairs: PairRef[];
  index?: Map<string, PairRef>;
}
const EMPTY: never[] = Object.freeze([]) as unknown as never[];
/**
 * The caches of one parsed document. Plain maps held per document (rather than weak maps keyed by every
 * node) die with the document and cost the garbage collector no ephemeron processing.
 */
interface DocCaches {
  readonly maps: Map<YAMLMap, MapEntry>;
  readonly aliasedMaps: Map<YAMLMap, Map<string, MapEntry>>;
  readonly seqs: Map<YAMLSeq, Array<{ index: number; ref: NodeRef }>>;
  readonly aliasedSeqs: Map<YAMLSeq, Map<string, Array<{ index: number; ref: NodeRef }>>>;
}
const docCaches = new WeakMap<Document.Parsed, DocCaches>();
// Rules read one document at a time: remember the last lookup (this keeps at most one parsed document alive).
let lastDoc: Document.Parsed | undefined;
let lastCaches: DocCaches | undefined;

function cachesOf(doc: Document.Parsed): DocCaches {
  if (doc === lastDoc && lastCaches) return lastCaches;
  let c = docCaches.get(doc);
  if (!c) {
    c = { maps: new Map(), aliasedMaps: new Map(), seqs: new Map(), aliasedSeqs: new Map() };
    docCaches.set(doc, c);
  }
  lastDoc = doc;
  lastCaches = c;
  return c;
}

function mapEntry(ref: NodeRef & { node: YAMLMap }, doc: Document.Parsed): MapEntry {
  const alias = ref.alias;
  const { maps: mapCache, aliasedMaps: aliasedMapCache } = cachesOf(doc);
  if (alias === undefined) {
    let entry = mapCache.get(ref.node);
    if (!entry) {
      entry = { pairs: computePairs(ref.node, doc, undefined) };
      mapCache.set(ref.node, entry);
    }
    return entry;
  }
  let byAlias = aliasedMapCache.get(ref.node);
  if (!byAlias) {
    byAlias = new Map();
    aliasedMapCache.set(ref.node, byAlias);
  }
  const key = `${alias.start}:${alias.end}`;
  let entry = byAlias.get(key);
  if (!entry) {
    entry = { pairs: computePairs(ref.node, doc, alias) };
    byAlias.set(key, entry);
  }
  return entry;
}

function computePairs(map: YAMLMap, doc: Document.Parsed, alias: Span | undefined): PairRef[] {
  const out: PairEntry[] = [];
  collectPairs(map, doc, alias, out, 0);
  return Object.freeze(dedupe(out)) as PairRef[];
}

/** The mapping's pairs in order, merge keys (`<<: *base`) expanded, later keys overriding earlier ones. */
export function mapPairs(ref: NodeRef | undefined, doc: Document.Parsed): PairRef[] {
  if (!isMapRef(ref)) return EMPTY;
  return mapEntry(ref, doc).pairs;
}

function collectPairs(map: YAMLMap, doc: Document.Parsed, alias: Span | undefined, out: PairEntry[], depth: number): void {
  // Merged pairs come first, then the mapping's own (pushed straight to `out` when there is no merge key).
  let own: PairEntry[] | undefined;
  for (const item of map.items) {
    if (!isPair(item)) continue;
    const pair = item as Pair<Node | null, Node | null>;
    const key = pair.key;
    if (isMergeKey(key) && depth < MAX_ALIAS_DEPTH) {
      for (const source of mergeSources(pair.value, doc)) {
        const mergedRef = refOf(source, doc, alias);
        if (isMapRef(mergedRef)) {
          const merged: PairEntry[] = [];
          collectPairs(mergedRef.node, doc, mergedRef.alias, merged, depth + 1);
          for (const m of merged) out.push(m.asMerged());
        }
      }
      continue;
    }
    if (!own) own = hasMergeKey(map, depth) ? [] : out;
    const keyRef = refOf(key, doc, alias);
    if (!keyRef) continue;
    const valueRef = refOf(pair.value, doc, alias);
    own.push(new PairEntry(keyRef, scalarText(keyRef) ?? '', valueRef, false, alias));
  }
  if (own && own !== out) for (const p of own) out.push(p);
}

function hasMergeKey(map: YAMLMap, depth: number): boolean {
  if (depth >= MAX_ALIAS_DEPTH) return false;
  for (const item of map.items) if (isPair(item) && isMergeKey(item.key as Node | null)) return true;
  return false;
}

/** `<<` as a merge key: the `yaml` package gives it a symbol value when merge keys are enabled. */
function isMergeKey(key: Node | null): boolean {
  if (!isScalar(key)) return false;
  const v = key.value;
  return v === '<<' || (typeof v === 'symbol' && v.description === '<<');
}

function mergeSources(value: Node | null, doc: Document.Parsed): Node[] {
  if (value === null) return [];
  if (isSeq(value)) return value.items.filter((n): n is Node => n !== null && typeof n === 'object');
  void doc;
  return [value];
}

function dedupe(pairs: PairRef[]): PairRef[] {
  // Explicit keys override merged ones; among merged sources the first one wins (YAML 1.1 merge).
  if (pairs.length <= 12 && !hasRepeatedKey(pairs)) return pairs;
  const seen = new Map<string, number>();
  const out: PairRef[] = [];
  for (const p of pairs) {
    const at = seen.get(p.keyText);
    if (at === undefined) {
      seen.set(p.keyText, out.length);
      out.push(p);
      continue;
    }
    const existing = out[at] as PairRef;
    if (existing.merged && !p.merged) out[at] = p;
  }
  return out;
}

function hasRepeatedKey(pairs: readonly PairRef[]): boolean {
  for (let i = 1; i < pairs.length; i++) {
    const k = (pairs[i] as PairRef).keyText;
    for (let j = 0; j < i; j++) if ((pairs[j] as PairRef).keyText === k) return true;
  }
  return false;
}

/** The pair with the given key, merge keys considered. */
export function mapGet(ref: NodeRef | undefined, key: string, doc: Document.Parsed): PairRef | undefined {
  if (!isMapRef(ref)) return undefined;
  const entry = mapEntry(ref, doc);
  if (entry.pairs.length <= 8) {
    for (const p of entry.pairs) if (p.keyText === key) return p;
    return undefined;
  }
  if (!entry.index) {
    entry.index = new Map();
    for (const p of entry.pairs) entry.index.set(p.keyText, p);
  }
  return entry.index.get(key);
}

/** The value of the given key. */
export function mapValue(ref: NodeRef | undefined, key: string, doc: Document.Parsed): NodeRef | undefined {
  return mapGet(ref, key, doc)?.value;
}

/** Follows a path of keys through nested mappings. */
export function mapPath(ref: NodeRef | undefined, path: readonly string[], doc: Document.Parsed): NodeRef | undefined {
  let cur = ref;
  for (const key of path) {
    cur = mapValue(cur, key, doc);
    if (!cur) return undefined;
  }
  return cur;
}

/** The items of a sequence, aliases resolved; null items are skipped but keep their index. */
export function seqItems(ref: NodeRef | undefined, doc: Document.Parsed): Array<{ index: number; ref: NodeRef }> {
  if (!isSeqRef(ref)) return EMPTY;
  const alias = ref.alias;
  const { seqs: seqCache, aliasedSeqs: aliasedSeqCache } = cachesOf(doc);
  if (alias === undefined) {
    let items = seqCache.get(ref.node);
    if (!items) {
      items = computeItems(ref.node, doc, undefined);
      seqCache.set(ref.node, items);
    }
    return items;
  }
  let byAlias = aliasedSeqCache.get(ref.node);
  if (!byAlias) {
    byAlias = new Map();
    aliasedSeqCache.set(ref.node, byAlias);
  }
  const key = `${alias.start}:${alias.end}`;
  let items = byAlias.get(key);
  if (!items) {
    items = computeItems(ref.node, doc, alias);
    byAlias.set(key, items);
  }
  return items;
}

function computeItems(seq: YAMLSeq, doc: Document.Parsed, alias: Span | undefined): Array<{ index: number; ref: NodeRef }> {
  const out: Array<{ index: number; ref: NodeRef }> = [];
  seq.items.forEach((item, index) => {
    const r = refOf(item as Node | null, doc, alias);
    if (r) out.push({ index, ref: r });
  });
  return Object.freeze(out) as Array<{ index: number; ref: NodeRef }>;
}

/** The document's root as a NodeRef. */
export function rootRef(doc: Document.Parsed): NodeRef | undefined {
  return refOf(doc.contents as Node | null, doc);
}
