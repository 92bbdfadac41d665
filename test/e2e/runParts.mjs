// Runs the parts of a suite that needs real editors or browsers, each under `timeout -k` (its own process group
// is killed on the deadline), counts passes and failures, and prints "N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SUMMARY = /^(\d+) passed, (\d+) failed/m;

/**
 * @param {string} suite
 * @param {Array<{ name: string, kind: 'node-test' | 'script', dir?: string, script?: string, deadlineSeconds: number }>} parts
 */
export async function runParts(suite, parts) {
  const tmp = mkdtempSync(join(tmpdir(), `k8s-init-${suite}-`));
  const totals = { passed: 0, failed: 0 };
  const lines = [];
  for (const part of parts) {
    const t0 = Date.now();
    let passed = 0;
    let failed = 0;
    if (part.kind === 'node-test') {
      const files = readdirSync(join(ROOT, part.dir)).filter((f) => /\.test\.(ts|mjs)$/.test(f)).sort().map((f) => join(part.dir, f));
      const tap = join(tmp, `${suite}-${lines.length}.tap`);
      const r = spawnSync('timeout', ['-k', '10', String(part.deadlineSeconds), process.execPath, '--import', 'tsx', '--test', '--test-concurrency=1',
        '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files],
        { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: '' } });
      const report = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
      const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(report)?.[1] ?? 0);
      passed = count('pass');
      failed = count('fail') + count('cancelled');
      if (r.status !== 0 && failed === 0) failed = 1; // timed out or crashed without a report
    } else {
      // Streamed through (tee) so a long run shows progress; the last summary line counts.
      const child = spawn('timeout', ['-k', '10', String(part.deadlineSeconds), process.execPath, part.script], {
        cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_OPTIONS: '' },
      });
      let text = '';
      child.stdout.on('data', (d) => {
        text += d;
        process.stdout.write(d);
      });
      const status = await new Promise((resolve) => child.on('close', (code) => resolve(code)));
      const r = { status };
      const matches = [...text.matchAll(new RegExp(SUMMARY.source, 'gm'))];
      const last = matches[matches.length - 1];
      passed = last ? Number(last[1]) : 0;
      failed = last ? Number(last[2]) : 0;
      if (r.status !== 0 && failed === 0) failed = 1;
    }
    totals.passed += passed;
    totals.failed += failed;
    lines.push(`${part.name}: ${passed} passed, ${failed} failed (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
  rmSync(tmp, { recursive: true, force: true });
  console.log(`\n# ${suite} suite`);
  for (const l of lines) console.log(`#   ${l}`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  if (process.env.K8S_INIT_SUITE_RESULT) writeFileSync(process.env.K8S_INIT_SUITE_RESULT, JSON.stringify(totals));
  process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
}
