// `npm run bench`: measures analysis speed in process, both language servers over LSP, the CLI and memory,
// and writes docs/benchmarks.md and bench/results/latest.json.
// Usage: node --import tsx bench/run.ts [--smoke] [--out DIR] [--no-peer] [--no-lsp] [--no-huge] | --render
//   --smoke    one iteration on small inputs (what test/unit/bench.test.ts runs); writes only to --out
//   --out DIR  where to write benchmarks.md and latest.json (default: docs/ and bench/results/)
//   --render   only write docs/benchmarks.md again from bench/results/latest.json and bench/notes.md
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { measureCli } from './cliBench';
import type { CliResult } from './cliBench';
import { measureAnalysis, measureBlocking, measureEdit } from './inProcess';
import type { BenchBudget, EditResult } from './inProcess';
import { bigInput, BIG_FILE, CORPUS, generateHuge, realInputs, ROOT, smallInput } from './inputs';
import type { Input } from './inputs';
import { measureInitialize, measureRss, measureServer, ourServer, packageVersion, SERVER_NODE_FLAGS, yamlLanguageServer } from './lspBench';
import type { ServerSpec } from './lspClient';
import type { LspPlan, LspResult } from './lspBench';
import { evaluateGoals, renderMarkdown } from './report';
import type { Results } from './report';

interface Options {
  readonly smoke: boolean;
  readonly out: string | undefined;
  readonly peer: boolean;
  readonly lsp: boolean;
  readonly huge: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const out = argv.indexOf('--out');
  return {
    smoke: argv.includes('--smoke'),
    out: out === -1 ? undefined : argv[out + 1],
    peer: !argv.includes('--no-peer'),
    lsp: !argv.includes('--no-lsp'),
    huge: !argv.includes('--no-huge') && !argv.includes('--smoke'),
  };
}

/** The corpus files other than the big one, for the memory measurement (the first 20 by path). */
function corpusInputs(count: number): Input[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(name) && full !== BIG_FILE) files.push(full);
    }
  };
  walk(join(CORPUS, 'real'));
  walk(join(CORPUS, 'tricky'));
  return files.slice(0, count).map((path, i) => {
    const text = readFileSync(path, 'utf8');
    return { id: `${String(i).padStart(2, '0')}-${path.split('/').pop() as string}`, description: path, path, text, lines: text.split('\n').length, documents: 1 };
  });
}

export async function runBench(argv: readonly string[], log: (s: string) => void = (s) => console.log(s)): Promise<{ results: Results; markdown: string; files: string[] }> {
  const options = parseOptions(argv);
  const started = Date.now();
  const loadStart = loadavg();
  const budget: BenchBudget = options.smoke ? { time: 0, iterations: 1, warmupIterations: 0 } : { time: 2000, iterations: 15, warmupIterations: 5 };
  const big = bigInput();
  const small = smallInput();
  const huge = options.smoke ? undefined : generateHuge();
  try {
    const analysisInputs = options.smoke ? [small] : [big, small, ...realInputs(), ...(huge ? [huge.input] : [])];
    const sectionLoad: Record<string, number> = {};
    const section = (name: string): void => {
      sectionLoad[name] = loadavg()[0] ?? 0;
      log(`# ${name}`);
    };
    section(`in-process analysis (${analysisInputs.length} inputs)`);
    const analysis = await measureAnalysis(analysisInputs, budget, log);
    const blocking = huge ? await measureBlocking(huge.input) : undefined;
    if (blocking) log(`  ${blocking.input} sliced as in the server: ${blocking.totalMs.toFixed(0)} ms, longest event-loop block ${blocking.maxBlockMs.toFixed(1)} ms`);
    section('one-character edit');
    const edit: EditResult = await measureEdit(options.smoke ? small : big, budget);
    log(`  edit ${edit.position}: ${edit.edit.median.toFixed(2)} ms`);

    const lsp: { ours?: LspResult; peer?: LspResult; skipped?: string } = {};
    const serverJs = join(ROOT, 'server', 'out', 'server.js');
    if (!options.lsp) lsp.skipped = '--no-lsp';
    else if (!existsSync(serverJs)) lsp.skipped = 'server/out/server.js is missing: run `npm run build` first';
    else {
      const plan: LspPlan = options.smoke
        ? { initSamples: 0, openSamples: 1, editSamples: 1, hoverSamples: 1, warmups: 0, huge: false, hugeTimeoutMs: 0 }
        : { initSamples: 7, openSamples: 9, editSamples: 15, hoverSamples: 30, warmups: 6, huge: options.huge, hugeTimeoutMs: 180_000 };
      const lspBig = options.smoke ? small : big;
      const corpus = corpusInputs(options.smoke ? 2 : 20);
      const requested: string[] = [];
      const specs = options.peer ? [ourServer(), yamlLanguageServer(requested)] : [ourServer()];
      section('LSP: initialize');
      const inits = plan.initSamples > 0 ? await measureInitialize(specs, plan.initSamples, log) : [];
      section('LSP: k8s-init-lsp');
      const ours = await measureServer(specs[0] as ServerSpec, packageVersion(join(ROOT, 'server')), lspBig, corpus, huge?.input, plan, inits[0], log);
      const plain = { ...ourServer(), args: ourServer().args.filter((a) => !SERVER_NODE_FLAGS.includes(a)) };
      const rssDefault = options.smoke ? undefined : await measureRss(plain, lspBig, corpus);
      if (rssDefault !== undefined) log(`  k8s-init-lsp: RSS ${rssDefault.toFixed(0)} MiB started without the launcher's node flags`);
      lsp.ours = rssDefault === undefined ? ours : { ...ours, rssDefaultYoungGenMiB: rssDefault };
      if (options.peer) {
        section('LSP: yaml-language-server');
        const peer = await measureServer(specs[1] as ServerSpec, packageVersion(join(ROOT, 'node_modules', 'yaml-language-server')), lspBig, corpus, huge?.input, plan, inits[1], log);
        lsp.peer = { ...peer, schemaRequests: requested };
      }
    }

    section('CLI');
    const cli: CliResult | undefined = existsSync(join(ROOT, 'server', 'out', 'cli.js'))
      ? measureCli(options.smoke ? join(ROOT, 'bench', 'fixtures') : CORPUS, options.smoke ? 1 : 9, options.smoke ? 0 : 2)
      : undefined;
    if (cli) log(`  ${cli.path}: ${cli.wall.median.toFixed(0)} ms`);

    const cpu = cpus();
    const partial = {
      mode: options.smoke ? ('smoke' as const) : ('full' as const),
      date: new Date().toISOString().slice(0, 10),
      node: process.version,
      machine: { cores: cpu.length, cpu: cpu[0]?.model.trim() ?? '?', memoryGiB: totalmem() / 2 ** 30, loadStart, loadEnd: loadavg(), sectionLoad },
      analysis,
      edit,
      blocking,
      lsp,
      cli,
      durationSeconds: (Date.now() - started) / 1000,
    };
    const results: Results = { ...partial, goals: evaluateGoals(partial) };
    const notesFile = join(ROOT, 'bench', 'notes.md');
    const markdown = renderMarkdown(results, !options.smoke && existsSync(notesFile) ? readFileSync(notesFile, 'utf8') : undefined);
    const files = write(results, markdown, options);
    return { results, markdown, files };
  } finally {
    huge?.cleanup();
  }
}

function write(results: Results, markdown: string, options: Options): string[] {
  const mdDir = options.out ?? join(ROOT, 'docs');
  const jsonDir = options.out ?? join(ROOT, 'bench', 'results');
  if (options.smoke && options.out === undefined) return [];
  mkdirSync(mdDir, { recursive: true });
  mkdirSync(jsonDir, { recursive: true });
  const md = join(mdDir, 'benchmarks.md');
  const json = join(jsonDir, 'latest.json');
  writeFileSync(md, markdown);
  writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  return [md, json];
}

/** Writes docs/benchmarks.md again from bench/results/latest.json and bench/notes.md (after editing the notes). */
function renderAgain(): void {
  const results = JSON.parse(readFileSync(join(ROOT, 'bench', 'results', 'latest.json'), 'utf8')) as Results;
  const notesFile = join(ROOT, 'bench', 'notes.md');
  writeFileSync(join(ROOT, 'docs', 'benchmarks.md'), renderMarkdown(results, existsSync(notesFile) ? readFileSync(notesFile, 'utf8') : undefined));
  console.log('wrote docs/benchmarks.md');
}

if (require.main === module && process.argv.includes('--render')) renderAgain();
else if (require.main === module) {
  runBench(process.argv.slice(2)).then(
    ({ results, files }) => {
      console.log('');
      for (const g of results.goals) console.log(`${g.met === undefined ? '·' : g.met ? '✔' : '✖'} ${g.goal}: ${g.measured}`);
      if (files.length > 0) console.log(`\nwrote ${files.join(', ')}`);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
