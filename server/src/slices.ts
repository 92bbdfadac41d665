/**
 * Runs the service's step generators (parse, validation: one YAML document per step) in time slices,
 * so that analysing a very large file never keeps the event loop — and hovers or other requests — waiting
 * longer than a slice. Small files finish within the first slice, without any delay.
 */

/** Longest stretch of analysis between two turns of the event loop. */
export const SLICE_MS = 5;

export interface SlicedJob<T> {
  /** Runs one step; true when the job is done. */
  step(): boolean;
  readonly done: boolean;
  /** The result, once done. */
  readonly value: T | undefined;
  /** Time spent in steps so far (ms), yields excluded. */
  readonly busyMs: number;
}

export function slicedJob<T>(steps: Generator<void, T, void>): SlicedJob<T> {
  let done = false;
  let value: T | undefined;
  let busyMs = 0;
  return {
    step() {
      if (done) return true;
      const t = performance.now();
      const r = steps.next();
      busyMs += performance.now() - t;
      if (r.done) {
        done = true;
        value = r.value;
      }
      return done;
    },
    get done() {
      return done;
    },
    get value() {
      return value;
    },
    get busyMs() {
      return busyMs;
    },
  };
}

/** Runs the job to its end at once (when a request needs the result now). */
export function finishNow<T>(job: SlicedJob<T>): T {
  while (!job.step()) {
    // keep going
  }
  return job.value as T;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs the job in slices of `sliceMs`, yielding to the event loop in between. Resolves to undefined when
 * `isCurrent` turns false (a newer version arrived); the job may also be finished by someone else meanwhile.
 */
export async function runSliced<T>(job: SlicedJob<T>, isCurrent: () => boolean, sliceMs = SLICE_MS): Promise<T | undefined> {
  for (;;) {
    const deadline = performance.now() + sliceMs;
    while (!job.done && performance.now() < deadline) job.step();
    if (job.done) return job.value;
    await nextTurn();
    if (job.done) return job.value;
    if (!isCurrent()) return undefined;
  }
}
