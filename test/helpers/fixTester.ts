import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/service/index';
import type { ParsedFile, Settings } from '../../server/src/service/index';
import type { Rule } from '../../server/src/rules/types';
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

const errorCounts = (ds: readonly Diagnostic[]): Map<string, number> => {
  const m = new Map<string, number>();
  for (const d of ds) if (d.severity === 1) m.set(String(d.code), (m.get(String(d.code)) ?? 0) + 1);
  return m;
};

/**
 * The apply-and-recheck property: the result parses, the fixed diagnostic is gone (one fewer of its
 * rule, none with its message) and no rule reports more errors than before.
 */
export function checkFixResult(before: readonly Diagnostic[], fixed: Diagnostic, after: readonly Diagnostic[], where: string): void {
  const syntax = after.filter((d) => d.code === 'yaml-syntax');
  assert.deepEqual(syntax.map((d) => d.message), [], `${where}: the result parses`);
  const rule = String(fixed.code);
  const countBefore = before.filter((d) => d.code === rule).length;
  const afterSame = after.filter((d) => d.code === rule);
  assert.ok(afterSame.length < countBefore, `${where}: one fewer ${rule} (before ${countBefore}, after ${afterSame.length})`);
  assert.ok(!afterSame.some((d) => d.message === fixed.message), `${where}: the fixed diagnostic is gone: ${fixed.message}`);
  const b = errorCounts(before);
  for (const [code, n] of errorCounts(after)) {
    assert.ok(n <= (b.get(code) ?? 0), `${where}: no new ${code} error (${b.get(code) ?? 0} → ${n}): ${after.filter((d) => d.code === code).map((d) => d.message).join(' | ')}`);
  }
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
        assert.deepEqual(
          actions.map((a) => a.title),
          c.fixes.map((f) => actions.find((a) => a.title.includes(f.title))?.title ?? `<missing: ${f.title}>`),
          'offered fixes',
        );
        c.fixes.forEach((f, i) => {
          const a = actions[i] as CodeAction;
          const out = applyTextEdits(text, editsOf(a));
          assert.equal(out, f.output, `result of "${a.title}"`);
          if (f.preferred !== undefined) assert.equal(a.isPreferred === true, f.preferred, `preferred: ${a.title}`);
          checkFixResult(diagnostics, target, validate(out, settings).diagnostics, a.title);
        });
      });
    }
  });
}
