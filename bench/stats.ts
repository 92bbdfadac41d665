// Summary statistics for samples in milliseconds: median and spread (median absolute deviation, min, max).

export interface Summary {
  /** Median. */
  readonly median: number;
  /** Median absolute deviation from the median. */
  readonly mad: number;
  readonly min: number;
  readonly max: number;
  readonly samples: number;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) return { median: Number.NaN, mad: Number.NaN, min: Number.NaN, max: Number.NaN, samples: 0 };
  const sorted = [...samples].sort((a, b) => a - b);
  const median = quantile(sorted, 0.5);
  const deviations = sorted.map((x) => Math.abs(x - median)).sort((a, b) => a - b);
  return { median, mad: quantile(deviations, 0.5), min: sorted[0] as number, max: sorted[sorted.length - 1] as number, samples: sorted.length };
}

function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (at - lo);
}

/** `12.3 ms ±0.4` — median and MAD. */
export function formatMs(s: Summary | undefined): string {
  if (!s || s.samples === 0 || !Number.isFinite(s.median)) return 'n/a';
  return `${round(s.median)} ms ±${round(s.mad)}`;
}

export function round(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 10) return ms.toFixed(1);
  return ms.toFixed(2);
}

/** `a / b` as `3.1×`. */
export function ratio(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return undefined;
  return a / b;
}

export function formatRatio(r: number | undefined): string {
  return r === undefined ? 'n/a' : `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}×`;
}
