// Where the full analysis of the 5,044-line file spends its time: a CPU profile of repeated cold analyses
// (fresh parse each time, as when a file is opened), folded into phases and rules, with the garbage
// collector's share measured beside the bare `yaml` parse.
// Usage: npm run bench:profile [-- --runs N]   (node --import tsx bench/profile.ts)
import { Session } from 'node:inspector';
import { PerformanceObserver } from 'node:perf_hooks';
import { parseAllDocuments } from 'yaml';
import { getLanguageService } from '../server/src/service/index';
import { bigInput } from './inputs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string };
  readonly children?: readonly number[];
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const URI = 'file:///bench/profile.yaml';

function post<T>(session: Session, method: string, params: object = {}): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))));
}

/** Runs `fn` `runs` times; returns the median wall time and the garbage collector's time per run. */
async function measure(fn: () => void, runs: number): Promise<{ median: number; gc: number }> {
  let gc = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gc += e.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  await new Promise((resolve) => setTimeout(resolve, 10)); // the entries are delivered asynchronously
  observer.disconnect();
  times.sort((a, b) => a - b);
  return { median: times[times.length >> 1] as number, gc: gc / runs };
}

/** The phase a stack belongs to, from the innermost frame of ours that names one. */
function phaseOf(names: readonly string[]): string {
  for (const n of names) {
    const rule = /^rule:(.+)$/.exec(n);
    if (rule) return `rule ${rule[1]}`;
  }
  if (names.includes('parseText')) return 'parse: yaml (Parser + Composer per document) and its checks';
  if (names.includes('buildManifestSteps')) return 'model';
  if (names.includes('trackedRun') || names.includes('buildCrossScope')) return 'cross-object bookkeeping';
  if (names.includes('validateManifest')) return 'diagnostics (findings → LSP, positions)';
  if (names.includes('parseFile')) return 'parse: chunking and limits';
  return '';
}

function fold(profile: Profile, runs: number): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const out = new Map<string, number>();
  for (const [id, micros] of self) {
    const names: string[] = [];
    let ruleFile: string | undefined;
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const frame = byId.get(cur)?.callFrame;
      if (!frame) break;
      if (frame.functionName === '(garbage collector)') names.push('(gc)');
      const m = /server\/src\/rules\/([a-z0-9-]+)\.ts$/.exec(frame.url);
      if (m && !ruleFile && /^check(Pod|Object)$/.test(frame.functionName)) ruleFile = m[1];
      names.push(frame.functionName);
    }
    let phase = names.includes('(gc)') ? 'garbage collector' : ruleFile ? `rule ${ruleFile}` : phaseOf(names);
    if (phase === '' && names.includes('runRules')) phase = 'rules: engine (contexts, findings, messages)';
    if (phase === '') continue; // the harness itself
    out.set(phase, (out.get(phase) ?? 0) + micros / 1000 / runs);
  }
  return out;
}

/** Profiles `runs` analyses and returns the report's lines (a Markdown table after two lines of figures). */
export async function profileAnalysis(runs: number): Promise<string[]> {
  const lines: string[] = [];
  const log = (s: string): void => void lines.push(...s.split('\n'));
  const text = bigInput().text;
  const service = getLanguageService();
  const analyse = (): void => void service.doValidation(URI, service.parse(text));
  for (let i = 0; i < Math.min(runs, 10); i++) {
    analyse();
    parseAllDocuments(text);
  }
  const floor = await measure(() => void parseAllDocuments(text), runs);
  const analysis = await measure(analyse, runs);
  const session = new Session();
  session.connect();
  await post(session, 'Profiler.enable');
  await post(session, 'Profiler.setSamplingInterval', { interval: 100 });
  await post(session, 'Profiler.start');
  for (let i = 0; i < runs; i++) analyse();
  const { profile } = await post<{ profile: Profile }>(session, 'Profiler.stop');
  session.disconnect();
  const phases = [...fold(profile, runs)].sort((a, b) => b[1] - a[1]);
  const total = phases.reduce((a, [, ms]) => a + ms, 0);
  const rules = phases.filter(([p]) => p.startsWith('rule '));
  const rulesTotal = rules.reduce((a, [, ms]) => a + ms, 0);
  log(`5,044-line file, ${runs} runs, node ${process.version}`);
  log(`bare yaml parse ${floor.median.toFixed(1)} ms (gc ${floor.gc.toFixed(1)} ms/run); full analysis ${analysis.median.toFixed(1)} ms (gc ${analysis.gc.toFixed(1)} ms/run): ${(analysis.median / floor.median).toFixed(2)}×`);
  log(`\nCPU profile (${total.toFixed(1)} ms per run under the profiler):\n`);
  log('| where | ms per run | share |\n| --- | ---: | ---: |');
  for (const [phase, ms] of phases.filter(([p]) => !p.startsWith('rule '))) log(`| ${phase} | ${ms.toFixed(2)} | ${((100 * ms) / total).toFixed(0)} % |`);
  log(`| rules (${rules.length} with samples), of which: | ${rulesTotal.toFixed(2)} | ${((100 * rulesTotal) / total).toFixed(0)} % |`);
  for (const [phase, ms] of rules.slice(0, 12)) log(`| &nbsp;&nbsp;${phase.slice(5)} | ${ms.toFixed(2)} | ${((100 * ms) / total).toFixed(1)} % |`);
  const rest = rules.slice(12);
  log(`| &nbsp;&nbsp;the other ${rest.length} | ${rest.reduce((a, [, ms]) => a + ms, 0).toFixed(2)} | |`);
  return lines;
}

if (require.main === module) {
  const at = process.argv.indexOf('--runs');
  void profileAnalysis(at === -1 ? 60 : Number(process.argv[at + 1])).then((lines) => console.log(lines.join('\n')));
}
