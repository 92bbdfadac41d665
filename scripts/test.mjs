// Runs the test suites with node's test runner (TypeScript through tsx).
// Usage: node scripts/test.mjs [suite ...]   suites: unit, lsp, editors, vscode (default: all available)
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const suites = process.argv.slice(2);
const all = ['unit', 'lsp', 'editors'];
const selected = suites.length > 0 ? suites : all;

function find(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...find(full));
    else if (name.endsWith('.test.ts') || name.endsWith('.test.mjs')) out.push(full);
  }
  return out.sort();
}

let failed = false;
for (const suite of selected) {
  const files = find(join(root, 'test', suite));
  if (files.length === 0) continue;
  console.log(`\n# suite: ${suite} (${files.length} files)`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
