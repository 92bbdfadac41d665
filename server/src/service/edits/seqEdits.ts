import { isMap, isNode, isSeq } from 'yaml';
import type { Document, Node, YAMLMap, YAMLSeq } from 'yaml';
import type { OffsetEdit } from '../../rules/types';
import { contentEnd, dashOf, definesAnchor, findPair, isJsonLike, propsStart, startOf } from './nodes';
import type { EditContext } from './nodes';
import { leadingCommentStart, mapColumn, setPair } from './mapEdits';
import type { InsertPlace } from './mapEdits';
import { RawBlock, RawYaml, renderFlow, renderSeqItemBody } from './render';
import type { YamlStyle, YamlValue } from './render';
import { columnOf, firstOnLine, lineStartOf, nextLineStart, skipBackBlanks } from './text';

function itemNodes(seq: YAMLSeq): Node[] {
  return seq.items.filter((i): i is Node => isNode(i));
}

function styleFor(ctx: EditContext, seq: YAMLSeq): YamlStyle {
  return isJsonLike(seq) ? { ...ctx.style, json: true } : ctx.style;
}

/** Absolute offset of the `-` of a block sequence item. */
export function itemDash(ctx: EditContext, item: Node): number {
  return dashOf(ctx, item.range?.[0] ?? 0);
}

const blockItem = renderSeqItemBody;

/**
 * Inserts an item into a sequence (block or flow); at `index` (default: the end). In block style the
 * new item is written with the same dash column as the others.
 */
export function insertItem(ctx: EditContext, seq: YAMLSeq, value: YamlValue, index?: number): OffsetEdit[] {
  const style = styleFor(ctx, seq);
  const items = itemNodes(seq);
  const at = index === undefined || index >= items.length ? items.length : Math.max(0, index);
  if (seq.flow) {
    const text = renderFlow(value, style.json);
    if (items.length === 0) {
      const open = startOf(ctx, seq);
      return [{ start: open + 1, end: open + 1, newText: text }];
    }
    if (at === items.length) {
      const end = contentEnd(ctx, items[items.length - 1] as Node);
      return [{ start: end, end, newText: `, ${text}` }];
    }
    const start = startOf(ctx, items[at] as Node);
    return [{ start, end: start, newText: `${text}, ` }];
  }
  if (items.length === 0) return [];
  const dash = itemDash(ctx, items[0] as Node);
  const col = columnOf(ctx.text, dash);
  const body = blockItem(value, col, style);
  if (at === items.length) {
    const pos = nextLineStart(ctx.text, contentEnd(ctx, items[items.length - 1] as Node));
    const needsBreak = pos === ctx.text.length && !ctx.text.endsWith('\n');
    return [{ start: pos, end: pos, newText: `${needsBreak ? style.eol : ''}${' '.repeat(col)}${body}${needsBreak ? '' : style.eol}` }];
  }
  const target = itemDash(ctx, items[at] as Node);
  if (firstOnLine(ctx.text, target)) {
    const pos = leadingCommentStart(ctx.text, target);
    return [{ start: pos, end: pos, newText: `${' '.repeat(col)}${body}${style.eol}` }];
  }
  return [{ start: target, end: target, newText: `${body}${style.eol}${' '.repeat(col)}` }];
}

/** Appends an item at the end of a sequence. */
export function appendItem(ctx: EditContext, seq: YAMLSeq, value: YamlValue): OffsetEdit[] {
  return insertItem(ctx, seq, value);
}

/**
 * Removes the item at `index` of a sequence: whole lines (and the comment lines right above its dash)
 * in block style, the item and one comma in flow style. A block sequence that becomes empty is
 * written ` []` after its key.
 */
export function removeItem(ctx: EditContext, seq: YAMLSeq, index: number): OffsetEdit[] {
  const items = itemNodes(seq);
  const item = seq.items[index] as Node | undefined;
  // An anchored item may be used by an alias elsewhere: removing it would change that data too.
  if (!item || !items.includes(item) || definesAnchor(item)) return [];
  index = items.indexOf(item);
  const start = propsStart(ctx, item);
  const end = contentEnd(ctx, item);
  const next = items[index + 1];
  const prev = items[index - 1];
  if (seq.flow) {
    if (next) return [{ start, end: propsStart(ctx, next), newText: '' }];
    if (prev) return [{ start: contentEnd(ctx, prev), end, newText: '' }];
    return [{ start, end, newText: '' }];
  }
  const dash = itemDash(ctx, item);
  if (items.length === 1) {
    const before = skipBackBlanks(ctx.text, dash);
    if (ctx.text[before - 1] === ':') return [{ start: before, end, newText: ' []' }];
    return [{ start: dash, end, newText: '[]' }];
  }
  if (!firstOnLine(ctx.text, dash) && next) return [{ start: dash, end: itemDash(ctx, next), newText: '' }];
  return [{ start: leadingCommentStart(ctx.text, dash), end: nextLineStart(ctx.text, end), newText: '' }];
}

/**
 * Adds an item to the sequence under `key` of a mapping, creating `key: [item]` (block or flow, as the
 * mapping is written) when the key is absent or empty.
 */
export function addToSeqOf(ctx: EditContext, map: YAMLMap, key: string, value: YamlValue, place: InsertPlace = {}): OffsetEdit[] {
  const pair = findPair(map, key);
  const seq = pair && isSeq(pair.value) ? pair.value : undefined;
  if (seq && (seq.flow || seq.items.length > 0)) return appendItem(ctx, seq, value);
  return setPair(ctx, map, key, [value], place);
}

/**
 * The source text of a block node, its lines after the first de-indented by the node's column, for
 * moving it elsewhere with `RawYaml`.
 */
export function nodeSourceText(ctx: EditContext, node: Node): string {
  const start = startOf(ctx, node);
  const col = start - lineStartOf(ctx.text, start);
  const text = ctx.text.slice(start, contentEnd(ctx, node));
  return text
    .split(/\r?\n/)
    .map((line, i) => (i === 0 ? line : line.slice(Math.min(col, line.length - line.trimStart().length))))
    .join('\n');
}

export { mapColumn };
export type { YAMLMap };

/** A node's value for writing elsewhere: its own text where that fits the target, else re-rendered from its data. */
export function movableValue(ctx: EditContext, node: Node, doc: Document.Parsed, intoFlow: boolean): YamlValue {
  const block = (isMap(node) || isSeq(node)) && !node.flow;
  if (block && !intoFlow) return new RawBlock(nodeSourceText(ctx, node), isSeq(node));
  const text = ctx.text.slice(startOf(ctx, node), contentEnd(ctx, node));
  if (!block && !text.includes('\n')) return new RawYaml(text);
  return toYamlValue(node.toJS(doc, { maxAliasCount: 100 }));
}

/** A sequence item for writing into another sequence (block items keep their text and comments). */
export function movableItem(ctx: EditContext, node: Node, doc: Document.Parsed, intoFlow: boolean): YamlValue {
  if (!intoFlow && isMap(node) && !node.flow) return new RawYaml(nodeSourceText(ctx, node));
  return movableValue(ctx, node, doc, intoFlow);
}

function toYamlValue(v: unknown): YamlValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(toYamlValue);
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, toYamlValue(x)]));
  return String(v);
}
