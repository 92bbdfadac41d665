import type { Command, ForCommand, List, LoopCommand, Script, SimpleCommand } from './ast';
import { argvOf, commandsOf, listText, simpleCommandsDeep } from './visit';
import { basename, unwrap } from './words';
import { attemptTimeout } from './patterns/timeouts';

/** Why a loop is known to end. */
export type BoundReason = 'finite-list' | 'counter' | 'deadline' | 'input' | 'runs-once' | 'arithmetic-for';

export interface LoopFacts {
  readonly node: LoopCommand | ForCommand;
  readonly kind: 'while' | 'until' | 'for';
  /** Set when the loop is known to end by itself. */
  readonly bound: BoundReason | undefined;
  /** The condition is always true and nothing in the body leaves the loop: it never ends. */
  readonly infinite: boolean;
  /** `until nc -z db 5432` — the loop's head, for messages. */
  readonly head: string;
  /** Limits of a single attempt inside the loop (`curl -m 1`, `nc -w 2`); they do not bound the loop. */
  readonly attemptTimeouts: readonly string[];
}

const ALWAYS_TRUE = new Set(['true', ':']);

export function loopFacts(script: Script, node: LoopCommand | ForCommand): LoopFacts {
  if (node.type === 'for') return forFacts(script, node);
  const cond = node.condition;
  const body = node.body;
  const whole: List = [...cond, ...body];
  const head = `${node.type} ${listText(script, cond)}`.trim();
  const attemptTimeouts = [...new Set([...simpleCommandsDeep(whole)].map((c) => attemptTimeout(argvOf(c))).filter((t): t is string => t !== undefined))];
  const alwaysTrue = node.type === 'while' ? conditionAlwaysTrue(cond) : conditionAlwaysFalse(cond);
  const tests = testTexts(whole);
  const bound = inputDriven(cond) ? 'input' : counterBound(whole, tests) ? 'counter' : deadlineBound(tests) ? 'deadline' : runsOnce(body) ? 'runs-once' : undefined;
  const infinite = bound === undefined && alwaysTrue && !leavesLoop(body);
  return { node, kind: node.type, bound, infinite, head: head.length > 80 ? `${head.slice(0, 77)}…` : head, attemptTimeouts };
}

function forFacts(script: Script, node: ForCommand): LoopFacts {
  if (node.arithmetic) {
    const [, test] = node.arithmetic;
    const head = `for ((${node.arithmetic.join('; ')}))`;
    if (test.trim() !== '') return { node, kind: 'for', bound: 'arithmetic-for', infinite: false, head, attemptTimeouts: [] };
    // `for ((;;))` is `while true`.
    const tests = testTexts(node.body);
    const bound = counterBound(node.body, tests) ? 'counter' : deadlineBound(tests) ? 'deadline' : undefined;
    return { node, kind: 'for', bound, infinite: bound === undefined && !leavesLoop(node.body), head, attemptTimeouts: [] };
  }
  const items = (node.items ?? []).map((w) => w.raw).join(' ');
  void script;
  return { node, kind: 'for', bound: 'finite-list', infinite: false, head: `for ${node.variable} in ${items}`.trim(), attemptTimeouts: [] };
}

/** The single simple command of a one-command condition list, if it is that. */
function onlySimple(list: List): SimpleCommand | undefined {
  if (list.length !== 1) return undefined;
  const item = list[0];
  if (!item || item.rest.length > 0 || item.first.commands.length !== 1) return undefined;
  const c = item.first.commands[0];
  return c?.type === 'simple' && !item.first.negated ? c : undefined;
}

function conditionAlwaysTrue(cond: List): boolean {
  const c = onlySimple(cond);
  if (!c) return false;
  const argv = argvOf(c);
  const name = argv[0] ?? '';
  if (ALWAYS_TRUE.has(name) && argv.length === 1) return true;
  // `while sleep 5` always succeeds; `while [ 1 ]`, `while [ true ]`, `while [ 1 -eq 1 ]`
  if (name === 'sleep') return true;
  if (name === '[' || name === 'test' || name === '[[') {
    const inner = argv.slice(1).filter((a) => a !== ']' && a !== ']]');
    if (inner.length === 1 && inner[0] !== '') return !(inner[0] as string).includes('$');
    if (inner.length === 3 && inner[0] === inner[2] && ['-eq', '=', '=='].includes(inner[1] as string) && !(inner[0] as string).includes('$')) return true;
  }
  return false;
}

function conditionAlwaysFalse(cond: List): boolean {
  const c = onlySimple(cond);
  if (!c) return false;
  const argv = argvOf(c);
  return argv.length === 1 && argv[0] === 'false';
}

/** `while read line`, `while IFS= read -r x`, `while getopts …`, `while [ $# -gt 0 ]` (with `shift`). */
function inputDriven(cond: List): boolean {
  for (const c of simpleCommandsDeep(cond)) {
    const argv = argvOf(c);
    const name = basename(argv[unwrap(argv).index] ?? '');
    if (name === 'read' || name === 'getopts' || name === 'readarray' || name === 'mapfile') return true;
    if ((name === '[' || name === 'test' || name === '[[') && argv.some((a) => /^\$\{?#\}?$|^\$\{?1\}?$/.test(a))) return true;
  }
  return false;
}

const COMPARISON = /(?:^|\s)(?:-lt|-le|-gt|-ge|-eq|-ne)(?:\s|$)|<|>|==|!=|(?:^|\s)=(?:\s|$)/;
const COUNTER_VALUE = /\$\(\(|\$\[|\$\(\s*expr\b|`\s*expr\b/;
const INCREMENT = /([A-Za-z_][A-Za-z0-9_]*)\s*(?:\+\+|--|[-+*]=|=(?!=))|(?:\+\+|--)\s*([A-Za-z_][A-Za-z0-9_]*)/g;

/** Variables changed arithmetically in the list: `i=$((i+1))`, `((i++))`, `let i+=1`, `: $((n--))`, `i=$(expr $i + 1)`. */
function arithmeticVariables(list: List): Set<string> {
  const vars = new Set<string>();
  const fromExpr = (expr: string): void => {
    for (const m of expr.matchAll(INCREMENT)) {
      const v = m[1] ?? m[2];
      if (v) vars.add(v);
    }
  };
  for (const c of commandsOf(list)) {
    if (c.type === 'arith') fromExpr(c.expr);
    if (c.type !== 'simple') continue;
    for (const a of c.assignments) if (COUNTER_VALUE.test(a.value.raw) || /\$\(\s*date\b|`\s*date\b|SECONDS/.test(a.value.raw)) vars.add(a.name);
    const argv = argvOf(c);
    if (argv[0] === 'let') argv.slice(1).forEach(fromExpr);
    for (const w of c.words) {
      for (const m of w.raw.matchAll(/\$\(\((.*?)\)\)/g)) if (/\+\+|--|[-+*]=/.test(m[1] as string)) fromExpr(m[1] as string);
    }
  }
  return vars;
}

/** Test expressions of the list: `[ … ]`, `[[ … ]]`, `test …`, `(( … ))`, `$(( a > b ))`. */
function testTexts(list: List): string[] {
  const out: string[] = [];
  for (const c of commandsOf(list)) {
    if (c.type === 'arith') out.push(c.expr);
    if (c.type !== 'simple') continue;
    const argv = argvOf(c);
    const name = argv[0] ?? '';
    if (name === '[' || name === '[[' || name === 'test' || name === 'expr') out.push(c.words.map((w) => w.raw).join(' '));
    for (const w of c.words) for (const m of w.raw.matchAll(/\$\(\((.*?)\)\)/g)) out.push(m[1] as string);
  }
  return out;
}

function mentions(text: string, variable: string): boolean {
  return new RegExp(`\\$\\{?${variable}\\b|(?:^|[^\\w$])${variable}\\b`).test(text);
}

/** A variable that changes arithmetically in the loop is compared in a test of the loop: a retry counter. */
function counterBound(list: List, tests: readonly string[]): boolean {
  const vars = arithmeticVariables(list);
  if (vars.size === 0) return false;
  return tests.some((t) => COMPARISON.test(t) && [...vars].some((v) => mentions(t, v)));
}

/** The loop compares the clock: `$SECONDS`, `$(date +%s)`. */
function deadlineBound(tests: readonly string[]): boolean {
  return tests.some((t) => COMPARISON.test(t) && /SECONDS|\$\(\s*date\b|`\s*date\b/.test(t));
}

/** The body ends with an unconditional `break`/`exit`/`return` and never `continue`s: it runs at most once. */
function runsOnce(body: List): boolean {
  const hasContinue = [...commandsOf(body)].some((c) => c.type === 'simple' && argvOf(c)[0] === 'continue');
  if (hasContinue) return false;
  return body.some((item) => item.rest.length === 0 && !item.background && item.first.commands.length === 1 && isLeave(item.first.commands[0]));
}

function isLeave(c: Command | undefined): boolean {
  if (c?.type !== 'simple') return false;
  const name = argvOf(c)[0];
  return name === 'break' || name === 'exit' || name === 'return';
}

/** Whether something in the body (not in a nested loop, for `break`) leaves the loop. */
function leavesLoop(body: List): boolean {
  for (const c of commandsOf(body)) {
    if (c.type !== 'simple') continue;
    const name = argvOf(c)[0];
    if (name === 'exit' || name === 'return') return true;
    if (name === 'break' && !insideNestedLoop(body, c)) return true;
    // `exec …` replaces the shell: the loop ends there.
    if (name === 'exec' && c.words.length > 1) return true;
  }
  return false;
}

function insideNestedLoop(body: List, target: SimpleCommand): boolean {
  for (const c of commandsOf(body)) {
    if (c.type === 'while' || c.type === 'until' || c.type === 'for') {
      for (const inner of commandsOf(c.type === 'for' ? c.body : [...c.condition, ...c.body])) if (inner === target) return true;
    }
  }
  return false;
}
