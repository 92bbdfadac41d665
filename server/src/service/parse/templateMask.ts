import { isScalar, visit } from 'yaml';
import type { Document } from 'yaml';
import type { Span } from './nav';

/** A text with its Go / Helm template actions masked, positions unchanged. */
export interface MaskedText {
  readonly text: string;
  /** The masked actions, as offsets of the text. */
  readonly masks: readonly Span[];
  /** True when some action stands on a line of its own (`{{- if … }}`, `{{ include … | nindent 4 }}`): such a file's structure depends on values. */
  readonly blockActions: boolean;
}

const PLACEHOLDER = 'x';

/**
 * Masks `{{ … }}` actions while keeping every other character where it was (the technique of Helm
 * language servers): an action alone on its line, or one that ends a line before a more indented block
 * (`labels: {{- include … | nindent 4 }}`), becomes spaces; an action used as a value or inside a
 * scalar becomes a same-length placeholder, so the line still parses. Line breaks inside an action
 * are kept. Comments (`# …`) are left alone.
 */
export function maskTemplates(text: string): MaskedText {
  let index = text.indexOf('{{');
  if (index === -1) return { text, masks: [], blockActions: false };
  const chars = text.split('');
  const masks: Span[] = [];
  let blockActions = false;
  while (index !== -1) {
    const end = findActionEnd(text, index + 2);
    if (end === -1) break;
    const lineStart = text.lastIndexOf('\n', index) + 1;
    const before = text.slice(lineStart, index);
    if (/(^|\s)#/.test(before)) {
      index = text.indexOf('{{', end);
      continue;
    }
    const lineEndIndex = text.indexOf('\n', end);
    const lineEnd = lineEndIndex === -1 ? text.length : lineEndIndex;
    const after = text.slice(end, lineEnd).replace(/\r$/, '');
    const aloneOnLine = before.trim() === '' && (after.trim() === '' || after.trim().startsWith('{{'));
    const endsBeforeBlock = after.trim() === '' && nextLineMoreIndented(text, lineStart, lineEnd);
    // The first line of a block scalar must not be blank-but-indented: keep it as (placeholder) content.
    const opensBlockScalar = aloneOnLine && /[|>][-+0-9]*[ \t]*\r?$/.test(previousContentLine(chars, lineStart));
    const blank = !opensBlockScalar && (aloneOnLine || endsBeforeBlock || isBlockAction(text.slice(index, end)));
    if (aloneOnLine) blockActions = true;
    for (let i = index; i < end; i++) {
      const c = chars[i] as string;
      if (c === '\n' || c === '\r') continue;
      chars[i] = blank ? ' ' : PLACEHOLDER;
    }
    masks.push({ start: index, end });
    index = text.indexOf('{{', end);
  }
  return { text: chars.join(''), masks, blockActions };
}

/** Control actions produce no text of their own. */
function isBlockAction(action: string): boolean {
  return /^\{\{-?\s*(\/\*|if\b|else\b|end\b|range\b|with\b|define\b|block\b|template\b|-?\s*\}\})/.test(action);
}

/** The offset after the `}}` that closes an action starting before `from`, skipping quoted strings. */
function findActionEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === '"' || c === '`') {
      const close = text.indexOf(c, i + 1);
      if (close === -1) return -1;
      i = close + 1;
      continue;
    }
    if (c === '}' && text[i + 1] === '}') return i + 2;
    i++;
  }
  return -1;
}

/** The last non-blank line before `lineStart`, in the text masked so far. */
function previousContentLine(chars: readonly string[], lineStart: number): string {
  let end = lineStart - 1;
  while (end > 0) {
    let start = end - 1;
    while (start >= 0 && chars[start] !== '\n') start--;
    const line = chars.slice(start + 1, end).join('');
    if (line.trim() !== '') return line;
    end = start;
  }
  return '';
}

function nextLineMoreIndented(text: string, lineStart: number, lineEnd: number): boolean {
  const indent = (line: string): number => line.length - line.trimStart().length;
  const current = indent(text.slice(lineStart, lineEnd));
  let at = lineEnd + 1;
  while (at < text.length) {
    const e = text.indexOf('\n', at);
    const line = text.slice(at, e === -1 ? text.length : e).replace(/\r$/, '');
    if (line.trim() !== '' && !line.trim().startsWith('{{')) return indent(line) > current;
    if (e === -1) break;
    at = e + 1;
  }
  return false;
}


/**
 * Returns the chunk-relative offset of the first Go / Helm template action (`{{ … }}`) that is part of
 * the YAML structure, or undefined. Actions inside block scalars and quoted scalars are data (e.g. a
 * ConfigMap that ships templates), and actions in comments are ignored.
 */
export function findTemplateAction(text: string, yaml: Document.Parsed | undefined): number | undefined {
  let index = text.indexOf('{{');
  if (index === -1) return undefined;
  const dataSpans = yaml ? stringSpans(yaml) : [];
  while (index !== -1) {
    const lineStart = text.lastIndexOf('\n', index) + 1;
    const before = text.slice(lineStart, index);
    const commented = /(^|\s)#/.test(before);
    if (!commented && !dataSpans.some(([s, e]) => index >= s && index < e)) return index;
    index = text.indexOf('{{', index + 2);
  }
  return undefined;
}

function stringSpans(yaml: Document.Parsed): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  visit(yaml, {
    Scalar(_key, node) {
      if (!isScalar(node) || !node.range) return;
      if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED' || node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') {
        spans.push([node.range[0], node.range[1]]);
      }
    },
  });
  return spans;
}
