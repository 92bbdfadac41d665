// In-process measurements with tinybench: full analysis (parse + model + all rules + diagnostics) against
// the bare `yaml` parseAllDocuments floor, and re-analysis after a one-character edit of the big file.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Bench } from 'tinybench';
import type { Task } from 'tinybench';
import { parseAllDocuments } from 'yaml';
import { getLanguageService } from '../server/src/service/index';
import type { ParsedFile } from '../server/src/service/index';
import { runSliced, SLICE_MS, slicedJob } from '../server/src/slices';
import type { Input } from './inputs';
import { editPosition, replaceAt } from './inputs';
import { ratio, summarize } from './stats';
import type { Summary } from './stats';

export interface AnalysisRow {
  readonly input: string;
  readonly description: string;
  readonly lines: number;
  readonly documents: number;
  readonly diagnostics: number;
  readonly floor: Summary;
  readonly analysis: Summary;
  /** service.parse alone (chunked parse + models), for the big file. */
  readonly parseOnly?: Summary;
  readonly ratio: number | undefined;
}

export interface EditResult {
  readonly input: string;
  readonly position: string;
  readonly edit: Summary;
}

export interface BenchBudget {
  /** Minimum time per task (ms). */
  readonly time: number;
  /** Minimum iterations per task. */
  readonly iterations: number;
  readonly warmupIterations: number;
}

const URI = 'file:///bench/input.yaml';

function summaryOf(task: Task | undefined): Summary {
  const r = task?.result;
  if (!r || (r.state !== 'completed' && r.state !== 'aborted-with-statistics')) {
    const error = r && r.state === 'errored' ? r.error : undefined;
    if (error) throw error;
    return { median: Number.NaN, mad: Number.NaN, min: Number.NaN, max: Number.NaN, samples: 0 };
  }
  const l = r.latency;
  return { median: l.p50, mad: l.mad, min: l.min, max: l.max, samples: l.samplesCount };
}

function budgetFor(input: Input, budget: BenchBudget): BenchBudget {
  // The 50,000-line file takes a second or more per analysis: a few samples are enough.
  if (input.lines > 20_000) return { time: 0, iterations: Math.min(budget.iterations, 5), warmupIterations: Math.min(budget.warmupIterations, 1) };
  return budget;
}

/**
 * Full analysis per file against the floor. Every iteration parses the text again, so every per-document
 * cache (models, findings, diagnostics: all keyed by the parsed objects) starts cold, as when a file is
 * first opened.
 */
export async function measureAnalysis(inputs: readonly Input[], budget: BenchBudget, log: (s: string) => void): Promise<AnalysisRow[]> {
  const service = getLanguageService();
  const rows: AnalysisRow[] = [];
  for (const input of inputs) {
    const b = budgetFor(input, budget);
    const text = input.text;
    let diagnostics = 0;
    const tasks: Array<[string, () => void]> = [
      ['floor', () => void parseAllDocuments(text)],
      ['analysis', () => void (diagnostics = service.doValidation(URI, service.parse(text)).length)],
    ];
    if (input.id === 'big-5k') tasks.push(['parse', () => void service.parse(text)]);
    // The tasks take turns in several short rounds, so that a change of machine load during the run
    // affects the floor and the analysis alike (their ratio is the point).
    const rounds = b.iterations >= 10 ? 5 : 1;
    const samples = new Map<string, number[]>(tasks.map(([name]) => [name, []]));
    for (let round = 0; round < rounds; round++) {
      const bench = new Bench({
        time: b.time / rounds,
        iterations: Math.ceil(b.iterations / rounds),
        warmupIterations: round === 0 ? b.warmupIterations : 1,
        warmupTime: 0,
        retainSamples: true,
      });
      const order = round % 2 === 0 ? tasks : [...tasks].reverse();
      for (const [name, fn] of order) bench.add(name, fn);
      await bench.run();
      for (const [name] of tasks) samples.get(name)?.push(...samplesOf(bench.getTask(name)));
    }
    const floor = summarize(samples.get('floor') ?? []);
    const analysis = summarize(samples.get('analysis') ?? []);
    const parseSamples = samples.get('parse');
    const row: AnalysisRow = {
      input: input.id,
      description: input.description,
      lines: input.lines,
      documents: input.documents,
      diagnostics,
      floor,
      analysis,
      ...(parseSamples ? { parseOnly: summarize(parseSamples) } : {}),
      ratio: ratio(analysis.median, floor.median),
    };
    log(`  ${input.id}: analysis ${analysis.median.toFixed(1)} ms, floor ${floor.median.toFixed(1)} ms, ratio ${row.ratio?.toFixed(2)}`);
    rows.push(row);
  }
  return rows;
}

function samplesOf(task: Task | undefined): number[] {
  const r = task?.result;
  if (r && r.state === 'errored') throw r.error;
  if (!r || (r.state !== 'completed' && r.state !== 'aborted-with-statistics')) return [];
  return [...(r.latency.samples ?? [])];
}

/** Re-analysis after replacing the `3` of `replicas: 3` alternately with 4 and 3 (service.parse(text, previous) + doValidation). */
export async function measureEdit(input: Input, budget: BenchBudget): Promise<EditResult> {
  const service = getLanguageService();
  const at = editPosition(input.text);
  const texts = [replaceAt(input.text, at.offset, at.original === '4' ? '5' : '4'), input.text];
  let previous: ParsedFile = service.parse(input.text);
  service.doValidation(URI, previous);
  let i = 0;
  const bench = new Bench({ time: budget.time, iterations: Math.max(budget.iterations, 20), warmupIterations: Math.max(budget.warmupIterations, 5), warmupTime: 0 });
  bench.add('edit', () => {
    previous = service.parse(texts[i++ % 2] as string, previous);
    service.doValidation(URI, previous);
  });
  await bench.run();
  return { input: input.id, position: `${at.line}:${at.character}`, edit: summaryOf(bench.getTask('edit')) };
}

export interface BlockingResult {
  readonly input: string;
  /** Wall time of the sliced parse and validation. */
  readonly totalMs: number;
  /** Longest time the event loop was blocked meanwhile (a slice plus whatever garbage collection fell into it). */
  readonly maxBlockMs: number;
  /** 99th percentile of the event-loop delay. */
  readonly p99Ms: number;
  readonly sliceMs: number;
}

/**
 * The 50,000-line file analysed as the server does it (parse and validation steps run in slices of
 * SLICE_MS between event-loop turns), with the event loop's delay monitored: the longest delay is how
 * long a hover could have waited.
 */
export async function measureBlocking(input: Input): Promise<BlockingResult> {
  const service = getLanguageService();
  // Warm the parser and rules first, as in a server that has analysed other files already.
  service.doValidation(URI, service.parse(input.text.slice(0, 200_000)));
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  const t = performance.now();
  histogram.enable();
  const parsed = await runSliced(slicedJob(service.parseSteps(input.text)), () => true);
  if (!parsed) throw new Error('sliced parse did not finish');
  await runSliced(slicedJob(service.validationSteps(URI, parsed)), () => true);
  histogram.disable();
  const totalMs = performance.now() - t;
  return { input: input.id, totalMs, maxBlockMs: histogram.max / 1e6, p99Ms: histogram.percentile(99) / 1e6, sliceMs: SLICE_MS };
}
