// Wall time of the built CLI (server/bin/k8s-init-check.js → server/out/cli.js) on a folder, a new Node process
// each run: start-up included.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT } from './inputs';
import { summarize } from './stats';
import type { Summary } from './stats';

export interface CliResult {
  readonly path: string;
  readonly files: number;
  readonly wall: Summary;
  readonly exitCode: number | null;
}

function countYaml(dir: string): number {
  let n = 0;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) n += countYaml(full);
    else if (/\.(ya?ml|json)$/.test(name)) n++;
  }
  return n;
}

export function measureCli(dir: string, runs: number, warmups: number): CliResult {
  const cli = join(ROOT, 'server', 'bin', 'k8s-init-check.js');
  const samples: number[] = [];
  let exitCode: number | null = null;
  for (let i = 0; i < runs + warmups; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [cli, '--exit-zero', dir], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });
    const ms = performance.now() - t;
    exitCode = r.status;
    if (r.status !== 0) throw new Error(`CLI exited with ${String(r.status)}: ${r.stderr.toString().slice(0, 1000)}`);
    if (i >= warmups) samples.push(ms);
  }
  return { path: dir.startsWith(ROOT) ? dir.slice(ROOT.length + 1) : dir, files: countYaml(dir), wall: summarize(samples), exitCode };
}
