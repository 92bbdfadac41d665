import { Parser, Composer, isDocument } from 'yaml';
import type { Document } from 'yaml';
import type { Span } from './nav';
import { findTemplateAction, maskTemplates } from './templateMask';
import { chunkNotice, fileNotice, stackNotice, treeNotice } from './limits';
import type { LimitNotice } from './limits';
import { indexDocument } from './treeIndex';

/** One YAML document of a file. Every offset inside `yaml` is relative to `offset`. */
export interface YamlDocument {
  /** Position of this document among the file's chunks (0-based, counts empty chunks too). */
  readonly chunkIndex: number;
  /** Absolute offset of the chunk's first character in the file text. */
  readonly offset: number;
  /** The chunk's text (from its `---` marker, or the file start, to the next marker). */
  readonly text: string;
  /** The parsed document, or undefined for a chunk holding only comments, directives or blanks. */
  readonly yaml: Document.Parsed | undefined;
  /** Syntax errors, offsets relative to the chunk. */
  readonly errors: readonly YamlSyntaxError[];
  /** Set when the chunk is a Go / Helm template: `yaml` is then the parse of the masked text (or undefined). */
  readonly template?: TemplateInfo;
  /** Set when the chunk (or the whole file) is not analysed because of a limit (parse/limits.ts): `yaml` is undefined. */
  readonly declined?: LimitNotice;
}

export interface TemplateInfo {
  /** Chunk-relative offset of the first template action in the YAML structure. */
  readonly at: number;
  /** The masked actions (chunk-relative). */
  readonly masks: readonly Span[];
  /** Some action stands on a line of its own (`{{- if … }}`): the document's structure depends on values. */
  readonly blockActions: boolean;
  /** Whether the masked text parsed cleanly, so that its plain parts can be analysed. */
  readonly analysable: boolean;
}

export interface YamlSyntaxError {
  readonly code: string;
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

export interface YamlFile {
  readonly text: string;
  readonly documents: readonly YamlDocument[];
}

/**
 * Splits the text into chunks at document markers (`---` at column 0) so that each chunk can be
 * parsed, cached and reused on its own. A `---` inside a block scalar is always indented, and
 * document markers are not allowed inside flow collections or quoted scalars, so column-0
 * markers are exactly the document boundaries the `yaml` package sees.
 */
export function splitChunks(text: string): number[] {
  const starts = [0];
  let index = text.indexOf('\n---');
  while (index !== -1) {
    const lineStart = index + 1;
    if (isMarkerEnd(text, lineStart + 3)) starts.push(lineStart);
    index = text.indexOf('\n---', lineStart);
  }
  return starts;
}

function isMarkerEnd(text: string, at: number): boolean {
  if (at >= text.length) return true;
  const c = text.charCodeAt(at);
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

export function parseChunk(text: string, offset: number, chunkIndex: number): YamlDocument {
  // Never let the parser see a document so large it blocks for seconds, or so deep (it recurses once per
  // level) that it exhausts the stack.
  const notice = chunkNotice(text);
  if (notice) return { chunkIndex, offset, text, yaml: undefined, errors: [], declined: notice };
  const plain = parseText(text, offset, chunkIndex, true);
  if (plain.declined || !text.includes('{{')) return plain;
  const at = findTemplateAction(text, plain.yaml);
  if (at === undefined) return plain;
  // A template: parse it with its actions masked (if/else branches may repeat keys, so duplicates are allowed).
  const masked = maskTemplates(text);
  const parsed = parseText(masked.text, offset, chunkIndex, false);
  if (parsed.declined) return { ...parsed, text };
  const analysable = parsed.errors.length === 0 && parsed.yaml !== undefined;
  return {
    chunkIndex,
    offset,
    text,
    yaml: analysable ? parsed.yaml : undefined,
    errors: [],
    template: { at, masks: masked.masks, blockActions: masked.blockActions, analysable },
  };
}

function parseText(text: string, offset: number, chunkIndex: number, uniqueKeys: boolean): YamlDocument {
  const parser = new Parser();
  // Duplicate keys are found by indexDocument: the package's own check is quadratic in a mapping's size.
  const composer = new Composer({ merge: true, uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });
  const docs: Document.Parsed[] = [];
  const strayErrors: YamlSyntaxError[] = [];
  // The parser reports problems as YAMLError objects (thousands for a Helm template read as plain YAML):
  // do not let V8 capture a stack trace for each of them.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    for (const doc of composer.compose(parser.parse(text), true, text.length)) {
      if (isDocument(doc)) docs.push(doc as Document.Parsed);
    }
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  const first = docs[0];
  const errors: YamlSyntaxError[] = [];
  for (const doc of docs) {
    for (const e of doc.errors) {
      errors.push({ code: e.code, message: cleanMessage(e.message), start: e.pos[0], end: Math.max(e.pos[1], e.pos[0]) });
    }
  }
  if (docs.length > 1) {
    // A chunk only ever holds one document unless a marker we did not split on (e.g. `...` followed by
    // content) starts another; keep the first and flag the rest rather than losing offsets.
    for (const extra of docs.slice(1)) {
      if (extra.contents !== null) {
        const r = extra.range;
        strayErrors.push({ code: 'UNEXPECTED_DOCUMENT', message: 'Content after the document end marker `...` must start with `---`.', start: r[0], end: r[1] });
      }
    }
  }
  const overflow = stackNotice(errors);
  if (overflow) return { chunkIndex, offset, text, yaml: undefined, errors: [], declined: overflow };
  if (first) {
    const index = indexDocument(first);
    const notice = treeNotice(index);
    if (notice) return { chunkIndex, offset, text, yaml: undefined, errors: [], declined: notice };
    if (uniqueKeys && index.duplicateKeys.length > 0) {
      for (const d of index.duplicateKeys) errors.push({ code: 'DUPLICATE_KEY', message: 'Map keys must be unique', start: d.start, end: d.end });
      errors.sort((a, b) => a.start - b.start);
    }
  }
  const isEmpty = first === undefined || (first.contents === null && first.errors.length === 0);
  return {
    chunkIndex,
    offset,
    text,
    yaml: isEmpty ? undefined : first,
    errors: [...errors, ...strayErrors],
  };
}

function cleanMessage(message: string): string {
  // The yaml package appends "at line X, column Y" and a code frame when prettyErrors is on; it is off,
  // but keep the first line only in case a message spans several.
  return message.split('\n')[0] ?? message;
}

/** Parses a whole file. */
export function parseYamlFile(text: string): YamlFile {
  return reparseYamlFile(undefined, text);
}

/**
 * Parses `text`, reusing every chunk of `previous` whose text is unchanged (its offset is updated;
 * the parsed document is shared because all its offsets are chunk-relative).
 */
export function reparseYamlFile(previous: YamlFile | undefined, text: string): YamlFile {
  const steps = reparseYamlFileSteps(previous, text);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** The same as reparseYamlFile, yielding after each chunk it had to parse (to spread a large file over several turns). */
export function* reparseYamlFileSteps(previous: YamlFile | undefined, text: string): Generator<void, YamlFile, void> {
  const starts = splitChunks(text);
  const notice = fileNotice(text, starts.length);
  if (notice) return { text, documents: [{ chunkIndex: 0, offset: 0, text, yaml: undefined, errors: [], declined: notice }] };
  const reuse = new Map<string, YamlDocument[]>();
  if (previous) {
    for (const d of previous.documents) {
      const list = reuse.get(d.text);
      if (list) list.push(d);
      else reuse.set(d.text, [d]);
    }
  }
  const documents: YamlDocument[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i] as number;
    const end = i + 1 < starts.length ? (starts[i + 1] as number) : text.length;
    const chunk = text.slice(start, end);
    const cached = reuse.get(chunk)?.shift();
    if (cached) {
      documents.push(cached.offset === start && cached.chunkIndex === i ? cached : { ...cached, offset: start, chunkIndex: i });
    } else {
      documents.push(parseChunk(chunk, start, i));
      yield;
    }
  }
  return { text, documents };
}
