/** How many crashes the client tolerates before it stops restarting the server (vscode-eslint and rust-analyzer use the same idea). */
export const MAX_RESTARTS = 4;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

/**
 * Counts crashes in a sliding window: the server is restarted after each of the first `max` crashes within
 * `windowMs`; the next one gives up. Pure (no vscode import) so it is unit-tested directly.
 */
export class RestartBudget {
  private crashTimes: number[] = [];

  constructor(
    readonly max: number = MAX_RESTARTS,
    readonly windowMs: number = RESTART_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a crash; true when the server may be restarted once more. */
  recordCrash(): boolean {
    const t = this.now();
    this.crashTimes = this.crashTimes.filter((c) => t - c < this.windowMs);
    this.crashTimes.push(t);
    return this.crashTimes.length <= this.max;
  }

  /** Crashes inside the current window. */
  get recentCrashes(): number {
    const t = this.now();
    return this.crashTimes.filter((c) => t - c < this.windowMs).length;
  }

  /** Forgets past crashes (an explicit restart by the user starts afresh). */
  reset(): void {
    this.crashTimes = [];
  }
}
