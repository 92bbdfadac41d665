// The long fuzz run: `npm run fuzz` (FUZZ_RUNS inputs, 100,000 by default; FUZZ_SEED to reproduce a run).
// Prints progress and the counts; on a failure prints fast-check's report (seed, path, counterexample)
// and exits 1.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastFailure, runCampaign } from './campaign';
import type { CampaignCounts } from './campaign';

const runs = Number(process.env['FUZZ_RUNS'] ?? 100_000);
const seed = process.env['FUZZ_SEED'] === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(process.env['FUZZ_SEED']);
const generated = Math.round(runs * 0.6);
const started = performance.now();

function line(counts: CampaignCounts): string {
  const s = (performance.now() - started) / 1000;
  return `${counts.inputs} inputs (${counts.generated} generated, ${counts.mutated} mutated corpus) in ${s.toFixed(0)} s: ${counts.diagnostics} diagnostics, ${counts.actions} code actions, ${counts.edits} edits applied, ${counts.requests} positions probed; slowest ${counts.maxMs.toFixed(0)} ms (${counts.slowest})`;
}

console.log(`fuzz: seed ${seed}, ${runs} inputs (FUZZ_SEED=${seed} FUZZ_RUNS=${runs} npm run fuzz reproduces this run)`);
try {
  const counts = runCampaign({
    seed,
    generated,
    mutated: runs - generated,
    windowChars: 5000,
    check: { positions: 2, codeActions: 2, fixAll: true, timeBudgetMs: 20_000 },
    progress: (c) => {
      if (c.inputs % 5000 === 0) console.log(`  ${line(c)}`);
    },
  });
  console.log(`fuzz passed: ${line(counts)}`);
  console.log(`corpus files mutated: ${Object.keys(counts.perFile).length} (${Object.entries(counts.perFile).map(([f, n]) => `${f.replace(/^.*\//, '').slice(0, 24)} ${n}`).join(', ')})`);
} catch (error) {
  const e = error as Error & { cause?: unknown };
  console.error(`fuzz FAILED (seed ${seed}):\n${e.message}`);
  if (e.cause instanceof Error) console.error(e.cause.stack);
  if (lastFailure) {
    const file = join(tmpdir(), `k8s-init-fuzz-failure-${seed}.json`);
    writeFileSync(file, JSON.stringify(lastFailure, null, 2));
    console.error(`the failing input (text, previous version, position seed) is in ${file}`);
  }
  process.exit(1);
}
