// Smoke run of the benchmark harness (`npm run bench`): one iteration on small inputs, so that it cannot
// rot. It checks that the table and the JSON are produced; it compares no times.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runBench } from '../../bench/run';

const root = join(__dirname, '..', '..');

test('bench harness: a smoke run produces the benchmark table and JSON', { timeout: 60_000 }, async () => {
  const out = mkdtempSync(join(tmpdir(), 'k8s-init-bench-smoke-'));
  try {
    const { results, markdown, files } = await runBench(['--smoke', '--out', out], () => undefined);
    assert.deepEqual(files.sort(), [join(out, 'benchmarks.md'), join(out, 'latest.json')].sort());
    assert.equal(readFileSync(join(out, 'benchmarks.md'), 'utf8'), markdown);
    const json = JSON.parse(readFileSync(join(out, 'latest.json'), 'utf8')) as { mode: string; goals: unknown[] };
    assert.equal(json.mode, 'smoke');
    assert.equal(json.goals.length, results.goals.length);

    assert.match(markdown, /^# Benchmarks/m);
    assert.match(markdown, /\| Goal \| Measured \| Verdict \|/);
    assert.match(markdown, /\| Input \| Lines \| Documents \| Diagnostics \| `parseAllDocuments` \(floor\) \| Full analysis \| Ratio \|/);
    assert.match(markdown, /\| 50-line Deployment \| 50 \|/);
    assert.ok(results.analysis[0] && results.analysis[0].analysis.samples >= 1);
    assert.ok(results.edit && results.edit.edit.samples >= 1);
    if (existsSync(join(root, 'server', 'out', 'server.js'))) {
      assert.match(markdown, /\| Measurement \| k8s-init-lsp \| yaml-language-server \| Speed-up \|/);
      assert.ok(results.lsp.ours, 'our server was measured');
      assert.ok(results.lsp.peer, 'yaml-language-server was measured');
      assert.ok((results.lsp.peer.schemaRequests ?? []).includes('all.json'), 'yaml-language-server fetched the offline Kubernetes schema');
      assert.ok(results.cli && results.cli.wall.samples === 1);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('bench profile (`npm run bench:profile`): a smoke run folds the profile into phases and rules', { timeout: 60_000 }, async () => {
  const { profileAnalysis } = await import('../../bench/profile');
  const lines = await profileAnalysis(2);
  assert.match(lines[1] ?? '', /^bare yaml parse [\d.]+ ms .* full analysis [\d.]+ ms .*: [\d.]+×$/);
  assert.ok(lines.includes('| where | ms per run | share |'));
  assert.ok(lines.some((l) => l.startsWith('| parse: yaml')), 'the parse phase');
  assert.ok(lines.some((l) => l.startsWith('| rules (')), 'the rules');
});
