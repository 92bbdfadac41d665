// The long fuzz run: `npm run fuzz` (FUZZ_RUNS inputs, 100,000 by default; FUZZ_SEED to reproduce a run;
// FUZZ_WORKERS processes, 2 by default, each with its own share and seed). Prints progress and the counts;
// on a failure prints the broken property and fast-check's report (seed, path, counterexample), writes the
// failing input to a file and exits 1.
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastFailure, runCampaign } from './campaign';
import type { CampaignCounts } from './campaign';

const runs = Number(process.env['FUZZ_RUNS'] ?? 100_000);
const seed = process.env['FUZZ_SEED'] === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(process.env['FUZZ_SEED']);
const workers = Math.max(1, Number(process.env['FUZZ_WORKERS'] ?? 2));
const worker = process.env['FUZZ_WORKER'];
const started = performance.now();

function line(counts: CampaignCounts): string {
  const s = (performance.now() - started) / 1000;
  return `${counts.inputs} inputs (${counts.generated} generated, ${counts.mutated} mutated corpus) in ${s.toFixed(0)} s: ${counts.diagnostics} diagnostics, ${counts.actions} code actions, ${counts.edits} edits applied, ${counts.requests} positions probed; slowest ${counts.maxMs.toFixed(0)} ms (${counts.slowest})`;
}

/** One share of the run in this process. */
function runShare(share: number, shareSeed: number, label: string): CampaignCounts {
  const generated = Math.round(share * 0.6);
  try {
    return runCampaign({
      seed: shareSeed,
      generated,
      mutated: share - generated,
      windowChars: 5000,
      check: { positions: 2, codeActions: 2, fixAll: true, timeBudgetMs: 20_000 },
      fixAllEvery: 4,
      progress: (c) => {
        if (c.inputs % 5000 === 0) console.log(`  ${label}${line(c)}`);
      },
    });
  } catch (error) {
    console.error(`fuzz FAILED (${label}seed ${shareSeed}; FUZZ_SEED=${shareSeed} FUZZ_RUNS=${share} FUZZ_WORKERS=1 reproduces it):\n${(error as Error).message}`);
    if (lastFailure) {
      const file = join(tmpdir(), `k8s-init-fuzz-failure-${shareSeed}.json`);
      writeFileSync(file, JSON.stringify(lastFailure, null, 2));
      console.error(`the failing input (text, previous version, position seed) is in ${file}`);
    }
    process.exit(1);
  }
}

if (worker !== undefined) {
  const counts = runShare(runs, seed, `[worker ${worker}] `);
  process.send?.(counts);
} else if (workers === 1) {
  console.log(`fuzz: seed ${seed}, ${runs} inputs (FUZZ_SEED=${seed} FUZZ_RUNS=${runs} FUZZ_WORKERS=1 npm run fuzz reproduces this run)`);
  const counts = runShare(runs, seed, '');
  console.log(`fuzz passed: ${line(counts)}`);
  console.log(`corpus files mutated: ${Object.keys(counts.perFile).length}`);
} else {
  void runWorkers();
}

async function runWorkers(): Promise<void> {
  console.log(`fuzz: seed ${seed}, ${runs} inputs in ${workers} processes (FUZZ_SEED=${seed} FUZZ_RUNS=${runs} FUZZ_WORKERS=${workers} npm run fuzz reproduces this run)`);
  const share = Math.ceil(runs / workers);
  const results = await Promise.all(
    Array.from({ length: workers }, (_, i) => {
      const child = fork(__filename, [], {
        execArgv: process.execArgv,
        env: { ...process.env, FUZZ_WORKER: String(i), FUZZ_RUNS: String(share), FUZZ_SEED: String(seed + i * 1_000_003) },
      });
      return new Promise<CampaignCounts | undefined>((resolve) => {
        let counts: CampaignCounts | undefined;
        child.on('message', (m) => (counts = m as CampaignCounts));
        child.on('exit', (code) => resolve(code === 0 ? counts : undefined));
      });
    }),
  );
  if (results.some((r) => r === undefined)) process.exit(1);
  const total = (results as CampaignCounts[]).reduce((a, b) => ({
    inputs: a.inputs + b.inputs,
    generated: a.generated + b.generated,
    mutated: a.mutated + b.mutated,
    perFile: Object.fromEntries([...new Set([...Object.keys(a.perFile), ...Object.keys(b.perFile)])].map((f) => [f, (a.perFile[f] ?? 0) + (b.perFile[f] ?? 0)])),
    diagnostics: a.diagnostics + b.diagnostics,
    actions: a.actions + b.actions,
    edits: a.edits + b.edits,
    requests: a.requests + b.requests,
    maxMs: Math.max(a.maxMs, b.maxMs),
    slowest: a.maxMs >= b.maxMs ? a.slowest : b.slowest,
  }));
  console.log(`fuzz passed: ${line(total)}`);
  console.log(`corpus files mutated: ${Object.keys(total.perFile).length}, each ${Math.min(...Object.values(total.perFile))}–${Math.max(...Object.values(total.perFile))} times`);
}
