import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { getLanguageService } from '../../../server/src/service/index';
import { RULES_BY_ID } from '../../../server/src/rules/index';
import { FIXTURES } from '../../helpers/fixtures';
import type { Expected, RuleExpectations } from './expectations';
import { API_EXPECTATIONS } from './expected.api';
import { SCHEMA_EXPECTATIONS } from './expected.schema';
import { HYGIENE_EXPECTATIONS } from './expected.hygiene';
import { RUNTIME_EXPECTATIONS } from './expected.runtime';

const CORPUS = join(FIXTURES, 'corpus');
const GROUPS: readonly RuleExpectations[] = [API_EXPECTATIONS, SCHEMA_EXPECTATIONS, HYGIENE_EXPECTATIONS, RUNTIME_EXPECTATIONS];

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...yamlFiles(full));
    else if (/\.ya?ml$/.test(name)) out.push(relative(CORPUS, full));
  }
  return out.sort();
}

const service = getLanguageService({ onRuleError: (id, e) => { throw new Error(`rule ${id} threw: ${String(e)}`); } });
const results = new Map<string, Diagnostic[]>();
function diagnostics(file: string): Diagnostic[] {
  let d = results.get(file);
  if (!d) {
    const text = readFileSync(join(CORPUS, file), 'utf8').replace(/^\uFEFF/, '');
    d = service.doValidation(`file:///${file}`, service.parse(text));
    results.set(file, d);
  }
  return d;
}

const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 } as const;
const at = (d: Diagnostic, e: Expected): boolean => d.code === e.rule && d.range.start.line === e.line && d.range.start.character === e.character;

describe('shared corpus', () => {
  const files = yamlFiles(CORPUS);
  it('has the corpus copied into the fixtures', () => assert.ok(files.length >= 35, `${files.length} files`));

  for (const file of files) {
    it(`${file}: analysed without a crash, ranges inside the text`, () => {
      const text = readFileSync(join(CORPUS, file), 'utf8');
      const lines = text.split(/\r?\n/).length;
      for (const d of diagnostics(file)) {
        assert.ok(d.range.start.line < lines && d.range.end.line < lines, `range inside the file: ${JSON.stringify(d.range)}`);
      }
    });
  }

  for (const group of GROUPS) {
    for (const e of group.expected) {
      it(`finds ${e.rule} at ${e.file}:${e.line}:${e.character}${e.note ? ` (${e.note})` : ''}`, () => {
        const found = diagnostics(e.file).filter((d) => at(d, e));
        assert.equal(found.length, 1, `found: ${JSON.stringify(diagnostics(e.file).filter((d) => d.code === e.rule).map((d) => d.range.start))}`);
        if (e.end) assert.deepEqual(found[0]?.range.end, e.end);
        if (e.severity) assert.equal(found[0]?.severity, SEVERITY[e.severity], `severity ${e.severity}: ${found[0]?.message ?? ''}`);
      });
    }
    for (const n of group.notExpected) {
      it(`does not report ${n.rule} in ${n.file}${n.line === undefined ? '' : `:${n.line}`} (${n.note})`, () => {
        const bad = diagnostics(n.file).filter((d) => (n.rule === '*' || d.code === n.rule) && (n.line === undefined || d.range.start.line === n.line));
        assert.deepEqual(bad.map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)}`), []);
      });
    }
    for (const rule of group.exact) {
      it(`${rule}: every corpus finding is an expected one`, () => {
        assert.ok(RULES_BY_ID.has(rule), `registered rule ${rule}`);
        const listed = group.expected.filter((e) => e.rule === rule);
        const extra = files.flatMap((f) => diagnostics(f).filter((d) => d.code === rule && !listed.some((e) => e.file === f && at(d, e))).map((d) => `${f}:${d.range.start.line}:${d.range.start.character}`));
        assert.deepEqual(extra, []);
      });
    }
  }
});
