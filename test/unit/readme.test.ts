import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/rules/index';
import { getLanguageService } from '../../server/src/service/index';
import { renderRuleList, updateReadme } from '../../scripts/generateReadmeRules';
import { ROOT } from '../helpers/fixtures';

describe('README.md', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

  it('has the rule list generated from the registry (run `npm run gen:docs` when this fails)', () => {
    assert.equal(updateReadme(readme), readme);
  });

  it('lists every rule with a link to its docs page', () => {
    const list = renderRuleList(RULES);
    for (const rule of RULES) assert.ok(list.includes(`[\`${rule.meta.id}\`](docs/rules/${rule.meta.id}.md)`), rule.meta.id);
  });

  it('shows real CLI output: the probe finding of examples/01-deployment-web.yaml at its place', () => {
    const service = getLanguageService();
    const text = readFileSync(join(ROOT, 'examples', '01-deployment-web.yaml'), 'utf8');
    const probe = service.doValidation('file:///examples/01-deployment-web.yaml', service.parse(text)).find((d) => d.code === 'init-probe-forbidden');
    assert.ok(probe, 'the example still has the probe finding');
    const { line, character } = probe.range.start;
    assert.ok(readme.includes(`examples/01-deployment-web.yaml:${line + 1}:${character + 1} error init-probe-forbidden`), `README sample should point at ${line + 1}:${character + 1}`);
    assert.ok(readme.includes(`> ${line + 1} | ${text.split('\n')[line]}`), 'README code frame shows the line');
  });

  it('starts with the two commands that work on a fresh machine', () => {
    const blocks = [...readme.matchAll(/```(?:sh|bash)\n([\s\S]*?)```/g)].map((m) => (m[1] ?? '').trim());
    assert.equal(blocks[0], 'npm ci && npm run examples');
    assert.equal(blocks[1], 'npm test');
  });
});
