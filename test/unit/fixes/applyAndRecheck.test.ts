import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { RULES, RULES_BY_ID } from '../../../server/src/rules/index';
import type { DiagnosticData, Rule } from '../../../server/src/rules/types';
import { fixesFor } from '../../../server/src/service/codeActions';
import { applyEdits } from '../../../server/src/service/edits/index';
import type { ParsedFile, Settings } from '../../../server/src/service/index';
import { fixAll, newErrorCodes } from '../../../server/src/service/fixAll';
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
const counts = { diagnostics: 0, fixes: 0, files: 0, fixAllFiles: 0, dropped: 0, skipped: 0 };
const FULL = process.env['K8S_INIT_FULL_RECHECK'] === '1';
const SAMPLE = 3;

describe('apply-and-recheck on the corpus, docs examples and example manifests', () => {
  for (const input of inputs()) {
    it(input.name, () => {
      const { file, diagnostics } = validate(input.text, input.settings);
      const targets = diagnostics.filter((d) => fixable.has(String(d.code)));
      if (targets.length > 0) counts.files++;
      const perMessage = new Map<string, number>();
      for (const d of targets) {
        counts.diagnostics++;
        // Each re-validation of a big file costs; by default check a few diagnostics per rule and message
        // id of each input (K8S_INIT_FULL_RECHECK=1 checks every one).
        const sample = `${String(d.code)}/${(d.data as DiagnosticData).messageId}`;
        perMessage.set(sample, (perMessage.get(sample) ?? 0) + 1);
        if (!FULL && (perMessage.get(sample) ?? 0) > SAMPLE) {
          counts.skipped++;
          continue;
        }
        // The rule's own fixes that the service offers (its safety net drops any that would add an error;
        // the number dropped is reported). Raw fixes keep their `moved` markers for the check.
        const data = d.data as DiagnosticData;
        const offered = new Set(quickFixes(file, d, input.settings).map((a) => a.title));
        const all = fixesFor(RULES_BY_ID.get(data.ruleId) as Rule, file, d, data, input.settings);
        const raw = all.filter((a) => offered.has(a.title));
        counts.dropped += all.length - raw.length;
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
      const before = diagnostics.filter((d) => fixable.has(String(d.code)) && (d.severity ?? 1) <= 2);
      if (before.length === 0) continue;
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      const actions = service.doCodeActions('file:///fix.yaml', file, range, { diagnostics: [], only: ['source.fixAll'] }, input.settings);
      const validateFile = (f: ParsedFile): Diagnostic[] => service.doValidation('file:///fix.yaml', f, input.settings);
      const result = fixAll({ uri: 'file:///fix.yaml', file, range, context: { diagnostics: [] }, settings: input.settings, rules: RULES_BY_ID, validate: validateFile }, (d) => (d.severity ?? 1) <= 2);
      if (!result) {
        assert.equal(actions.length, 0, `${input.name}: no fix-all action when nothing can be fixed`);
        continue;
      }
      counts.fixAllFiles++;
      assert.equal(actions.length, 1, `${input.name}: one fix-all action`);
      const out = applyTextEdits(input.text, editsOf(actions[0] as (typeof actions)[number]));
      assert.equal(out, result.text, `${input.name}: the action's edit gives the fixed text`);
      const after = validate(out, input.settings);
      assert.deepEqual(after.diagnostics.filter((d) => d.code === 'yaml-syntax').map((d) => d.message), [], `${input.name}: parses after fix all`);
      // Fewer of the problems there were (a fix may reveal others, e.g. a new sidecar without resources).
      const key = (d: Diagnostic): string => `${String(d.code)} ${d.message}`;
      const remaining = after.diagnostics.filter((d) => before.some((b) => key(b) === key(d)));
      assert.ok(remaining.length < before.length, `${input.name}: fewer of the fixable problems (${before.length} → ${remaining.length})`);
      assert.deepEqual(newErrorCodes(diagnostics, after.diagnostics, after.file, result.moved), [], `${input.name}: no new error after fix all`);
    }
  });

  it('reports its counts', () => {
    // Printed so the numbers can be quoted; the property itself is checked above.
    console.log(`apply-and-recheck: ${counts.fixes} fixes of ${counts.diagnostics} fixable diagnostics in ${counts.files} inputs (${counts.skipped} not re-checked beyond ${SAMPLE} per rule and message of an input; ${counts.dropped} fixes withheld by the safety net); fix all on ${counts.fixAllFiles} inputs`);
    assert.ok(counts.diagnostics > 0);
  });
});
