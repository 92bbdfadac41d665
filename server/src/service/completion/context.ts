import { isPair, isScalar, isSeq, visit } from 'yaml';
import type { Node, YAMLSeq } from 'yaml';
import type { ManifestDocument } from '../model/types';
import type { ParsedFile } from '../parsedFile';
import { documentAt } from '../edits/locate';

/** One level above the cursor: a mapping key, or an item of a block sequence. */
export type Step = { readonly kind: 'key'; readonly key: string; readonly col: number } | { readonly kind: 'item'; readonly col: number };

/** Where the cursor is, as far as completion cares. */
export interface CursorContext {
  /**
   * `key`: typing a key of a block mapping at `col`; `value`: after `key: `; `item`: at a new item of a
   * block sequence (after `- `, or on an empty line at the items' column); `flowItem`: in a flow
   * sequence, between items.
   */
  readonly mode: 'key' | 'value' | 'item' | 'flowItem';
  /** Ancestors from the root: keys and sequence items (the last one holds the cursor's node). */
  readonly path: readonly Step[];
  /** The key whose value is typed (mode `value`). */
  readonly key?: string;
  /** Column of the key typed (mode `key`) or of the item's dash (mode `item`). */
  readonly col: number;
  /** Absolute range the completion replaces: the word typed so far (with the dash for `item`). */
  readonly replaceStart: number;
  readonly replaceEnd: number;
  /** What is typed in the replace range. */
  readonly typed: string;
  /** True when the current line has a `- ` before the cursor (the key typed is the first of a new item). */
  readonly afterDash: boolean;
  readonly document: ManifestDocument | undefined;
}

interface LineEntry {
  readonly kind: 'dash' | 'key';
  readonly col: number;
  readonly key?: string;
  /** For keys: whether a value follows on the same line. */
  readonly inline?: boolean;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#:'"{[\]},][^:#]*?)[ \t]*:(?:[ \t]+(.*))?$/;

/** The dashes and the key of a block line (`  - - name: x` → dash 2, dash 4, key `name` at 6). */
export function lineEntries(line: string): { entries: LineEntry[]; blank: boolean } {
  const content = line.replace(/(^|\s)#.*$/, '');
  if (content.trim() === '') return { entries: [], blank: true };
  const entries: LineEntry[] = [];
  let i = 0;
  while (i < content.length && content[i] === ' ') i++;
  for (;;) {
    if (content[i] === '-' && (i + 1 === content.length || content[i + 1] === ' ' || content[i + 1] === '\t')) {
      entries.push({ kind: 'dash', col: i });
      i++;
      while (i < content.length && (content[i] === ' ' || content[i] === '\t')) i++;
      continue;
    }
    break;
  }
  const m = KEY.exec(content.slice(i).trimEnd());
  if (m) entries.push({ kind: 'key', col: i, key: unquote(m[1] as string), inline: (m[2] ?? '').trim() !== '' });
  return { entries, blank: false };
}

function unquote(key: string): string {
  if (key.startsWith('"')) {
    try {
      return JSON.parse(key) as string;
    } catch {
      return key.slice(1, -1);
    }
  }
  if (key.startsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key.trim();
}

/**
 * The ancestors of a node that starts at column `col` on line `lineIndex`, found by indentation: a key
 * left of it is its parent mapping's key, a dash left of it a sequence item; a key at the same column
 * holds a sequence whose dashes are not indented (`key:\n- item`).
 */
export function ancestors(lines: readonly string[], lineIndex: number, col: number, startsAsItem: boolean, chunkStartLine: number): Step[] {
  const out: Step[] = [];
  let target = col;
  let topIsItem = startsAsItem;
  for (let i = lineIndex - 1; i >= chunkStartLine && target > -1; i--) {
    const { entries, blank } = lineEntries(lines[i] as string);
    if (blank) continue;
    for (let k = entries.length - 1; k >= 0; k--) {
      const e = entries[k] as LineEntry;
      if (e.col < target || (e.kind === 'key' && e.col === target && topIsItem && !e.inline)) {
        out.push(e.kind === 'key' ? { kind: 'key', key: e.key as string, col: e.col } : { kind: 'item', col: e.col });
        target = e.col;
        topIsItem = e.kind === 'dash';
        if (e.kind === 'key' && e.col === 0) target = -1;
      }
    }
  }
  return out.reverse();
}

/** The cursor context at an absolute offset. */
export function cursorContext(file: ParsedFile, offset: number): CursorContext | undefined {
  const text = file.text;
  const document = documentAt(file.manifest, offset);
  const flow = document ? flowContext(file, document, offset) : undefined;
  if (flow) return flow;
  const position = file.lines.positionAt(offset);
  const lineStart = file.lines.lineStart(position.line);
  const prefix = text.slice(lineStart, offset);
  // Lines as LineIndex (and LSP) count them: a lone \r breaks a line too (found by the fuzzer).
  const lines = text.split(/\r\n|\r|\n/);
  const chunkStartLine = document ? file.lines.positionAt(document.source.offset).line : 0;
  // `  - - name: va|` / `    image|` / `  - |`
  // `s`: the prefix may hold U+2028/U+2029, which `.` does not match otherwise (found by the fuzzer).
  const m = /^([ \t]*)((?:-[ \t]+)*)(-?)(.*)$/s.exec(prefix) as RegExpExecArray;
  const indent = (m[1] as string).length;
  const dashes = (m[2] as string) + (m[3] as string);
  const rest = m[4] as string;
  const dashCols: number[] = [];
  for (let i = 0; i < dashes.length; i++) if (dashes[i] === '-') dashCols.push(indent + i);
  const afterDash = dashCols.length > 0;
  const wordCol = indent + dashes.length;
  const valueMatch = /^("(?:[^"\\]|\\.)*"|'[^']*'|[^\s#:'"{[][^:#]*?)[ \t]*:[ \t]+(.*)$/.exec(rest);
  if (valueMatch) {
    const key = unquote(valueMatch[1] as string);
    const typed = (valueMatch[2] as string).replace(/^["']/, '');
    const path = [...ancestors(lines, position.line, afterDash ? (dashCols.at(-1) as number) : wordCol, afterDash, chunkStartLine), ...dashCols.map((col): Step => ({ kind: 'item', col }))];
    return { mode: 'value', path, key, col: wordCol, replaceStart: offset - typed.length, replaceEnd: offset, typed, afterDash, document };
  }
  if (/[:{}[\],#"']/.test(rest)) return undefined;
  if (afterDash) {
    const dash = dashCols.at(-1) as number;
    const path = [...ancestors(lines, position.line, dash, true, chunkStartLine), ...dashCols.slice(0, -1).map((col): Step => ({ kind: 'item', col }))];
    const replaceStart = lineStart + dash;
    return { mode: 'item', path, col: dash, replaceStart, replaceEnd: offset, typed: text.slice(replaceStart, offset), afterDash, document };
  }
  // An empty or partly typed line: a key of the mapping at this column, or a new item of a block
  // sequence whose dashes are at this column.
  const above = previousEntryAt(lines, position.line, wordCol, chunkStartLine);
  if (above === 'dash') {
    const path = ancestors(lines, position.line, wordCol, true, chunkStartLine);
    return { mode: 'item', path, col: wordCol, replaceStart: offset - rest.length, replaceEnd: offset, typed: rest, afterDash, document };
  }
  const path = ancestors(lines, position.line, wordCol, false, chunkStartLine);
  return { mode: 'key', path, col: wordCol, replaceStart: offset - rest.length, replaceEnd: offset, typed: rest, afterDash, document };
}

/** What the nearest non-blank line above starts with at `col`: a dash, a key, or nothing there. */
function previousEntryAt(lines: readonly string[], lineIndex: number, col: number, chunkStartLine: number): 'dash' | 'key' | undefined {
  for (let i = lineIndex - 1; i >= chunkStartLine; i--) {
    const { entries, blank } = lineEntries(lines[i] as string);
    if (blank) continue;
    const at = entries.find((e) => e.col === col);
    if (at) return at.kind;
    if (entries.some((e) => e.col < col)) return undefined;
  }
  return undefined;
}

/** In a flow sequence (`initContainers: [{…}, |]`): the keys above it and the insertion point. */
function flowContext(file: ParsedFile, document: ManifestDocument, offset: number): CursorContext | undefined {
  const yaml = document.source.yaml;
  if (!yaml) return undefined;
  const at = offset - document.source.offset;
  let found: { seq: YAMLSeq; path: Step[] } | undefined;
  visit(yaml, {
    Seq(_k, seq, path) {
      if (!seq.flow || !seq.range || at <= seq.range[0] || at >= seq.range[1]) return;
      const inItem = seq.items.some((i) => {
        const n = i as Node | null;
        return n?.range ? at > n.range[0] && at < n.range[1] : false;
      });
      if (inItem) return;
      const steps: Step[] = [];
      for (const p of path) {
        if (isPair(p) && isScalar(p.key)) steps.push({ kind: 'key', key: String(p.key.value), col: -1 });
        else if (isSeq(p)) steps.push({ kind: 'item', col: -1 });
      }
      found = { seq, path: steps };
    },
  });
  if (!found) return undefined;
  const text = file.text;
  let start = offset;
  while (start > 0 && /[\w-]/.test(text[start - 1] as string)) start--;
  return { mode: 'flowItem', path: found.path, col: -1, replaceStart: start, replaceEnd: offset, typed: text.slice(start, offset), afterDash: false, document };
}

/** The keys of a path, without the sequence items: `spec.template.spec.initContainers`. */
export function keyPath(path: readonly Step[]): string[] {
  return path.filter((s): s is Extract<Step, { kind: 'key' }> => s.kind === 'key').map((s) => s.key);
}
