// Runs the test suites and prints one closing line `N passed, N failed`.
// Usage: node scripts/test.mjs [suite ...]   (default: every suite below that exists)
//   A suite is a folder of test/. Its *.test.ts / *.test.mjs files run with node's test runner (TypeScript
//   through tsx), unless the folder has a run.mjs: then that script runs the suite and its exit code counts
//   (one failure when non-zero), e.g. the VS Code extension-host tests that need their own host.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const ALL = ['unit', 'lsp', 'editors', 'vscode', 'e2e'];
const SUITE_TIMEOUT_MS = 20 * 60 * 1000;
const requested = process.argv.slice(2);
const selected = requested.length > 0 ? requested : ALL;

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

const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSuites = [];
const tmp = mkdtempSync(join(tmpdir(), 'k8s-init-test-'));

for (const suite of selected) {
  const dir = join(root, 'test', suite);
  const runner = join(dir, 'run.mjs');
  if (existsSync(runner)) {
    console.log(`\n# suite: ${suite} (${runner})`);
    // The runner may report its counts in $K8S_INIT_SUITE_RESULT ({passed, failed}); else it counts as one test.
    const result = join(tmp, `${suite}.json`);
    const r = spawnSync('timeout', ['-k', '15', String(SUITE_TIMEOUT_MS / 1000), process.execPath, runner], {
      cwd: root, stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: '', K8S_INIT_SUITE_RESULT: result },
    });
    const counts = existsSync(result) ? JSON.parse(readFileSync(result, 'utf8')) : undefined;
    totals.passed += counts?.passed ?? (r.status === 0 ? 1 : 0);
    totals.failed += counts ? counts.failed : r.status === 0 ? 0 : 1;
    if (r.status !== 0) {
      if (counts && counts.failed === 0) totals.failed++; // failed without a counted failure
      failedSuites.push(suite);
    }
    continue;
  }
  const files = find(dir);
  if (files.length === 0) {
    if (requested.includes(suite)) console.log(`\n# suite: ${suite}: no test files`);
    continue;
  }
  console.log(`\n# suite: ${suite} (${files.length} files)`);
  const tap = join(tmp, `${suite}.tap`);
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files],
    { cwd: root, stdio: 'inherit', timeout: SUITE_TIMEOUT_MS, env: { ...process.env, NODE_OPTIONS: '' } },
  );
  const summary = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(summary)?.[1] ?? 0);
  totals.passed += count('pass');
  totals.failed += count('fail') + count('cancelled');
  totals.skipped += count('skipped');
  if (r.status !== 0) {
    failedSuites.push(suite);
    if (count('fail') + count('cancelled') === 0) totals.failed++; // crashed or timed out without a report
  }
}
rmSync(tmp, { recursive: true, force: true });

console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}${failedSuites.length ? ` (failing suites: ${failedSuites.join(', ')})` : ''}`);
process.exit(failedSuites.length > 0 ? 1 : 0);
