import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/service/index';
import type { ParsedFile, Settings } from '../../server/src/service/index';
import type { DiagnosticData, FixAction, OffsetEdit, Rule } from '../../server/src/rules/types';
import { fixesFor } from '../../server/src/service/codeActions';
import { newErrorCodes } from '../../server/src/service/fixAll';
import { movedRanges } from '../../server/src/service/edits/text';
import { applyEdits } from '../../server/src/service/edits/index';
import { LineIndex } from '../../server/src/service/parse/ranges';
import { stripMarkers } from './ruleTester';

export const service = getLanguageService({ onRuleError: (id, e) => { throw new Error(`rule ${id} threw: ${String(e)}`); } });
const URI = 'file:///fix.yaml';

/** Parses (reusing unchanged YAML documents of `previous`) and validates with every rule. */
export function validate(text: string, settings: Settings, previous?: ParsedFile): { file: ParsedFile; diagnostics: Diagnostic[] } {
  const file = service.parse(text, previous);
  return { file, diagnostics: service.doValidation(URI, file, settings) };
}

/** Applies LSP text edits to a text. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const offs = edits.map((e, i) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText, i }));
  offs.sort((a, b) => b.start - a.start || b.end - a.end || b.i - a.i);
  let out = text;
  for (const e of offs) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

export function editsOf(action: CodeAction): TextEdit[] {
  return Object.values(action.edit?.changes ?? {}).flat();
}

/** The quick fixes a rule offers for one diagnostic (not the fix-all and suppression actions). */
export function quickFixes(file: ParsedFile, diagnostic: Diagnostic, settings: Settings): CodeAction[] {
  return service
    .doCodeActions(URI, file, diagnostic.range, { diagnostics: [diagnostic], only: ['quickfix'] }, settings)
    .filter((a) => !a.title.startsWith('Fix all ') && !a.title.startsWith('Suppress ') && a.diagnostics?.includes(diagnostic));
}

/**
 * The apply-and-recheck property: the result parses, the fixed diagnostic is gone (one fewer of its
 * rule with its message) and no rule reports more errors than before.
 */
export function checkFixResult(
  before: readonly Diagnostic[],
  fixed: Diagnostic,
  edits: readonly OffsetEdit[],
  result: { readonly file: ParsedFile; readonly diagnostics: readonly Diagnostic[] },
  where: string,
): void {
  const after = result.diagnostics;
  const syntax = after.filter((d) => d.code === 'yaml-syntax');
  assert.deepEqual(syntax.map((d) => d.message), [], `${where}: the result parses`);
  // The fixed diagnostic is gone: fewer diagnostics of its rule with its exact message (another object
  // of the file may have an identical one, so "none left" would be wrong).
  const rule = String(fixed.code);
  const same = (d: Diagnostic): boolean => d.code === rule && d.message === fixed.message;
  const countBefore = before.filter(same).length;
  const countAfter = after.filter(same).length;
  assert.ok(countAfter < countBefore, `${where}: the fixed diagnostic is gone (${countBefore} → ${countAfter}): ${fixed.message}`);
  const added = newErrorCodes(before, after, result.file, movedRanges(edits));
  assert.deepEqual(added, [], `${where}: no new error: ${after.filter((d) => added.includes(String(d.code))).map((d) => d.message).join(' | ')}`);
}

export interface FixCase {
  readonly name: string;
  /** The input; `⟦…⟧` marks the text the diagnostic to fix covers (otherwise the rule's first diagnostic). */
  readonly yaml: string;
  readonly settings?: Record<string, unknown>;
  /** Every offered fix, in order: its title (or a part of it) and the whole resulting document. */
  readonly fixes: ReadonlyArray<{ readonly title: string; readonly output: string; readonly preferred?: boolean }>;
}

/** Table-driven quick-fix tests: whole-document expectations plus the apply-and-recheck property. */
export function runFixTests(rule: Rule, cases: readonly FixCase[]): void {
  describe(`fixes of ${rule.meta.id}`, () => {
    it('is marked fixable', () => assert.ok(rule.meta.fixable && typeof rule.fix === 'function'));
    for (const c of cases) {
      it(c.name, () => {
        const { text, spans } = stripMarkers(c.yaml);
        const settings = service.settings(c.settings ?? {});
        const { file, diagnostics } = validate(text, settings);
        const mine = diagnostics.filter((d) => d.code === rule.meta.id);
        const span = spans[0];
        const target = span
          ? mine.find((d) => file.lines.offsetAt(d.range.start) === span.start && file.lines.offsetAt(d.range.end) === span.end)
          : mine[0];
        assert.ok(target, `a ${rule.meta.id} diagnostic ${span ? `covering ${JSON.stringify(text.slice(span.start, span.end))}` : ''}; found ${JSON.stringify(mine.map((d) => d.range))}`);
        const actions = quickFixes(file, target, settings);
        const raw = fixesFor(rule, file, target, target.data as DiagnosticData, settings);
        assert.deepEqual(actions.map((a) => a.title), raw.map((a) => a.title), 'the service offers every fix of the rule');
        assert.deepEqual(
          actions.map((a) => a.title),
          c.fixes.map((f) => actions.find((a) => a.title.includes(f.title))?.title ?? `<missing: ${f.title}>`),
          'offered fixes',
        );
        c.fixes.forEach((f, i) => {
          const a = actions[i] as CodeAction;
          const out = applyEdits(text, (raw[i] as FixAction).edits);
          assert.equal(applyTextEdits(text, editsOf(a)), out, 'the LSP edits give the same text');
          assert.equal(out, f.output, `result of "${a.title}"`);
          if (f.preferred !== undefined) assert.equal(a.isPreferred === true, f.preferred, `preferred: ${a.title}`);
          checkFixResult(diagnostics, target, (raw[i] as FixAction).edits, validate(out, settings), a.title);
        });
      });
    }
  });
}
