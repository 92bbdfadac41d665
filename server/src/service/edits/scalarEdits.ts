import type { Scalar } from 'yaml';
import type { OffsetEdit } from '../../rules/types';
import { contentEnd, startOf } from './nodes';
import type { EditContext } from './nodes';
import { renderScalar } from './render';
import { lineEndOf, nextLineStart } from './text';

/** A scalar's new text in the quoting style of the old one (plain falls back to double quotes when needed). */
export function scalarText(old: Scalar | undefined, value: string | number | boolean, json = false): string {
  const s = String(value);
  switch (old?.type) {
    case 'QUOTE_DOUBLE':
      return JSON.stringify(s);
    case 'QUOTE_SINGLE':
      return s.includes('\n') ? JSON.stringify(s) : `'${s.replace(/'/g, "''")}'`;
    default:
      return renderScalar(value, true, json);
  }
}

/** Replaces a scalar's value, keeping its quoting style; a block scalar keeps its block form and indentation. */
export function replaceScalar(ctx: EditContext, scalar: Scalar, value: string | number | boolean): OffsetEdit {
  const start = startOf(ctx, scalar);
  const end = contentEnd(ctx, scalar);
  if ((scalar.type === 'BLOCK_LITERAL' || scalar.type === 'BLOCK_FOLDED') && typeof value === 'string') {
    const firstContent = nextLineStart(ctx.text, start);
    const line = ctx.text.slice(firstContent, lineEndOf(ctx.text, firstContent));
    const indent = ' '.repeat(line.length - line.trimStart().length || 2);
    const body = value.replace(/\n$/, '');
    const header = `|${value.endsWith('\n') ? '' : '-'}`;
    const eol = ctx.style.eol;
    return { start, end, newText: `${header}${eol}${body.split('\n').map((l) => (l === '' ? '' : indent + l)).join(eol)}` };
  }
  return { start, end, newText: scalarText(scalar, value) };
}

/** Replaces every given scalar with the same value (a rename). */
export function renameScalars(ctx: EditContext, scalars: readonly Scalar[], value: string): OffsetEdit[] {
  return scalars.map((s) => replaceScalar(ctx, s, value));
}
