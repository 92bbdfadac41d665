import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { detectStyle } from './render';
import type { YamlStyle } from './render';
import { eolOf } from './text';

/**
 * Where edits go: the whole file text and the offset of the YAML document (chunk) whose nodes are
 * passed in. Node ranges are chunk-relative; every edit produced is absolute.
 */
export interface EditContext {
  readonly text: string;
  readonly base: number;
  readonly style: YamlStyle;
}

export function editContext(text: string, base: number, chunkText?: string): EditContext {
  const eol = eolOf(text);
  return { text, base, style: detectStyle(chunkText ?? text, eol) };
}

export type AnyPair = Pair<unknown, unknown>;

/** The pair of a mapping with a plain-text key (not a merged one). */
export function findPair(map: YAMLMap, key: string): AnyPair | undefined {
  for (const item of map.items) {
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === key) return item as AnyPair;
  }
  return undefined;
}

export function pairsOf(map: YAMLMap): AnyPair[] {
  return map.items.filter((i): i is AnyPair => isPair(i));
}

function asNode(v: unknown): Node | undefined {
  return v !== null && typeof v === 'object' && (isScalar(v) || isMap(v) || isSeq(v) || isAlias(v)) ? (v as Node) : undefined;
}

/** Absolute start of a node. */
export function startOf(ctx: EditContext, node: Node): number {
  return ctx.base + (node.range?.[0] ?? 0);
}

/** True for a `key:` written without a value (the yaml package gives it an empty null scalar). */
export function isEmptyValue(node: Node | undefined): boolean {
  return node === undefined || (isScalar(node) && node.value === null && !!node.range && node.range[0] === node.range[1]);
}

/**
 * Absolute offset just after the last character of a node's own text: block scalars without their
 * trailing line breaks, block collections without trailing comments.
 */
export function contentEnd(ctx: EditContext, node: Node): number {
  const range = node.range ?? [0, 0, 0];
  if (isMap(node) && !node.flow) {
    const last = pairsOf(node).at(-1);
    return last ? pairEnd(ctx, last) : ctx.base + range[1];
  }
  if (isSeq(node) && !node.flow) {
    const items = node.items;
    const last = items.at(-1);
    const lastNode = asNode(last);
    if (lastNode && !isEmptyValue(lastNode)) return contentEnd(ctx, lastNode);
    return dashOf(ctx, range[1]) + 1;
  }
  let end = ctx.base + range[1];
  if (isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')) {
    while (end > ctx.base + range[0] && /\s/.test(ctx.text[end - 1] as string)) end--;
  }
  return end;
}

/** Absolute offset just after a pair's value (or after its `:` when it has none). */
export function pairEnd(ctx: EditContext, pair: AnyPair): number {
  const value = asNode(pair.value);
  if (value && !isEmptyValue(value)) return contentEnd(ctx, value);
  return colonEnd(ctx, pair);
}

/** Absolute offset just after the `:` of a pair. */
export function colonEnd(ctx: EditContext, pair: AnyPair): number {
  const key = asNode(pair.key);
  let i = key ? ctx.base + (key.range?.[1] ?? 0) : 0;
  while (i < ctx.text.length && ctx.text[i] !== ':') i++;
  return Math.min(i + 1, ctx.text.length);
}

export function keyStart(ctx: EditContext, pair: AnyPair): number {
  const key = asNode(pair.key);
  return key ? propsStart(ctx, key) : 0;
}

/**
 * Absolute start of a node with its properties on the same line (`&anchor`, `!tag`): a node's range
 * starts after them, and an edit that removes or replaces the node must not leave them behind
 * (`[&a *a]` is a syntax error).
 */
export function propsStart(ctx: EditContext, node: Node): number {
  let start = startOf(ctx, node);
  for (;;) {
    let i = start;
    while (i > ctx.base && (ctx.text[i - 1] === ' ' || ctx.text[i - 1] === '\t')) i--;
    let j = i;
    while (j > ctx.base && !/[\s,[\]{}]/.test(ctx.text[j - 1] as string)) j--;
    const first = ctx.text[j];
    if (j === i || (first !== '&' && first !== '!')) return start;
    start = j;
  }
}

/** Whether a node or anything inside it (not through aliases) defines an anchor that an alias may use. */
export function definesAnchor(node: unknown): boolean {
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const n = stack.pop();
    if (isPair(n)) {
      stack.push(n.key, n.value);
    } else if (isMap(n) || isSeq(n)) {
      if (n.anchor) return true;
      stack.push(...(n.items as unknown[]));
    } else if (isScalar(n) && n.anchor) {
      return true;
    }
  }
  return false;
}

/**
 * Absolute offset of the `-` before a block sequence item (searching back from chunk-relative `at`):
 * the last `-` followed by a blank or the line end, skipping comments (`- # k8s-init-disable-next-line`
 * holds dashes too) and lines holding only blanks.
 */
export function dashOf(ctx: EditContext, at: number): number {
  let end = ctx.base + at;
  while (end > 0) {
    const lineStart = ctx.text.lastIndexOf('\n', end - 1) + 1;
    let segment = ctx.text.slice(lineStart, end);
    const hash = segment.search(/(?:^|[ \t])#/);
    if (hash !== -1) segment = segment.slice(0, hash);
    const m = /-(?=[ \t\r]|$)(?!.*-(?:[ \t\r]|$))/.exec(segment);
    if (m) return lineStart + m.index;
    if (segment.trim() !== '' || lineStart === 0) break;
    end = lineStart - 1;
  }
  // Not found where expected: the nearest dash before `at`, as before.
  let i = ctx.base + at - 1;
  while (i >= 0 && ctx.text[i] !== '-') i--;
  return i;
}

export function valueNode(pair: AnyPair | undefined): Node | undefined {
  return pair ? asNode(pair.value) : undefined;
}

export function mapOf(node: unknown): YAMLMap | undefined {
  return isMap(node) ? node : undefined;
}

export function seqOf(node: unknown): YAMLSeq | undefined {
  return isSeq(node) ? node : undefined;
}

export function scalarOf(node: unknown): Scalar | undefined {
  return isScalar(node) ? node : undefined;
}

/** Whether a mapping is written JSON-style (its first key double-quoted). */
export function isJsonLike(map: YAMLMap | YAMLSeq): boolean {
  if (!map.flow) return false;
  if (isSeq(map)) {
    const first = map.items[0];
    return isMap(first) ? isJsonLike(first) : isScalar(first) && first.type === 'QUOTE_DOUBLE';
  }
  const first = pairsOf(map)[0];
  return first !== undefined && isScalar(first.key) && first.key.type === 'QUOTE_DOUBLE';
}
