/**
 * The syntax tree of the small, tolerant POSIX-shell / bash parser used to understand what a container
 * runs (`sh -c '…'` scripts). Offsets are relative to the script text.
 */

/** One shell word: `nc`, `"$HOST"`, `'a b'`, `$(seq 1 10)`. */
export interface Word {
  /** The word as written. */
  readonly raw: string;
  /** Quotes removed and escapes resolved; parameter and command substitutions are kept as written (`$i`, `$(seq 1 3)`). */
  readonly value: string;
  /** Whether any part of the word was quoted. */
  readonly quoted: boolean;
  /** Whether the word contains an unquoted or double-quoted `$`/backtick expansion. */
  readonly expands: boolean;
  /** The parsed bodies of `$(…)` and backtick command substitutions inside the word. */
  readonly substitutions: readonly Script[];
  readonly start: number;
  readonly end: number;
}

export interface Redirect {
  /** `>`, `>>`, `<`, `2>`, `&>`, `<<`, `<<<`, `>&` … (the file-descriptor number included). */
  readonly op: string;
  readonly target: Word | undefined;
}

export interface Assignment {
  readonly name: string;
  readonly value: Word;
}

export interface SimpleCommand {
  readonly type: 'simple';
  readonly assignments: readonly Assignment[];
  readonly words: readonly Word[];
  readonly redirects: readonly Redirect[];
  readonly start: number;
  readonly end: number;
}

/** `((expr))` */
export interface ArithCommand {
  readonly type: 'arith';
  readonly expr: string;
  readonly start: number;
  readonly end: number;
}

export interface LoopCommand {
  readonly type: 'while' | 'until';
  readonly condition: List;
  readonly body: List;
  readonly redirects: readonly Redirect[];
  readonly start: number;
  readonly end: number;
}

export interface ForCommand {
  readonly type: 'for';
  readonly variable: string;
  /** `for x in a b c` — undefined for `for x; do` (positional parameters) and the arithmetic form. */
  readonly items: readonly Word[] | undefined;
  /** `for ((init; cond; step))` — the three parts. */
  readonly arithmetic: readonly [string, string, string] | undefined;
  readonly body: List;
  readonly redirects: readonly Redirect[];
  readonly start: number;
  readonly end: number;
}

export interface IfCommand {
  readonly type: 'if';
  readonly branches: ReadonlyArray<{ readonly condition: List; readonly body: List }>;
  readonly elseBody: List | undefined;
  readonly redirects: readonly Redirect[];
  readonly start: number;
  readonly end: number;
}

export interface CaseCommand {
  readonly type: 'case';
  readonly subject: Word | undefined;
  readonly arms: ReadonlyArray<{ readonly patterns: readonly Word[]; readonly body: List }>;
  readonly redirects: readonly Redirect[];
  readonly start: number;
  readonly end: number;
}

/** `{ …; }` (group) or `( … )` (subshell). */
export interface GroupCommand {
  readonly type: 'group' | 'subshell';
  readonly body: List;
  readonly redirects: readonly Redirect[];
  readonly start: number;
  readonly end: number;
}

export interface FunctionCommand {
  readonly type: 'function';
  readonly name: string;
  readonly body: Command;
  readonly start: number;
  readonly end: number;
}

export type Command = SimpleCommand | ArithCommand | LoopCommand | ForCommand | IfCommand | CaseCommand | GroupCommand | FunctionCommand;

/** `a | b | c`, optionally negated with `!`. */
export interface Pipeline {
  readonly negated: boolean;
  readonly commands: readonly Command[];
}

/** `a && b || c`, optionally run in the background with `&`. */
export interface AndOr {
  readonly first: Pipeline;
  readonly rest: ReadonlyArray<{ readonly op: '&&' | '||'; readonly pipeline: Pipeline }>;
  readonly background: boolean;
}

export type List = readonly AndOr[];

export interface Script {
  readonly text: string;
  readonly list: List;
  /** What the parser could not understand (it never throws; it skips and records). */
  readonly errors: readonly string[];
}
