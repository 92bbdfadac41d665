import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/rules/index';
import { getLanguageService } from '../../server/src/service/index';
import { ROOT } from '../helpers/fixtures';
import { renderUnderlines } from '../helpers/golden';

const GOLDEN = join(ROOT, 'test', 'fixtures', 'golden', 'rules');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

function example(page: string, heading: 'Failing' | 'Passing'): string {
  const m = new RegExp(`## ${heading}\\s+\`\`\`yaml\\n([\\s\\S]*?)\`\`\``).exec(page);
  assert.ok(m, `${heading} example`);
  return m[1] as string;
}

/** Each docs page's examples run: the failing one triggers its rule, the passing one does not; all rules render to a golden file. */
describe('docs examples', () => {
  const service = getLanguageService();
  for (const rule of RULES) {
    const pagePath = join(ROOT, 'docs', 'rules', `${rule.meta.id}.md`);
    it(`${rule.meta.id}: failing example triggers the rule, passing does not (golden)`, () => {
      const page = readFileSync(pagePath, 'utf8');
      const settingsMatch = /<!-- settings: (\{.*\}) -->/.exec(page);
      const settings = service.settings(settingsMatch ? JSON.parse(settingsMatch[1] as string) : {});
      const failing = example(page, 'Failing');
      const passing = example(page, 'Passing');
      const bad = service.doValidation('file:///failing.yaml', service.parse(failing), settings);
      const good = service.doValidation('file:///passing.yaml', service.parse(passing), settings);
      assert.ok(bad.some((d) => d.code === rule.meta.id), `failing example should trigger ${rule.meta.id}`);
      assert.deepEqual(good.filter((d) => d.code === rule.meta.id).map((d) => d.message), []);
      const rendered = `# failing\n${renderUnderlines(failing, bad)}\n# passing\n${renderUnderlines(passing, good)}`;
      const goldenPath = join(GOLDEN, `${rule.meta.id}.txt`);
      if (UPDATE || !existsSync(goldenPath)) {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(goldenPath, rendered);
      }
      assert.equal(rendered, readFileSync(goldenPath, 'utf8'), `golden ${goldenPath} (UPDATE_GOLDEN=1 to refresh)`);
    });
  }
});
