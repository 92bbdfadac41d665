import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../../server/src/rules/index';
import type { DiagnosticData, Rule } from '../../../server/src/rules/types';
import { fixesFor } from '../../../server/src/service/codeActions';
import { applyEdits } from '../../../server/src/service/edits/index';
import { ROOT } from '../../helpers/fixtures';
import { checkFixResult, quickFixes, service, validate } from '../../helpers/fixTester';

/**
 * Every fixable rule's fixes on its docs page's failing example: each offered fix is applied and the
 * whole resulting document is compared with a golden file (test/fixtures/golden/fixes/<rule>.txt,
 * written on first run; UPDATE_GOLDEN=1 rewrites them), and the apply-and-recheck property is checked.
 */
const GOLDEN = join(ROOT, 'test', 'fixtures', 'golden', 'fixes');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

function failingExample(rule: Rule): { text: string; settings: ReturnType<typeof service.settings> } | undefined {
  const page = join(ROOT, 'docs', 'rules', `${rule.meta.id}.md`);
  if (!existsSync(page)) return undefined;
  const md = readFileSync(page, 'utf8');
  const m = /## Failing\s+```yaml\n([\s\S]*?)```/.exec(md);
  const settingsMatch = /<!-- settings: (\{.*\}) -->/.exec(md);
  return m ? { text: m[1] as string, settings: service.settings(settingsMatch ? JSON.parse(settingsMatch[1] as string) : {}) } : undefined;
}

describe('fixes on the docs failing examples (golden, whole documents)', () => {
  for (const rule of RULES.filter((r) => r.meta.fixable)) {
    it(rule.meta.id, () => {
      const example = failingExample(rule);
      if (!example) return; // the rule's docs page is not written yet
      const { file, diagnostics } = validate(example.text, example.settings);
      const mine = diagnostics.filter((d) => d.code === rule.meta.id);
      const parts: string[] = [];
      for (const d of mine) {
        const data = d.data as DiagnosticData;
        const offered = quickFixes(file, d, example.settings).map((a) => a.title);
        const fixes = fixesFor(rule, file, d, data, example.settings).filter((f) => offered.includes(f.title));
        for (const fix of fixes) {
          const out = applyEdits(example.text, fix.edits);
          checkFixResult(diagnostics, d, fix.edits, validate(out, example.settings), fix.title);
          parts.push(`## ${d.range.start.line}:${d.range.start.character} ${data.messageId} → ${fix.title}${fix.isPreferred ? ' (preferred)' : ''}\n${out}`);
        }
      }
      // A rule may fix only some of its messages (e.g. container-image-required: whitespace, not a missing image).
      const rendered = parts.length > 0 ? parts.join('\n') : '(no fix offered for this example)\n';
      const goldenPath = join(GOLDEN, `${rule.meta.id}.txt`);
      if (UPDATE || !existsSync(goldenPath)) {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(goldenPath, rendered);
      }
      assert.equal(rendered, readFileSync(goldenPath, 'utf8'), `golden ${goldenPath} (UPDATE_GOLDEN=1 to refresh)`);
    });
  }
});

describe('docs pages state the quick fix a rule has', () => {
  for (const rule of RULES) {
    it(rule.meta.id, () => {
      const page = join(ROOT, 'docs', 'rules', `${rule.meta.id}.md`);
      if (!existsSync(page)) return;
      const line = /\*\*Quick fix:\*\* ([^\n]*)/.exec(readFileSync(page, 'utf8'))?.[1];
      if (line === undefined) return;
      assert.equal(!line.startsWith('none'), rule.meta.fixable, `docs/rules/${rule.meta.id}.md says "Quick fix: ${line}" but fixable is ${String(rule.meta.fixable)}`);
    });
  }
});
