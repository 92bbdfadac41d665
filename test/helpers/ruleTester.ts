import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/service/index';
import type { Rule } from '../../server/src/rules/types';
import { normalizeSettings } from '../../server/src/service/settings';

/**
 * Table-driven rule tests. In `yaml`, mark each expected finding with `⟦…⟧` around the exact text the
 * diagnostic must cover (the markers are removed before analysis). Expected findings list the messageId
 * in marker order. `settings` takes the same shape as the client's `k8sInit` section.
 */
export interface ValidCase {
  readonly name: string;
  readonly yaml: string;
  readonly settings?: Record<string, unknown>;
}

export interface InvalidCase extends ValidCase {
  /** One entry per ⟦…⟧ marker, in document order. */
  readonly errors: ReadonlyArray<{ readonly messageId: string; readonly severity?: 'error' | 'warning' | 'information' | 'hint'; readonly messageIncludes?: string | readonly string[] }>;
}

export interface RuleTestCases {
  readonly valid: readonly ValidCase[];
  readonly invalid: readonly InvalidCase[];
}

const OPEN = '⟦';
const CLOSE = '⟧';

/** Removes ⟦ ⟧ markers; returns the clean text and the marked [start, end) offsets. */
export function stripMarkers(marked: string): { text: string; spans: Array<{ start: number; end: number }> } {
  let text = '';
  const spans: Array<{ start: number; end: number }> = [];
  const stack: number[] = [];
  for (const ch of marked) {
    if (ch === OPEN) stack.push(text.length);
    else if (ch === CLOSE) {
      const start = stack.pop();
      if (start === undefined) throw new Error('unbalanced ⟧ marker');
      spans.push({ start, end: text.length });
    } else text += ch;
  }
  if (stack.length > 0) throw new Error('unbalanced ⟦ marker');
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  return { text, spans };
}

/** Diagnostics of one rule only (the rule runs alone). */
export function diagnosticsFor(rule: Rule, text: string, settings?: Record<string, unknown>): Diagnostic[] {
  const service = getLanguageService({ rules: [rule], onRuleError: (id, e) => { throw new Error(`rule ${id} threw: ${String(e)}`); } });
  const parsed = service.parse(text);
  return service.doValidation('file:///test.yaml', parsed, normalizeSettings(settings ?? {})).filter((d) => d.code === rule.meta.id);
}

export function runRuleTests(rule: Rule, cases: RuleTestCases): void {
  describe(`rule ${rule.meta.id}`, () => {
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        const { text } = stripMarkers(c.yaml);
        const found = diagnosticsFor(rule, text, c.settings);
        assert.deepEqual(found.map((d) => d.message), [], 'expected no findings');
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const { text, spans } = stripMarkers(c.yaml);
        assert.equal(spans.length, c.errors.length, 'the case must mark one span per expected error');
        const parsed = getLanguageService({ rules: [] }).parse(text);
        const found = diagnosticsFor(rule, text, c.settings)
          .map((d) => ({ d, start: parsed.lines.offsetAt(d.range.start), end: parsed.lines.offsetAt(d.range.end) }))
          .sort((a, b) => a.start - b.start || a.end - b.end);
        const actual = found.map((f) => ({ text: text.slice(f.start, f.end), start: f.start, end: f.end, messageId: (f.d.data as { messageId: string }).messageId }));
        const expected = spans.map((s, i) => ({ text: text.slice(s.start, s.end), start: s.start, end: s.end, messageId: c.errors[i]?.messageId }));
        assert.deepEqual(actual, expected);
        found.forEach((f, i) => {
          const e = c.errors[i];
          if (!e) return;
          assert.doesNotMatch(f.d.message, /\{\{\w+\}\}/, 'message has an unfilled placeholder');
          if (e.severity) assert.equal(f.d.severity, { error: 1, warning: 2, information: 3, hint: 4 }[e.severity]);
          for (const part of typeof e.messageIncludes === 'string' ? [e.messageIncludes] : (e.messageIncludes ?? [])) {
            assert.ok(f.d.message.includes(part), `message should include ${JSON.stringify(part)}: ${f.d.message}`);
          }
        });
      });
    }
  });
}
