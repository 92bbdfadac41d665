import type { Script, Word } from './ast';

/** Reading one shell word (quotes, escapes, `$(…)`, `${…}`, `$((…))`, backticks) for the tokenizer. */
export type SubParser = (text: string, depth: number) => Script;

export const META = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>']);
const MAX_DEPTH = 8;

/** The index just after the `)` matching the `(` before `from` (quotes and nesting respected). */
export function findClose(text: string, from: number, open = '(', close = ')'): number {
  let depth = 1;
  let i = from;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === "'") {
      const q = text.indexOf("'", i + 1);
      i = q < 0 ? text.length : q + 1;
      continue;
    }
    if (c === '"') {
      i = skipDouble(text, i + 1);
      continue;
    }
    if (c === '`') {
      const q = text.indexOf('`', i + 1);
      i = q < 0 ? text.length : q + 1;
      continue;
    }
    if (c === open) depth++;
    else if (c === close) {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return text.length;
}

/** Index just after the closing `"` of a double-quoted string whose content starts at `from`. */
function skipDouble(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === '"') return i + 1;
    else if (c === '$' && text[i + 1] === '(') i = findClose(text, i + 2);
    else if (c === '`') {
      const q = text.indexOf('`', i + 1);
      i = q < 0 ? text.length : q + 1;
    } else i++;
  }
  return text.length;
}

const ANSI_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', e: '\x1b', '0': '\0' };

interface WordBuilder {
  value: string;
  quoted: boolean;
  expands: boolean;
  subs: Script[];
}

export function readWord(text: string, start: number, parseSub: SubParser, depth: number): { word: Word; end: number } {
  const b: WordBuilder = { value: '', quoted: false, expands: false, subs: [] };
  let i = start;
  // A process substitution `<(…)` / `>(…)` is one word.
  if ((text[i] === '<' || text[i] === '>') && text[i + 1] === '(') {
    const end = findClose(text, i + 2);
    const body = text.slice(i + 2, end - 1);
    if (depth < MAX_DEPTH) b.subs.push(parseSub(body, depth + 1));
    b.value = text.slice(i, end);
    b.expands = true;
    i = end;
  }
  while (i < text.length) {
    const c = text[i] as string;
    if (META.has(c) || c === '\r') break;
    if (c === '\\') {
      if (text[i + 1] === '\n') i += 2;
      else {
        b.value += text[i + 1] ?? '';
        b.quoted = true;
        i += 2;
      }
      continue;
    }
    if (c === "'") {
      const q = text.indexOf("'", i + 1);
      const end = q < 0 ? text.length : q;
      b.value += text.slice(i + 1, end);
      b.quoted = true;
      i = end + 1;
      continue;
    }
    if (c === '$' && text[i + 1] === "'") {
      i = readAnsiC(text, i + 2, b);
      continue;
    }
    if (c === '"') {
      b.quoted = true;
      i = readDoubleQuoted(text, i + 1, b, parseSub, depth);
      continue;
    }
    if (c === '$' || c === '`') {
      i = readExpansion(text, i, b, parseSub, depth);
      continue;
    }
    b.value += c;
    i++;
  }
  const end = Math.min(i, text.length);
  return { word: { raw: text.slice(start, end), value: b.value, quoted: b.quoted, expands: b.expands, substitutions: b.subs, start, end }, end };
}

function readAnsiC(text: string, from: number, b: WordBuilder): number {
  let i = from;
  b.quoted = true;
  while (i < text.length && text[i] !== "'") {
    if (text[i] === '\\' && i + 1 < text.length) {
      const e = text[i + 1] as string;
      b.value += ANSI_ESCAPES[e] ?? e;
      i += 2;
    } else {
      b.value += text[i];
      i++;
    }
  }
  return i + 1;
}

function readDoubleQuoted(text: string, from: number, b: WordBuilder, parseSub: SubParser, depth: number): number {
  let i = from;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"') return i + 1;
    if (c === '\\') {
      const e = text[i + 1];
      if (e === '\n') i += 2;
      else if (e === '"' || e === '\\' || e === '$' || e === '`') {
        b.value += e;
        i += 2;
      } else {
        b.value += c;
        i++;
      }
      continue;
    }
    if (c === '$' || c === '`') {
      i = readExpansion(text, i, b, parseSub, depth);
      continue;
    }
    b.value += c;
    i++;
  }
  return i;
}

/** `$name`, `${…}`, `$(…)`, `$((…))`, `$[…]`, backticks: kept as written in the value. */
function readExpansion(text: string, i: number, b: WordBuilder, parseSub: SubParser, depth: number): number {
  const c = text[i];
  let end: number;
  if (c === '`') {
    let j = i + 1;
    while (j < text.length && text[j] !== '`') j += text[j] === '\\' ? 2 : 1;
    end = Math.min(j + 1, text.length);
    if (depth < MAX_DEPTH) b.subs.push(parseSub(text.slice(i + 1, Math.min(j, text.length)).replace(/\\([`$\\])/g, '$1'), depth + 1));
  } else if (text.startsWith('$((', i)) {
    end = findClose(text, i + 2);
    if (text[end] === ')') end++;
  } else if (text[i + 1] === '(') {
    end = findClose(text, i + 2);
    if (depth < MAX_DEPTH) b.subs.push(parseSub(text.slice(i + 2, end - 1), depth + 1));
  } else if (text[i + 1] === '{') {
    end = findClose(text, i + 2, '{', '}');
  } else if (text[i + 1] === '[') {
    end = findClose(text, i + 2, '[', ']');
  } else {
    const m = /^\$(?:[A-Za-z_][A-Za-z0-9_]*|[0-9#?$!*@-])/.exec(text.slice(i, i + 256));
    end = i + (m ? m[0].length : 1);
    if (!m) {
      b.value += '$';
      return end;
    }
  }
  b.value += text.slice(i, end);
  b.expands = true;
  return end;
}
