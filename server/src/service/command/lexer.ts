import type { Word } from './ast';
import { META, readWord } from './lexWord';
import type { SubParser } from './lexWord';

export type { SubParser };

/**
 * A tolerant shell tokenizer: words (with quoting, escapes, `$(…)`, `${…}`, `$((…))`, backticks),
 * operators, newlines, `((…))` arithmetic, comments and here-documents (skipped). It never throws:
 * an unterminated quote or substitution runs to the end of the text.
 */
export type Token =
  | { readonly kind: 'word'; readonly word: Word }
  | { readonly kind: 'op'; readonly op: string; readonly start: number; readonly end: number }
  | { readonly kind: 'arith'; readonly expr: string; readonly start: number; readonly end: number }
  | { readonly kind: 'newline'; readonly start: number };

const OPERATORS = ['&&', '||', ';;&', ';;', ';&', '|&', '&>>', '&>', '>>', '>|', '>&', '<<<', '<<-', '<<', '<&', '<>', '|', '&', ';', '(', ')', '<', '>'];

export function tokenize(text: string, parseSub: SubParser, depth = 0): Token[] {
  const tokens: Token[] = [];
  const heredocs: Array<{ delimiter: string; stripTabs: boolean }> = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      i++;
      continue;
    }
    if (ch === '\\' && text[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (ch === '\n') {
      tokens.push({ kind: 'newline', start: i });
      i++;
      if (heredocs.length > 0) i = skipHeredocs(text, i, heredocs.splice(0));
      continue;
    }
    if (ch === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (ch === '(' && text[i + 1] === '(') {
      const close = findArithClose(text, i + 2);
      if (close >= 0) {
        tokens.push({ kind: 'arith', expr: text.slice(i + 2, close), start: i, end: close + 2 });
        i = close + 2;
        continue;
      }
    }
    if ((ch === '<' || ch === '>') && text[i + 1] === '(') {
      const w = readWord(text, i, parseSub, depth);
      tokens.push({ kind: 'word', word: w.word });
      i = w.end;
      continue;
    }
    const op = META.has(ch) ? OPERATORS.find((o) => text.startsWith(o, i)) : undefined;
    if (op) {
      tokens.push({ kind: 'op', op, start: i, end: i + op.length });
      i += op.length;
      if (op === '<<' || op === '<<-') {
        const target = readHeredocTarget(text, i, parseSub, depth);
        if (target) {
          tokens.push({ kind: 'word', word: target.word });
          heredocs.push({ delimiter: target.word.value, stripTabs: op === '<<-' });
          i = target.end;
        }
      }
      continue;
    }
    const w = readWord(text, i, parseSub, depth);
    // `2>file`, `2>&1`: a number directly before a redirection is its file descriptor.
    const next = text[w.end];
    if (/^\d+$/.test(w.word.raw) && (next === '<' || next === '>')) {
      const redir = OPERATORS.find((o) => text.startsWith(o, w.end) && /[<>]/.test(o[0] as string));
      if (redir) {
        tokens.push({ kind: 'op', op: w.word.raw + redir, start: i, end: w.end + redir.length });
        i = w.end + redir.length;
        continue;
      }
    }
    tokens.push({ kind: 'word', word: w.word });
    i = w.end > i ? w.end : i + 1;
  }
  return tokens;
}

function readHeredocTarget(text: string, start: number, parseSub: SubParser, depth: number): { word: Word; end: number } | undefined {
  let i = start;
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (i >= text.length || META.has(text[i] as string)) return undefined;
  return readWord(text, i, parseSub, depth);
}

function skipHeredocs(text: string, start: number, pending: Array<{ delimiter: string; stripTabs: boolean }>): number {
  let i = start;
  for (const h of pending) {
    while (i < text.length) {
      const eol = text.indexOf('\n', i);
      const lineEnd = eol < 0 ? text.length : eol;
      let line = text.slice(i, lineEnd).replace(/\r$/, '');
      if (h.stripTabs) line = line.replace(/^\t+/, '');
      i = eol < 0 ? text.length : eol + 1;
      if (line === h.delimiter) break;
    }
  }
  return i;
}

/** Index of the `))` closing an arithmetic expression that starts at `from`, or -1. */
function findArithClose(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' && depth === 0) return -1;
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return text[i + 1] === ')' ? i : -1;
      depth--;
    }
  }
  return -1;
}

