// Copies ../shared/corpus into test/fixtures/corpus (run by hand when the shared corpus changes;
// the copy is committed so that tests never read ../shared).
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const from = join(root, '..', 'shared', 'corpus');
const to = join(root, 'test', 'fixtures', 'corpus');
if (!existsSync(from)) {
  console.error(`no corpus at ${from}`);
  process.exit(2);
}
rmSync(to, { recursive: true, force: true });
cpSync(from, to, { recursive: true });
console.log(`copied ${from} -> ${to}`);
