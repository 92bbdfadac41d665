import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { OffsetEdit, Rule } from '../rules/types';
import type { CodeActionRequest } from './codeActions';
import { dataOf, fixesFor } from './codeActions';
import { applyEdits, editsOverlap, movedRanges } from './edits/text';
import type { ParsedFile } from './parsedFile';
import { parseFile } from './parsedFile';
import { unresolvedAliases } from './parse/treeIndex';
import { SYNTAX_CODE } from './validation';

const MAX_ROUNDS = 8;

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/**
 * The rules that report more errors in `after` than in `before`. Errors that start inside `moved`
 * (text a fix moved, e.g. misplaced init containers moved into the pod template and now checked) are
 * not counted: they are not new problems.
 */
export function newErrorCodes(before: readonly Diagnostic[], after: readonly Diagnostic[], afterFile: ParsedFile, moved: readonly TextRange[]): string[] {
  const inMoved = (d: Diagnostic): boolean => {
    const at = afterFile.lines.offsetAt(d.range.start);
    return moved.some((r) => at >= r.start && at < r.end);
  };
  const counts = (ds: readonly Diagnostic[], skipMoved: boolean): Map<string, number> => {
    const m = new Map<string, number>();
    for (const d of ds) {
      // Errors in moved text were there before, except YAML syntax errors: moving must never break the YAML.
      if (d.severity !== DiagnosticSeverity.Error || (skipMoved && d.code !== SYNTAX_CODE && inMoved(d))) continue;
      m.set(String(d.code), (m.get(String(d.code)) ?? 0) + 1);
    }
    return m;
  };
  const b = counts(before, false);
  return [...counts(after, true)].filter(([code, n]) => n > (b.get(code) ?? 0)).map(([code]) => code);
}

/** Ranges of a text mapped through edits applied to it (a range an edit overlaps grows or shrinks with it). */
export function shiftRanges(ranges: readonly TextRange[], edits: readonly OffsetEdit[]): TextRange[] {
  const map = (offset: number): number => {
    let shift = 0;
    for (const e of edits) {
      if (e.end <= offset) shift += e.newText.length - (e.end - e.start);
      else if (e.start < offset) shift += Math.max(0, e.start + e.newText.length - offset) - (offset - e.start);
    }
    return offset + shift;
  };
  return ranges.map((r) => ({ start: map(r.start), end: Math.max(map(r.start), map(r.end)) }));
}

export interface FixAllResult {
  /** One edit of the original text, from the first to the last changed character. */
  readonly edit: OffsetEdit;
  /** Where text moved by fixes ended up in the result. */
  readonly moved: readonly TextRange[];
  readonly text: string;
}

/**
 * Applies the preferred fix of every matching diagnostic: non-overlapping fixes per round, re-validating
 * between rounds (a round that would add an error is retried fix by fix, keeping only safe ones).
 */
export function fixAll(request: CodeActionRequest, matches: (d: Diagnostic) => boolean): FixAllResult | undefined {
  const original = request.file.text;
  let file = request.file;
  let current = request.validate(file);
  let moved: TextRange[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const candidates = preferredFixes(request, file, current.filter(matches));
    if (candidates.length === 0) break;
    const attempt = (edits: readonly OffsetEdit[]) => {
      const next = parseFile(applyEdits(file.text, edits), file);
      const diagnostics = request.validate(next);
      const nextMoved = [...shiftRanges(moved, edits), ...movedRanges(edits)];
      const orphans = unresolvedAliases(next.yaml.documents) > unresolvedAliases(file.yaml.documents);
      return { next, diagnostics, nextMoved, ok: !orphans && newErrorCodes(current, diagnostics, next, nextMoved).length === 0 };
    };
    let result = attempt(candidates.flat());
    if (!result.ok) {
      let accepted: OffsetEdit[] = [];
      let best: ReturnType<typeof attempt> | undefined;
      for (const c of candidates) {
        const trial = attempt([...accepted, ...c]);
        if (trial.ok) {
          accepted = [...accepted, ...c];
          best = trial;
        }
      }
      if (!best) break;
      result = best;
    }
    if (result.next.text === file.text) break;
    file = result.next;
    current = result.diagnostics;
    moved = result.nextMoved;
  }
  const edit = minimalEdit(original, file.text);
  return edit ? { edit, moved, text: file.text } : undefined;
}

/** The preferred fix of each diagnostic, skipping duplicates and fixes that overlap an earlier one. */
function preferredFixes(request: CodeActionRequest, file: ParsedFile, diagnostics: readonly Diagnostic[]): OffsetEdit[][] {
  const accepted: OffsetEdit[][] = [];
  const seen = new Set<string>();
  for (const d of diagnostics) {
    const data = dataOf(d, request.rules);
    if (!data) continue;
    const fixes = fixesFor(request.rules.get(data.ruleId) as Rule, file, d, data, request.settings);
    const fix = fixes.find((f) => f.isPreferred) ?? fixes[0];
    if (!fix) continue;
    const key = JSON.stringify(fix.edits);
    if (seen.has(key) || accepted.some((a) => editsOverlap(a, fix.edits))) continue;
    seen.add(key);
    accepted.push([...fix.edits]);
  }
  return accepted;
}

/** One edit turning `a` into `b` (common prefix and suffix kept). */
export function minimalEdit(a: string, b: string): OffsetEdit | undefined {
  if (a === b) return undefined;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  // Never start or end between the two characters of a \r\n pair (positions cannot point there).
  if (start > 0 && a[start - 1] === '\r' && a[start] === '\n') start--;
  if (endA > start && a[endA - 1] === '\r' && a[endA] === '\n') {
    endA++;
    endB++;
  }
  return { start, end: endA, newText: b.slice(start, endB) };
}
