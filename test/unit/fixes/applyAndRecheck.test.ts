import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { RULES, RULES_BY_ID } from '../../../server/src/rules/index';
import type { DiagnosticData, Rule } from '../../../server/src/rules/types';
import { fixesFor } from '../../../server/src/service/codeActions';
import { applyEdits } from '../../../server/src/service/edits/index';
import type { Settings } from '../../../server/src/service/index';
import { FIXTURES, ROOT } from '../../helpers/fixtures';
import { applyTextEdits, checkFixResult, editsOf, quickFixes, service, validate } from '../../helpers/fixTester';

/**
 * The apply-and-recheck property over real inputs: for every diagnostic of a fixable rule in the shared
 * corpus, the docs examples and the example manifests, every offered fix gives a document that parses,
 * without that diagnostic and without any new error; "fix all" on each file too.
 */
interface Input {
  readonly name: string;
  readonly text: string;
  readonly settings: Settings;
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...yamlFiles(full));
    else if (/\.ya?ml$/.test(name)) out.push(full);
  }
  return out.sort();
}

function inputs(): Input[] {
  const defaults = service.settings({});
  const out: Input[] = [];
  for (const dir of [join(FIXTURES, 'corpus'), join(FIXTURES, 'manifests'), join(ROOT, 'examples')]) {
    for (const file of yamlFiles(dir)) out.push({ name: relative(ROOT, file), text: readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), settings: defaults });
  }
  const docs = join(ROOT, 'docs', 'rules');
  for (const page of existsSync(docs) ? readdirSync(docs).filter((f) => f.endsWith('.md')).sort() : []) {
    const text = readFileSync(join(docs, page), 'utf8');
    const settingsMatch = /<!-- settings: (\{.*\}) -->/.exec(text);
    const settings = service.settings(settingsMatch ? JSON.parse(settingsMatch[1] as string) : {});
    for (const heading of ['Failing', 'Passing']) {
      const m = new RegExp(`## ${heading}\\s+\`\`\`yaml\\n([\\s\\S]*?)\`\`\``).exec(text);
      if (m) out.push({ name: `docs/rules/${page} (${heading.toLowerCase()})`, text: m[1] as string, settings });
    }
  }
  return out;
}

const fixable = new Set(RULES.filter((r) => r.meta.fixable).map((r) => r.meta.id));
const counts = { diagnostics: 0, fixes: 0, files: 0 };

describe('apply-and-recheck on the corpus, docs examples and example manifests', () => {
  for (const input of inputs()) {
    it(input.name, () => {
      const { file, diagnostics } = validate(input.text, input.settings);
      const targets = diagnostics.filter((d) => fixable.has(String(d.code)));
      if (targets.length > 0) counts.files++;
      const offeredChecked = new Set<string>();
      for (const d of targets) {
        counts.diagnostics++;
        // The rule's own fixes, before the service's safety net drops any that would add an error.
        const data = d.data as DiagnosticData;
        const raw = fixesFor(RULES_BY_ID.get(data.ruleId) as Rule, file, d, data, input.settings);
        if (!offeredChecked.has(data.ruleId)) {
          // Once per rule and input (it costs a validation per fix): the service offers them all.
          offeredChecked.add(data.ruleId);
          assert.equal(quickFixes(file, d, input.settings).length, raw.length, `${input.name}: every fix of ${String(d.code)} is offered`);
        }
        for (const action of raw) {
          counts.fixes++;
          const out = applyEdits(input.text, action.edits);
          const where = `${input.name}:${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} → "${action.title}"`;
          checkFixResult(diagnostics, d, action.edits, validate(out, input.settings, file), where);
        }
      }
    });
  }

  it('fix all: parses, fewer fixable problems, no new error', () => {
    for (const input of inputs()) {
      const { file, diagnostics } = validate(input.text, input.settings);
      const before = diagnostics.filter((d) => fixable.has(String(d.code)));
      if (before.length === 0) continue;
      const actions = service.doCodeActions('file:///fix.yaml', file, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics: [], only: ['source.fixAll'] }, input.settings);
      assert.equal(actions.length, 1, `${input.name}: one fix-all action`);
      const out = applyTextEdits(input.text, editsOf(actions[0] as (typeof actions)[number]));
      const result = validate(out, input.settings);
      const after = result.diagnostics;
      assert.deepEqual(after.filter((d) => d.code === 'yaml-syntax').map((d) => d.message), [], `${input.name}: parses after fix all`);
      const remaining = after.filter((d) => fixable.has(String(d.code)));
      assert.ok(remaining.length < before.length, `${input.name}: fewer fixable problems (${before.length} → ${remaining.length})`);
      const errors = (ds: readonly Diagnostic[], code: string): number => ds.filter((d) => d.severity === 1 && d.code === code).length;
      for (const code of new Set(after.filter((d) => d.severity === 1).map((d) => String(d.code)))) {
        assert.ok(errors(after, code) <= errors(diagnostics, code), `${input.name}: no new ${code} error after fix all`);
      }
    }
  });

  it('reports its counts', () => {
    // Printed so the numbers can be quoted; the property itself is checked above.
    console.log(`apply-and-recheck: ${counts.fixes} fixes of ${counts.diagnostics} fixable diagnostics in ${counts.files} inputs`);
    assert.ok(counts.diagnostics > 0);
  });
});
