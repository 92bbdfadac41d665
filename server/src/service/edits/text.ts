import type { OffsetEdit } from '../../rules/types';

export type Eol = '\n' | '\r\n';

/** The document's line ending: the first line break decides; `\n` for a text without one. */
export function eolOf(text: string): Eol {
  const i = text.indexOf('\n');
  return i > 0 && text.charCodeAt(i - 1) === 0x0d ? '\r\n' : '\n';
}

/** Offset of the first character of the line holding `offset`. */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
}

/** Offset of the end of the line's content (before `\r\n` / `\n`). */
export function lineEndOf(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl === -1) return text.length;
  return nl > 0 && text.charCodeAt(nl - 1) === 0x0d ? nl - 1 : nl;
}

/** Offset of the start of the next line (after its break), or the text length on the last line. */
export function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

/** Column (in UTF-16 units) of an offset in its line. */
export function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

/** The leading spaces of the line holding `offset`. */
export function indentOfLine(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  let i = start;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return text.slice(start, i);
}

/** True when only spaces stand between the start of the line and `offset`. */
export function firstOnLine(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStartOf(text, offset), offset));
}

/** Offset just after the last non-blank character before `offset`. */
export function skipBackBlanks(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && /\s/.test(text[i - 1] as string)) i--;
  return i;
}

/** Offset of the first non-blank (space/tab) character at or after `offset` on the same line. */
export function skipSpaces(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

/** Whether the line holding `offset` is a comment line (only spaces before a `#`). */
export function isCommentLine(text: string, offset: number): boolean {
  const start = lineStartOf(text, offset);
  return /^[ \t]*#/.test(text.slice(start, lineEndOf(text, start)));
}

/** Sorts edits from last to first and throws when two overlap (touching inserts at one offset are kept in order). */
export function sortEdits(edits: readonly OffsetEdit[]): OffsetEdit[] {
  const indexed = edits.map((e, i) => ({ e, i }));
  indexed.sort((a, b) => b.e.start - a.e.start || b.e.end - a.e.end || b.i - a.i);
  for (let k = 1; k < indexed.length; k++) {
    const later = (indexed[k - 1] as { e: OffsetEdit }).e;
    const earlier = (indexed[k] as { e: OffsetEdit }).e;
    if (earlier.end > later.start) throw new Error(`overlapping edits at ${earlier.start}-${earlier.end} and ${later.start}-${later.end}`);
  }
  return indexed.map((x) => x.e);
}

/** Whether two edit lists touch the same text (a shared insertion point counts as overlap). */
export function editsOverlap(a: readonly OffsetEdit[], b: readonly OffsetEdit[]): boolean {
  for (const x of a) {
    for (const y of b) {
      if (x.start < y.end && y.start < x.end) return true;
      if (x.start === y.start || x.end === y.end) return true;
      if ((x.start === x.end && x.start > y.start && x.start < y.end) || (y.start === y.end && y.start > x.start && y.start < x.end)) return true;
    }
  }
  return false;
}

/** Applies edits (absolute offsets) to a text. */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  let out = text;
  for (const e of sortEdits(edits)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** An insertion of text moved from elsewhere in the document (findings inside it are not new problems). */
export interface MovedEdit extends OffsetEdit {
  readonly moved: true;
}

export function markMoved(edits: readonly OffsetEdit[]): OffsetEdit[] {
  return edits.map((e): MovedEdit => ({ ...e, moved: true }));
}

/** Where the text of the moved edits lands in the result of applying `edits`: `[start, end)` offsets. */
export function movedRanges(edits: readonly OffsetEdit[]): Array<{ start: number; end: number }> {
  const ordered = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i);
  const out: Array<{ start: number; end: number }> = [];
  let shift = 0;
  for (const { e } of ordered) {
    const start = e.start + shift;
    if ((e as Partial<MovedEdit>).moved) out.push({ start, end: start + e.newText.length });
    shift += e.newText.length - (e.end - e.start);
  }
  return out;
}
