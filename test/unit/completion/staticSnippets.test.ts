import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expandSnippet } from '../../../server/src/service/completion/snippets';
import { ROOT } from '../../helpers/fixtures';
import { problems } from '../../helpers/completion';

interface Snippet {
  readonly prefix: string | string[];
  readonly description: string;
  readonly body: string[];
}

/** The whole-object snippets of snippets/ (for an empty file) expand to manifests without errors or warnings. */
describe('static snippets', () => {
  const file = join(ROOT, 'snippets', 'kubernetes-init.code-snippets');
  const snippets = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Snippet>;

  it('has the four objects', () => {
    assert.deepEqual(Object.keys(snippets).length, 4);
  });

  for (const [name, s] of Object.entries(snippets)) {
    it(`${name}: expands to a manifest the service accepts`, () => {
      const text = `${expandSnippet(s.body.join('\n'))}\n`;
      assert.ok(s.description.length > 10);
      assert.deepEqual(problems(text, {}, 2).map((d) => `${String(d.code)}: ${d.message}`), []);
    });
  }
});
