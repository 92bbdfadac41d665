/**
 * What the corpus test expects, from test/fixtures/corpus/{real,tricky,helm}/EXPECTED.md.
 * Positions are 0-based line and UTF-16 character of the diagnostic's start, as EXPECTED.md gives them.
 */
export interface Expected {
  /** Path under test/fixtures/corpus, e.g. `tricky/03-flow-style.yaml`. */
  readonly file: string;
  readonly rule: string;
  readonly line: number;
  readonly character: number;
  /** Optional expected end of the range. */
  readonly end?: { readonly line: number; readonly character: number };
  /** Optional expected severity (on the default settings), where EXPECTED.md insists on a level. */
  readonly severity?: 'error' | 'warning' | 'information' | 'hint';
  /** The EXPECTED.md item it comes from, for failure messages. */
  readonly note?: string;
}

export interface NotExpected {
  readonly file: string;
  /** The rule that must stay silent; '*' for every rule (no finding at all in the file or at the line). */
  readonly rule: string;
  /** When set, only findings starting on this line are forbidden. */
  readonly line?: number;
  readonly note: string;
}

export interface RuleExpectations {
  readonly expected: readonly Expected[];
  readonly notExpected: readonly NotExpected[];
  /** Rules whose every finding on the corpus must be listed in `expected` (no unlisted finding allowed). */
  readonly exact: readonly string[];
}
