// One fuzz campaign: generated manifests and mutated corpus files through checkText, with counts.
import fc from 'fast-check';
import { manifestFile } from './arbitraries';
import { applyMutation, corpusFiles, mutatedCorpus, mutation } from './mutations';
import type { CorpusFile } from './mutations';
import { checkText } from './properties';
import type { CheckOptions, CheckStats } from './properties';

export interface CampaignOptions {
  readonly seed: number;
  /** Inputs generated from scratch. */
  readonly generated: number;
  /** Mutated corpus inputs (spread over every corpus file). */
  readonly mutated: number;
  /** Largest window of a corpus file that is mutated. */
  readonly windowChars: number;
  readonly check: Omit<CheckOptions, 'previous' | 'seed'>;
  /** Resolve a "fix all" action for one input in this many (1 = every input; it re-validates several times). */
  readonly fixAllEvery?: number;
  /** Called now and then with the counts so far. */
  readonly progress?: (counts: CampaignCounts) => void;
}

/** The input of the last failing check (the shrunk counterexample once fast-check is done), for reproducing it. */
export interface FailingInput {
  readonly text: string;
  readonly previous: string | undefined;
  readonly seed: number;
  readonly source: string;
}
export let lastFailure: FailingInput | undefined;

function checked(text: string, previous: string | undefined, seed: number, source: string, options: CampaignOptions): CheckStats {
  try {
    const fixAll = options.check.fixAll && Math.abs(seed) % (options.fixAllEvery ?? 1) === 0;
    return checkText(text, { ...options.check, fixAll, seed, ...(previous === undefined ? {} : { previous }) });
  } catch (error) {
    lastFailure = { text, previous, seed, source };
    throw error;
  }
}

export interface CampaignCounts {
  inputs: number;
  generated: number;
  mutated: number;
  perFile: Record<string, number>;
  diagnostics: number;
  actions: number;
  edits: number;
  requests: number;
  maxMs: number;
  slowest: string;
}

function add(counts: CampaignCounts, stats: CheckStats, ms: number, what: string): void {
  counts.inputs++;
  counts.diagnostics += stats.diagnostics;
  counts.actions += stats.actions;
  counts.edits += stats.edits;
  counts.requests += stats.requests;
  if (ms > counts.maxMs) {
    counts.maxMs = ms;
    counts.slowest = what;
  }
}

/** Runs the campaign; a failing property throws fast-check's report (seed, path, counterexample) with the broken property. */
export function runCampaign(options: CampaignOptions): CampaignCounts {
  try {
    return campaign(options);
  } catch (error) {
    const e = error as Error & { cause?: unknown };
    if (e.cause instanceof Error) e.message = `${e.cause.message.slice(0, 6000)}\n--- fast-check report ---\n${e.message}`;
    throw e;
  }
}

function campaign(options: CampaignOptions): CampaignCounts {
  const counts: CampaignCounts = { inputs: 0, generated: 0, mutated: 0, perFile: {}, diagnostics: 0, actions: 0, edits: 0, requests: 0, maxMs: 0, slowest: '' };
  const tick = (): void => {
    if (options.progress && counts.inputs % 1000 === 0) options.progress(counts);
  };
  if (options.generated > 0) {
    fc.assert(
      fc.property(manifestFile, fc.integer(), fc.option(fc.array(mutation, { minLength: 1, maxLength: 2 }), { nil: undefined }), (m, seed, edits) => {
        // The previous version: the same file with a small edit (as while typing), or nothing.
        const previous = edits ? edits.reduce(applyMutation, m.text) : undefined;
        const t = performance.now();
        const stats = checked(m.text, previous, seed, `generated ${m.kinds.join('+')}`, options);
        add(counts, stats, performance.now() - t, `generated ${m.kinds.join('+')}`);
        counts.generated++;
        tick();
      }),
      { seed: options.seed, numRuns: options.generated, endOnFailure: true },
    );
  }
  if (options.mutated > 0) {
    const files: CorpusFile[] = corpusFiles();
    // Every file gets its share of the mutations.
    const perFile = Math.max(1, Math.ceil(options.mutated / files.length));
    files.forEach((file, i) => {
      fc.assert(
        fc.property(mutatedCorpus([file], options.windowChars), fc.integer(), (c, seed) => {
          const t = performance.now();
          const stats = checked(c.text, c.original, seed, c.file, options);
          add(counts, stats, performance.now() - t, c.file);
          counts.mutated++;
          counts.perFile[c.file] = (counts.perFile[c.file] ?? 0) + 1;
          tick();
        }),
        { seed: options.seed + i + 1, numRuns: perFile, endOnFailure: true },
      );
    });
  }
  return counts;
}
