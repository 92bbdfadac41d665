// The properties every input must satisfy, checked through the pure service facade: no exception
// escapes (and no rule throws), each input finishes within a time bound, every range lies inside the
// document with start ≤ end, results are deterministic, a whole parse and an incremental one give the
// same diagnostics, and every quick fix or rename applies cleanly (non-overlapping edits inside the
// document, no new YAML syntax errors).
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/service/index';
import type { ParsedFile } from '../../server/src/service/index';
import { unresolvedAliases } from '../../server/src/service/parse/treeIndex';

export const URI = 'file:///fuzz/manifest.yaml';

const ruleErrors: string[] = [];
export const service = getLanguageService({
  onRuleError: (ruleId, error) => ruleErrors.push(`rule ${ruleId} threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
});

export interface CheckOptions {
  /** The previous version of the text: it is parsed first and `text` is parsed incrementally from it. */
  readonly previous?: string;
  /** Positions probed with hover, completion, navigation and rename. */
  readonly positions: number;
  /** Diagnostics whose code actions are computed and applied. */
  readonly codeActions: number;
  /** Resolve one deferred "fix all" action too (re-validates the file several times). */
  readonly fixAll: boolean;
  /** Wall-clock bound for the whole check of this input. */
  readonly timeBudgetMs: number;
  readonly seed: number;
}

export interface CheckStats {
  diagnostics: number;
  actions: number;
  edits: number;
  requests: number;
}

/** Line lengths (without the line break) with the LSP's line breaks: \n, \r\n and a lone \r. */
export function lineLengths(text: string): number[] {
  const out: number[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) {
      out.push(i - start);
      if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      start = i + 1;
    }
  }
  out.push(text.length - start);
  return out;
}

function checkPosition(p: Position, lines: readonly number[], what: string): void {
  assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${what}: non-integer position ${JSON.stringify(p)}`);
  assert.ok(p.line >= 0 && p.line < lines.length, `${what}: line ${p.line} outside the document (${lines.length} lines)`);
  assert.ok(p.character >= 0 && p.character <= (lines[p.line] as number), `${what}: character ${p.character} past the end of line ${p.line} (length ${lines[p.line]})`);
}

export function checkRange(r: Range, lines: readonly number[], what: string): void {
  checkPosition(r.start, lines, what);
  checkPosition(r.end, lines, what);
  assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character), `${what}: start after end ${JSON.stringify(r)}`);
}

/** Absolute offset of a position (positions are valid: checked before). */
function offsetOf(text: string, p: Position): number {
  let line = 0;
  let i = 0;
  while (line < p.line && i < text.length) {
    const c = text.charCodeAt(i);
    i++;
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i) !== 0x0a)) line++;
  }
  return i + p.character;
}

/** Applies LSP edits: they must lie inside the document and not overlap. Returns the new text. */
export function applyTextEdits(text: string, edits: readonly TextEdit[], lines: readonly number[], what: string): string {
  const offs = edits.map((e) => {
    checkRange(e.range, lines, what);
    return { start: offsetOf(text, e.range.start), end: offsetOf(text, e.range.end), newText: e.newText };
  });
  offs.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < offs.length; i++) {
    const prev = offs[i - 1] as (typeof offs)[number];
    const cur = offs[i] as (typeof offs)[number];
    // Inserts at one position are allowed (LSP: they apply in array order; the sort is stable).
    assert.ok(prev.end <= cur.start, `${what}: overlapping edits ${JSON.stringify([prev, cur])}`);
  }
  let out = '';
  let at = 0;
  for (const e of offs) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

function syntaxBroken(file: ParsedFile): number {
  return file.yaml.documents.filter((d) => d.errors.length > 0 || (d.template !== undefined && !d.template.analysable)).length;
}

/** Aliases without an anchor before them: YAML still parses, but their data is gone. */
function danglingAliases(file: ParsedFile): number {
  return unresolvedAliases(file.yaml.documents);
}

function checkEdit(text: string, file: ParsedFile, edit: WorkspaceEdit | undefined | null, lines: readonly number[], what: string, stats: CheckStats): void {
  if (!edit) return;
  assert.equal(edit.documentChanges, undefined, `${what}: documentChanges are not used`);
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
    assert.equal(uri, URI, `${what}: edits another document`);
    const result = applyTextEdits(text, edits, lines, what);
    stats.edits++;
    const after = service.parse(result);
    assert.ok(syntaxBroken(after) <= syntaxBroken(file), `${what}: the result has new YAML syntax errors:\n${result}`);
    assert.ok(danglingAliases(after) <= danglingAliases(file), `${what}: the result has aliases whose anchor was removed:\n${result}`);
  }
}

function rng(seed: number): (n: number) => number {
  let state = seed >>> 0 || 1;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state >>> 8) % Math.max(1, n);
  };
}

function takeRuleErrors(): string[] {
  return ruleErrors.splice(0, ruleErrors.length);
}

/** Checks every property for one input; throws an AssertionError naming the broken one. */
export function checkText(text: string, options: CheckOptions): CheckStats {
  const started = performance.now();
  const stats: CheckStats = { diagnostics: 0, actions: 0, edits: 0, requests: 0 };
  const lines = lineLengths(text);
  const pick = rng(options.seed);
  takeRuleErrors();

  const file = service.parse(text);
  const diagnostics = service.doValidation(URI, file);
  stats.diagnostics = diagnostics.length;
  diagnostics.forEach((d, i) => {
    checkRange(d.range, lines, `diagnostic ${i} (${String(d.code)})`);
    for (const r of d.relatedInformation ?? []) checkRange(r.location.range, lines, `related information of ${String(d.code)}`);
  });

  // Deterministic: validating again, and validating a fresh parse, give the same diagnostics.
  assert.deepEqual(service.doValidation(URI, file), diagnostics, 'validating the same parse twice differs');
  const fresh = service.parse(text);
  assert.deepEqual(service.doValidation(URI, fresh), diagnostics, 'validating a second parse of the same text differs');

  // Incremental: the previous version parsed and validated first, then this text parsed from it.
  if (options.previous !== undefined) {
    const before = service.parse(options.previous);
    service.doValidation(URI, before);
    const incremental = service.parse(text, before);
    assert.deepEqual(service.doValidation(URI, incremental), diagnostics, 'incremental parse gives other diagnostics than a whole parse');
  }

  // Requests at random positions (and past the end).
  const positions: Position[] = [];
  for (let i = 0; i < options.positions; i++) {
    const line = pick(lines.length + (i === 0 ? 2 : 0));
    positions.push({ line, character: pick((lines[line] ?? 0) + 2) });
  }
  for (const p of positions) {
    stats.requests++;
    const hover = service.doHover(URI, file, p);
    if (hover?.range) checkRange(hover.range, lines, 'hover');
    const completion = service.doComplete(file, p);
    for (const item of completion.items) {
      const edit = item.textEdit;
      if (edit && 'range' in edit) checkRange(edit.range, lines, `completion ${item.label}`);
      if (edit && 'insert' in edit) {
        checkRange(edit.insert, lines, `completion ${item.label}`);
        checkRange(edit.replace, lines, `completion ${item.label}`);
      }
      for (const e of item.additionalTextEdits ?? []) checkRange(e.range, lines, `completion ${item.label} (additional edit)`);
    }
    for (const l of service.findDefinition(URI, file, p)) checkRange(l.range, lines, 'definition');
    for (const l of service.findReferences(URI, file, p, true)) checkRange(l.range, lines, 'references');
    for (const h of service.findDocumentHighlights(file, p)) checkRange(h.range, lines, 'highlight');
    const timeline = service.getStartupTimeline(URI, file, p);
    if (timeline) assert.doesNotThrow(() => JSON.stringify(timeline));
    const rename = service.prepareRename(file, p);
    if (rename) {
      checkRange(rename.range, lines, 'prepareRename');
      checkEdit(text, file, service.doRename(URI, file, p, `${rename.placeholder}-x`), lines, 'rename', stats);
    }
  }
  for (const h of service.getInlayHints(file)) checkPosition(h.position, lines, 'inlay hint');
  for (const l of service.getCodeLenses(URI, file)) checkRange(l.range, lines, 'code lens');
  const walk = (symbols: ReturnType<typeof service.getDocumentSymbols>): void => {
    for (const sym of symbols) {
      checkRange(sym.range, lines, `symbol ${sym.name}`);
      checkRange(sym.selectionRange, lines, `symbol ${sym.name}`);
      walk(sym.children ?? []);
    }
  };
  walk(service.getDocumentSymbols(file));

  // Code actions of some diagnostics: each applies cleanly.
  const withData = diagnostics.filter((d: Diagnostic) => d.data !== undefined);
  let deferred: CodeAction | undefined;
  for (let i = 0; i < Math.min(options.codeActions, withData.length); i++) {
    const d = withData[pick(withData.length)] as Diagnostic;
    const actions = service.doCodeActions(URI, file, d.range, { diagnostics: [d] }, undefined, undefined, { deferFixAll: true });
    for (const action of actions) {
      stats.actions++;
      if (!action.edit) {
        deferred ??= action;
        continue;
      }
      checkEdit(text, file, action.edit, lines, `code action "${action.title}" for ${String(d.code)}`, stats);
    }
  }
  if (options.fixAll && deferred) {
    const resolved = service.resolveCodeAction(deferred, URI, file);
    checkEdit(text, file, resolved.edit, lines, `resolved "${deferred.title}"`, stats);
  }

  const errors = takeRuleErrors();
  assert.deepEqual(errors, [], 'a rule threw');
  const elapsed = performance.now() - started;
  assert.ok(elapsed <= options.timeBudgetMs, `took ${Math.round(elapsed)} ms, more than ${options.timeBudgetMs} ms`);
  return stats;
}
