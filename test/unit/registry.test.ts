import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/rules/index';
import { ROOT } from '../helpers/fixtures';

const RULES_DIR = join(ROOT, 'server', 'src', 'rules');
const NOT_RULE_FILES = new Set(['index.ts', 'types.ts', 'ruleUtils.ts', 'apiRules.ts', 'schemaRules.ts', 'runtimeRules.ts', 'hygieneRules.ts']);

describe('rule registry', () => {
  it('registers every rule file of server/src/rules, once', () => {
    const files = readdirSync(RULES_DIR)
      .filter((f) => f.endsWith('.ts') && !NOT_RULE_FILES.has(f) && /^[a-z0-9]+(-[a-z0-9]+)+\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    const ids = RULES.map((r) => r.meta.id);
    assert.deepEqual([...ids].sort(), files);
    assert.equal(new Set(ids).size, ids.length, 'rule ids are unique');
  });

  it('has unique catalogue ids in catalogue order', () => {
    const cat = RULES.map((r) => r.meta.catalogueId);
    assert.equal(new Set(cat).size, cat.length);
    const order = (c: string): number => ({ E: 0, S: 50, W: 100, H: 200 })[c[0] as 'E' | 'S' | 'W' | 'H'] + Number(c.slice(1));
    assert.deepEqual(cat, [...cat].sort((a, b) => order(a) - order(b)));
  });

  for (const rule of RULES) {
    describe(rule.meta.id, () => {
      it('has a docs page with a failing and a passing manifest', () => {
        const page = join(ROOT, 'docs', 'rules', `${rule.meta.id}.md`);
        assert.ok(existsSync(page), `docs/rules/${rule.meta.id}.md`);
        const text = readFileSync(page, 'utf8');
        assert.match(text, new RegExp(`^# ${rule.meta.id} \\(${rule.meta.catalogueId}\\)`));
        assert.match(text, /## Failing\s+```yaml\n/);
        assert.match(text, /## Passing\s+```yaml\n/);
      });

      it('has a test file', () => {
        assert.ok(existsSync(join(ROOT, 'test', 'unit', 'rules', `${rule.meta.id}.test.ts`)));
      });

      it('uses every message it declares', () => {
        const source = readFileSync(join(RULES_DIR, `${rule.meta.id}.ts`), 'utf8');
        for (const id of Object.keys(rule.meta.messages)) {
          assert.ok(source.includes(`'${id}'`) || source.includes(`"${id}"`) || new RegExp(`messageId:\\s*${id}\\b`).test(source), `message ${id} is never reported`);
        }
      });

      it('has a fix exactly when it is marked fixable', () => {
        assert.equal(typeof rule.fix === 'function', rule.meta.fixable);
      });

      it('declares a description and a default severity', () => {
        assert.ok(rule.meta.description.length > 10);
        assert.ok(['error', 'warning', 'information', 'hint'].includes(rule.meta.defaultSeverity));
      });
    });
  }
});
