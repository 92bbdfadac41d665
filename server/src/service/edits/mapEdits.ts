import type { YAMLMap } from 'yaml';
import type { OffsetEdit } from '../../rules/types';
import { colonEnd, definesAnchor, findPair, isEmptyValue, isJsonLike, keyStart, pairEnd, pairsOf, startOf, valueNode } from './nodes';
import type { AnyPair, EditContext } from './nodes';
import { renderBlockValue, renderFlow, renderPairBlock, renderPairFlow } from './render';
import type { YamlStyle, YamlValue } from './render';
import { columnOf, firstOnLine, lineEndOf, lineStartOf, nextLineStart } from './text';

/** Start of the lines to remove with a key: its line, and comment lines right above it at the same column. */
export function leadingCommentStart(text: string, at: number): number {
  let start = lineStartOf(text, at);
  const col = at - start;
  const own = new RegExp(`^ {${col}}#`);
  while (start > 0) {
    const prev = lineStartOf(text, start - 1);
    if (!own.test(text.slice(prev, lineEndOf(text, prev)))) break;
    start = prev;
  }
  return start;
}

/** The column at which the keys of a block mapping are written. */
export function mapColumn(ctx: EditContext, map: YAMLMap): number {
  const first = pairsOf(map)[0];
  return first ? columnOf(ctx.text, keyStart(ctx, first)) : columnOf(ctx.text, startOf(ctx, map));
}

function styleFor(ctx: EditContext, map: YAMLMap): YamlStyle {
  return isJsonLike(map) ? { ...ctx.style, json: true } : ctx.style;
}

/**
 * Removes `key: value` from a mapping, leaving valid YAML: whole lines in block style (with the comment
 * lines right above the key), the entry and one comma in flow style. A block mapping that would become
 * empty is written `{}`. Returns no edit when the key is absent (or only merged in).
 */
export function removePair(ctx: EditContext, map: YAMLMap, key: string): OffsetEdit[] {
  const pair = findPair(map, key);
  // An anchored key or value may be used by an alias elsewhere: removing it would change that data too.
  if (!pair || definesAnchor(pair)) return [];
  const pairs = pairsOf(map);
  const index = pairs.indexOf(pair);
  const start = keyStart(ctx, pair);
  const end = pairEnd(ctx, pair);
  const next = pairs[index + 1];
  const prev = pairs[index - 1];
  if (map.flow) {
    if (next) return [{ start, end: keyStart(ctx, next), newText: '' }];
    if (prev) return [{ start: pairEnd(ctx, prev), end, newText: '' }];
    return [{ start, end, newText: '' }];
  }
  if (pairs.length === 1) return [{ start, end, newText: '{}' }];
  if (!firstOnLine(ctx.text, start) && next) return [{ start, end: keyStart(ctx, next), newText: '' }];
  return [{ start: leadingCommentStart(ctx.text, start), end: nextLineStart(ctx.text, end), newText: '' }];
}

export interface InsertPlace {
  /** Insert after the first of these keys that the mapping has. */
  readonly after?: readonly string[];
  /** Otherwise before the first of these keys that the mapping has. */
  readonly before?: readonly string[];
}

function anchor(map: YAMLMap, place: InsertPlace): { pair: AnyPair; after: boolean } | undefined {
  for (const k of place.after ?? []) {
    const p = findPair(map, k);
    if (p) return { pair: p, after: true };
  }
  for (const k of place.before ?? []) {
    const p = findPair(map, k);
    if (p) return { pair: p, after: false };
  }
  const last = pairsOf(map).at(-1);
  return last ? { pair: last, after: true } : undefined;
}

/** Inserts `key: value` into a mapping (block or flow) at the right indentation; at the end unless `place` says otherwise. */
export function insertPair(ctx: EditContext, map: YAMLMap, key: string, value: YamlValue, place: InsertPlace = {}): OffsetEdit[] {
  const style = styleFor(ctx, map);
  const at = anchor(map, place);
  if (map.flow) {
    const text = renderPairFlow(key, value, style.json);
    if (!at) {
      const open = startOf(ctx, map);
      return [{ start: open + 1, end: open + 1, newText: text }];
    }
    return at.after
      ? [{ start: pairEnd(ctx, at.pair), end: pairEnd(ctx, at.pair), newText: `, ${text}` }]
      : [{ start: keyStart(ctx, at.pair), end: keyStart(ctx, at.pair), newText: `${text}, ` }];
  }
  if (!at) return [];
  const col = mapColumn(ctx, map);
  const body = renderPairBlock(key, value, col, style);
  if (at.after) {
    const end = pairEnd(ctx, at.pair);
    const pos = nextLineStart(ctx.text, end);
    const needsBreak = pos === ctx.text.length && !ctx.text.endsWith('\n');
    return [{ start: pos, end: pos, newText: `${needsBreak ? style.eol : ''}${' '.repeat(col)}${body}${needsBreak ? '' : style.eol}` }];
  }
  const start = keyStart(ctx, at.pair);
  if (firstOnLine(ctx.text, start)) {
    const pos = leadingCommentStart(ctx.text, start);
    return [{ start: pos, end: pos, newText: `${' '.repeat(col)}${body}${style.eol}` }];
  }
  return [{ start, end: start, newText: `${body}${style.eol}${' '.repeat(col)}` }];
}

/** Replaces the value of `key` (keeping the key and its place), or inserts the pair when absent. */
export function setPair(ctx: EditContext, map: YAMLMap, key: string, value: YamlValue, place: InsertPlace = {}): OffsetEdit[] {
  const pair = findPair(map, key);
  if (!pair) return insertPair(ctx, map, key, value, place);
  const style = styleFor(ctx, map);
  const old = valueNode(pair);
  // A value that defines an anchor may be used by an alias elsewhere: replacing it would change (or, in
  // block style, remove) that data too.
  if (definesAnchor(old)) return [];
  const colon = colonEnd(ctx, pair);
  const end = pairEnd(ctx, pair);
  if (map.flow) {
    const start = old && !isEmptyValue(old) ? startOf(ctx, old) : colon;
    return [{ start, end, newText: `${start === colon ? ' ' : ''}${renderFlow(value, style.json)}` }];
  }
  return [{ start: colon, end, newText: renderBlockValue(value, mapColumn(ctx, map), style) }];
}
