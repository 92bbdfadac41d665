// Mutations of the corpus files: deleted, duplicated and swapped lines, truncation at many kinds of
// position, changed indentation, injected tabs, random characters (controls, lone surrogates, astral
// characters, YAML indicators) and NUL.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { FIXTURES } from '../helpers/fixtures';

export interface CorpusFile {
  readonly name: string;
  readonly text: string;
}

/** Every YAML file of test/fixtures/corpus. */
export function corpusFiles(): CorpusFile[] {
  const root = join(FIXTURES, 'corpus');
  const out: CorpusFile[] = [];
  for (const dir of readdirSync(root).sort()) {
    let names: string[];
    try {
      names = readdirSync(join(root, dir)).sort();
    } catch {
      continue;
    }
    for (const n of names) if (/\.ya?ml$/.test(n)) out.push({ name: `${dir}/${n}`, text: readFileSync(join(root, dir, n), 'utf8') });
  }
  return out;
}

export type Mutation =
  | { readonly op: 'deleteLine' | 'duplicateLine' | 'swapLines' | 'indent' | 'dedent' | 'tab' | 'swapIndent'; readonly at: number }
  | { readonly op: 'truncate'; readonly at: number; readonly where: 'anywhere' | 'lineStart' | 'afterColon' | 'afterDash' | 'afterMarker' | 'midKey' }
  | { readonly op: 'insert'; readonly at: number; readonly text: string }
  | { readonly op: 'replaceChar'; readonly at: number; readonly text: string };

const junk = fc.oneof(
  fc.constantFrom('\0', '\t', '\r', '\n', '\u0007', '\u007f', '\u0085', '\u2028', '\uFEFF', '\ud800', '\udfff', '😀', '𝔘', '\uFFFD', ':', ': ', '- ', '[', ']', '{', '}', '&a ', '*a', '!!str ', '|', '>', "'", '"', '#', '%', '@', '`', ',', '? ', '---\n', '...\n', '<<: *a\n', '{{ .Values.x }}', '\\'),
  fc.string({ unit: 'binary', maxLength: 4 }),
  fc.uint8Array({ maxLength: 6 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constantFrom('deleteLine', 'duplicateLine', 'swapLines', 'indent', 'dedent', 'tab', 'swapIndent'), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('truncate'), at: fc.nat(), where: fc.constantFrom('anywhere', 'lineStart', 'afterColon', 'afterDash', 'afterMarker', 'midKey') }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constantFrom('insert', 'replaceChar'), at: fc.nat(), text: junk }) },
) as fc.Arbitrary<Mutation>;

function lineSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    if (nl === -1) {
      if (start < text.length) spans.push([start, text.length]);
      return spans;
    }
    spans.push([start, nl + 1]);
    start = nl + 1;
  }
}

/** Positions of one class in the text (used to truncate there). */
function positionsOf(text: string, where: string): number[] {
  const out: number[] = [];
  const re = where === 'lineStart' ? /\n/g : where === 'afterColon' ? /: /g : where === 'afterDash' ? /- /g : where === 'afterMarker' ? /---/g : /\b[a-z][A-Za-z]{3,}:/g;
  for (let m = re.exec(text); m !== null && out.length < 10_000; m = re.exec(text)) {
    out.push(where === 'midKey' ? m.index + 2 : m.index + m[0].length);
  }
  return out;
}

export function applyMutation(text: string, m: Mutation): string {
  if (m.op === 'truncate') {
    if (m.where === 'anywhere') return text.slice(0, m.at % (text.length + 1));
    const ps = positionsOf(text, m.where);
    return ps.length ? text.slice(0, ps[m.at % ps.length]) : text.slice(0, m.at % (text.length + 1));
  }
  if (m.op === 'insert' || m.op === 'replaceChar') {
    const at = m.at % (text.length + 1);
    return text.slice(0, at) + m.text + text.slice(m.op === 'replaceChar' ? Math.min(text.length, at + 1) : at);
  }
  const lines = lineSpans(text);
  if (lines.length === 0) return text;
  const i = m.at % lines.length;
  const [a, b] = lines[i] as [number, number];
  const line = text.slice(a, b);
  const before = text.slice(0, a);
  const after = text.slice(b);
  switch (m.op) {
    case 'deleteLine':
      return before + after;
    case 'duplicateLine':
      return before + line + (line.endsWith('\n') ? '' : '\n') + line + after;
    case 'swapLines': {
      const j = (i + 1) % lines.length;
      if (j <= i) return text;
      const [c, d] = lines[j] as [number, number];
      const other = text.slice(c, d);
      return before + (other.endsWith('\n') ? other : `${other}\n`) + line.replace(/\n$/, '') + (d === text.length && !text.endsWith('\n') ? '' : '\n') + text.slice(d);
    }
    case 'indent':
      return `${before}  ${line}${after}`;
    case 'dedent':
      return before + line.replace(/^ {1,2}/, '') + after;
    case 'tab':
      return before + line.replace(/^( *)/, (sp) => (sp.length > 0 && m.at % 2 === 0 ? `${sp.slice(1)}\t` : `\t${sp}`)) + after;
    case 'swapIndent': {
      const j = i > 0 ? i - 1 : Math.min(lines.length - 1, i + 1);
      const [c, d] = lines[j] as [number, number];
      const indent = /^[ \t]*/.exec(text.slice(c, d))?.[0] ?? '';
      return before + indent + line.replace(/^[ \t]*/, '') + after;
    }
  }
}

/** A window of whole lines of a large file (so that a long run stays fast), starting at a line boundary. */
export function windowOf(text: string, startSeed: number, maxChars: number): string {
  if (text.length <= maxChars) return text;
  let start = startSeed % (text.length - maxChars);
  start = start === 0 ? 0 : text.indexOf('\n', start) + 1;
  let end = text.lastIndexOf('\n', start + maxChars);
  if (end <= start) end = start + maxChars;
  return text.slice(start, end + 1);
}

export interface MutatedCase {
  readonly file: string;
  /** The text before the mutations (the "previous version" for incremental parsing). */
  readonly original: string;
  readonly text: string;
}

/** A corpus file (or a window of it), with 1–4 mutations applied. */
export function mutatedCorpus(files: readonly CorpusFile[], maxChars: number): fc.Arbitrary<MutatedCase> {
  return fc.record({ file: fc.nat(files.length - 1), window: fc.nat(), mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }) }).map(({ file, window, mutations }) => {
    const f = files[file] as CorpusFile;
    const original = windowOf(f.text, window, maxChars);
    return { file: f.name, original, text: mutations.reduce(applyMutation, original) };
  });
}
