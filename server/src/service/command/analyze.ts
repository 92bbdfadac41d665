import type { Document } from 'yaml';
import type { ContainerModel } from '../model/types';
import type { Command, List, Pipeline, Redirect, Script, Word } from './ast';
import { effectiveCommand } from './effective';
import type { ArgvWord, EffectiveCommand } from './effective';
import { loopFacts } from './loops';
import type { LoopFacts } from './loops';
import { parseScript } from './parser';
import { argvOf } from './visit';
import { basename, shellFlagsErrexit, shellScriptIndex, unwrap } from './words';

/** One program the container runs (a simple command of its script, or its exec-form argv). */
export interface CommandUse {
  /** The program's base name after wrappers (`nc`, `git`, `migrate`); '' for a bare assignment. */
  readonly name: string;
  /** The whole argv as written (wrappers included). */
  readonly argv: readonly string[];
  /** The program's arguments. */
  readonly args: readonly string[];
  /** The script words (undefined for an exec-form command). */
  readonly words: readonly Word[] | undefined;
  readonly redirects: readonly Redirect[];
  /** `exec prog` — the shell is replaced. */
  readonly exec: boolean;
  /** A `timeout N` that limits this command (its own wrapper or an enclosing one). */
  readonly timeout: string | undefined;
  /** Runs in the background (`&`): the script does not wait for it. */
  readonly background: boolean;
  /** Part of an `if`/`while`/`until` condition. */
  readonly inCondition: boolean;
  /** Runs only under a condition: inside an `if`/`case` branch, a function, or after `&&`/`||`. */
  readonly conditional: boolean;
  /** Its failure is handled (a later `|| …` in the same chain, or it is a condition). */
  readonly tolerated: boolean;
  /** Its exit status becomes the container's (last command of the script, or exec form). */
  readonly last: boolean;
  /** The shell stops on failure (`set -e`, `sh -ec`). */
  readonly errexit: boolean;
  /** Enclosing loops, innermost last. */
  readonly loops: readonly LoopFacts[];
  readonly inSubstitution: boolean;
  /** The script it belongs to (undefined for an exec-form command). */
  readonly script: Script | undefined;
}

export interface LoopUse extends LoopFacts {
  readonly background: boolean;
  /** A `timeout N` around the script holding the loop. */
  readonly timeout: string | undefined;
  /** Inside a function body (may never run). */
  readonly inFunction: boolean;
  readonly script: Script;
}

export interface CommandAnalysis {
  readonly command: EffectiveCommand;
  /** The word holding the top-level script, when the container runs `sh -c`. */
  readonly scriptWord: ArgvWord | undefined;
  readonly script: Script | undefined;
  readonly uses: readonly CommandUse[];
  readonly loops: readonly LoopUse[];
}

interface Ctx {
  readonly script: Script;
  readonly background: boolean;
  readonly inCondition: boolean;
  readonly conditional: boolean;
  readonly tolerated: boolean;
  readonly last: boolean;
  readonly loops: readonly LoopFacts[];
  readonly timeout: string | undefined;
  readonly inSubstitution: boolean;
  readonly inFunction: boolean;
  readonly errexit: { value: boolean };
  readonly depth: number;
}

const cache = new WeakMap<ContainerModel, CommandAnalysis>();

/** What a container runs: its command words, the programs of its script, and its loops. Cached per container model. */
export function analyzeContainer(container: ContainerModel, yaml: Document.Parsed): CommandAnalysis {
  let a = cache.get(container);
  if (!a) {
    a = analyzeCommand(effectiveCommand(container, yaml));
    cache.set(container, a);
  }
  return a;
}

export function analyzeCommand(command: EffectiveCommand): CommandAnalysis {
  const uses: CommandUse[] = [];
  const loops: LoopUse[] = [];
  const texts = command.argv.map((w) => w.text);
  if (command.script) {
    const { script, uses: scriptUses, loops: scriptLoops } = walkScriptText(command.script.text, command.timeout, command.errexit);
    return { command, scriptWord: command.script, script, uses: scriptUses, loops: scriptLoops };
  }
  if (texts.length > 0) {
    const u = unwrap(texts);
    uses.push({
      name: basename(texts[u.index] ?? ''),
      argv: texts,
      args: texts.slice(u.index + 1),
      words: undefined,
      redirects: [],
      exec: true,
      timeout: u.timeout,
      background: false,
      inCondition: false,
      conditional: false,
      tolerated: false,
      last: true,
      errexit: true,
      loops: [],
      inSubstitution: false,
      script: undefined,
    });
  }
  return { command, scriptWord: undefined, script: undefined, uses, loops };
}

interface ScriptWalk {
  readonly script: Script;
  readonly uses: readonly CommandUse[];
  readonly loops: readonly LoopUse[];
}

// The walk of a script depends only on its text, the enclosing `timeout` and the shell's `-e`; its spans are
// script-relative (rules map them through the script word). Shared, read-only, by every container running the
// same script (a large file repeats the same `until nc …` loop dozens of times). Bounded: cleared when full.
const scriptWalks = new Map<string, ScriptWalk>();
const SCRIPT_WALKS_MAX = 2000;

function walkScriptText(text: string, timeout: string | undefined, errexit: boolean): ScriptWalk {
  const key = `${errexit ? 'e' : '-'}${timeout ?? ''}\u0000${text}`;
  const hit = scriptWalks.get(key);
  if (hit) return hit;
  const walk = walkScript(text, timeout, errexit);
  if (scriptWalks.size >= SCRIPT_WALKS_MAX) scriptWalks.clear();
  scriptWalks.set(key, walk);
  return walk;
}

function walkScript(text: string, timeout: string | undefined, errexit: boolean): { script: Script; uses: CommandUse[]; loops: LoopUse[] } {
  const script = parseScript(text);
  const uses: CommandUse[] = [];
  const loops: LoopUse[] = [];
  const ctx: Ctx = {
    script,
    background: false,
    inCondition: false,
    conditional: false,
    tolerated: false,
    last: true,
    loops: [],
    timeout,
    inSubstitution: false,
    inFunction: false,
    errexit: { value: errexit },
    depth: 0,
  };
  walkList(script.list, ctx, uses, loops);
  return { script, uses, loops };
}

/** Analyses a script on its own (for tests and nested scripts). */
export function analyzeScript(text: string): { script: Script; uses: CommandUse[]; loops: LoopUse[] } {
  return walkScript(text, undefined, false);
}

function walkList(list: List, ctx: Ctx, uses: CommandUse[], loops: LoopUse[]): void {
  list.forEach((item, idx) => {
    const lastItem = ctx.last && idx === list.length - 1;
    const pipelines = [item.first, ...item.rest.map((r) => r.pipeline)];
    const ops = item.rest.map((r) => r.op);
    pipelines.forEach((p, k) => {
      const laterOr = ops.slice(k).includes('||');
      const sub: Ctx = {
        ...ctx,
        background: ctx.background || item.background,
        // After `||`, or after a test (`[ -d x ] && …`), it runs only under a condition; after other `&&` it runs whenever they succeed.
        conditional: ctx.conditional || ops[k - 1] === '||' || pipelines.slice(0, k).some(isTest),
        tolerated: ctx.tolerated || laterOr || p.negated,
        // With only `&&` after it, a failure ends the chain with that status.
        last: lastItem && !laterOr && !item.background,
      };
      p.commands.forEach((c, j) => walkCommand(c, { ...sub, last: sub.last && j === p.commands.length - 1 }, uses, loops));
    });
  });
}

/** A pipeline that tests something: `[ … ]`, `[[ … ]]`, `test …`, `(( … ))`, `! cmd`, `grep -q`, `command -v`. */
function isTest(p: Pipeline): boolean {
  if (p.negated) return true;
  const c = p.commands[p.commands.length - 1];
  if (c?.type === 'arith') return true;
  if (c?.type !== 'simple') return false;
  const argv = c.words.map((w) => w.value);
  const name = argv[0] ?? '';
  return name === '[' || name === '[[' || name === 'test' || (name === 'grep' && argv.some((a) => /^-[a-zA-Z]*q/.test(a))) || (name === 'command' && argv[1] === '-v') || name === 'which' || name === 'getent';
}

function walkCommand(c: Command, ctx: Ctx, uses: CommandUse[], loops: LoopUse[]): void {
  switch (c.type) {
    case 'simple':
      return walkSimple(c.words, c.redirects, c.assignments.map((a) => a.value), ctx, uses, loops);
    case 'while':
    case 'until':
    case 'for': {
      const facts = loopFacts(ctx.script, c);
      loops.push({ ...facts, background: ctx.background, timeout: ctx.timeout, inFunction: ctx.inFunction, script: ctx.script });
      const inner: Ctx = { ...ctx, loops: [...ctx.loops, facts], last: false };
      if (c.type !== 'for') walkList(c.condition, { ...inner, inCondition: true, tolerated: true }, uses, loops);
      if (c.type === 'for') for (const w of c.items ?? []) walkWord(w, inner, uses, loops);
      walkList(c.body, inner, uses, loops);
      return;
    }
    case 'if':
      for (const b of c.branches) {
        walkList(b.condition, { ...ctx, inCondition: true, tolerated: true, last: false }, uses, loops);
        walkList(b.body, { ...ctx, conditional: true }, uses, loops);
      }
      if (c.elseBody) walkList(c.elseBody, { ...ctx, conditional: true }, uses, loops);
      return;
    case 'case':
      for (const arm of c.arms) walkList(arm.body, { ...ctx, conditional: true }, uses, loops);
      return;
    case 'group':
    case 'subshell':
      walkList(c.body, ctx, uses, loops);
      return;
    case 'function':
      walkCommand(c.body, { ...ctx, conditional: true, inFunction: true, last: false }, uses, loops);
      return;
    case 'arith':
      return;
  }
}

function walkWord(w: Word, ctx: Ctx, uses: CommandUse[], loops: LoopUse[]): void {
  for (const sub of w.substitutions) {
    walkList(sub.list, { ...ctx, script: sub, inSubstitution: true, last: false }, uses, loops);
  }
}

function walkSimple(words: readonly Word[], redirects: readonly Redirect[], assigned: readonly Word[], ctx: Ctx, uses: CommandUse[], loops: LoopUse[]): void {
  for (const w of [...assigned, ...words, ...redirects.flatMap((r) => (r.target ? [r.target] : []))]) walkWord(w, ctx, uses, loops);
  const argv = words.map((w) => w.value);
  const u = unwrap(argv);
  const program = argv[u.index] ?? '';
  // A program that is itself an expansion (`$CMD`, `$(…)`) is unknown.
  const name = /^(\$|`)/.test(program) ? '' : basename(program);
  if (name === 'set' && argv.slice(1).some((a) => /^-[a-zA-Z]*e[a-zA-Z]*$/.test(a) || a === 'errexit')) ctx.errexit.value = true;
  const timeout = u.timeout ?? ctx.timeout;
  uses.push({
    name,
    argv,
    args: argv.slice(u.index + 1),
    words,
    redirects,
    exec: u.exec,
    timeout,
    background: ctx.background,
    inCondition: ctx.inCondition,
    conditional: ctx.conditional,
    tolerated: ctx.tolerated,
    last: ctx.last || u.exec,
    errexit: ctx.errexit.value,
    loops: ctx.loops,
    inSubstitution: ctx.inSubstitution,
    script: ctx.script,
  });
  // `sh -c '…'` inside the script (or `timeout 300 sh -c '…'`): analyse the nested script too.
  const scriptIndex = shellScriptIndex(argv, u.index);
  if (scriptIndex >= 0 && ctx.depth < 4 && !/^(\$|`)/.test(argv[scriptIndex] as string)) {
    const nested = parseScript(argv[scriptIndex] as string);
    const errexit = { value: shellFlagsErrexit(argv, u.index, scriptIndex) };
    walkList(nested.list, { ...ctx, script: nested, timeout, errexit, depth: ctx.depth + 1, last: ctx.last || u.exec }, uses, loops);
  }
}

export { argvOf };
