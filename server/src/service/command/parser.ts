import type { AndOr, Assignment, Command, List, Pipeline, Redirect, Script, SimpleCommand, Word } from './ast';
import { tokenize } from './lexer';
import type { Token } from './lexer';

/**
 * A small, tolerant recursive-descent parser for the shell scripts found in `command`/`args`
 * (`sh -c '…'`). It understands simple commands, pipelines, `&&`/`||`, `&`, `;`, `while`/`until`,
 * `for` (list and arithmetic), `if`, `case`, `{ }`, `( )`, `((…))`, `[[ … ]]` and function definitions.
 * It never throws: what it cannot parse is skipped and recorded in `errors`.
 */
export function parseScript(text: string, depth = 0): Script {
  const tokens = tokenize(text, (sub, d) => parseScript(sub, d), depth);
  const p = new Parser(tokens);
  const list = p.list(new Set());
  while (!p.atEnd()) {
    p.error(`unexpected ${p.describe()}`);
    p.skip();
    p.list(new Set()).forEach((x) => (list as AndOr[]).push(x));
  }
  return { text, list, errors: p.errors };
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\[[^\]]*\])?\+?=/;
const RESERVED_END = new Set(['then', 'do', 'done', 'fi', 'else', 'elif', 'esac', '}']);
const MAX_NESTING = 64;

class Parser {
  readonly errors: string[] = [];
  private pos = 0;
  private nesting = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  atEnd(): boolean {
    return this.pos >= this.tokens.length;
  }

  error(message: string): void {
    if (this.errors.length < 20) this.errors.push(message);
  }

  skip(): void {
    this.pos++;
  }

  describe(): string {
    const t = this.peek();
    if (!t) return 'end of script';
    if (t.kind === 'word') return `\`${t.word.raw}\``;
    if (t.kind === 'op') return `\`${t.op}\``;
    return t.kind;
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }

  /** The unquoted word at the cursor, if any. */
  private keyword(offset = 0): string | undefined {
    const t = this.peek(offset);
    return t?.kind === 'word' && !t.word.quoted && !t.word.expands ? t.word.value : undefined;
  }

  private isOp(op: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t?.kind === 'op' && t.op === op;
  }

  private skipNewlines(): void {
    while (this.peek()?.kind === 'newline') this.pos++;
  }

  private expectKeyword(word: string): void {
    this.skipNewlines();
    if (this.keyword() === word) this.pos++;
    else this.error(`expected \`${word}\`, found ${this.describe()}`);
  }

  /** A list of and-or items, up to one of the `stop` keywords/operators (not consumed). */
  list(stop: ReadonlySet<string>): List {
    const items: AndOr[] = [];
    for (;;) {
      while (this.peek()?.kind === 'newline' || this.isOp(';') || this.isOp('&')) this.pos++;
      const t = this.peek();
      if (!t) break;
      if (t.kind === 'op' && (stop.has(t.op) || t.op === ')' || t.op === ';;' || t.op === ';&' || t.op === ';;&')) break;
      const kw = this.keyword();
      if (kw !== undefined && (stop.has(kw) || RESERVED_END.has(kw))) break;
      const before = this.pos;
      const item = this.andOr(stop);
      if (item) items.push(item);
      if (this.pos === before) {
        this.error(`unexpected ${this.describe()}`);
        this.pos++;
      }
    }
    return items;
  }

  private andOr(stop: ReadonlySet<string>): AndOr | undefined {
    const first = this.pipeline(stop);
    if (!first) return undefined;
    const rest: Array<{ op: '&&' | '||'; pipeline: Pipeline }> = [];
    while (this.isOp('&&') || this.isOp('||')) {
      const op = (this.peek() as { op: '&&' | '||' }).op;
      this.pos++;
      this.skipNewlines();
      const next = this.pipeline(stop);
      if (!next) break;
      rest.push({ op, pipeline: next });
    }
    let background = false;
    if (this.isOp('&')) {
      background = true;
      this.pos++;
    } else if (this.isOp(';')) this.pos++;
    return { first, rest, background };
  }

  private pipeline(stop: ReadonlySet<string>): Pipeline | undefined {
    let negated = false;
    while (this.keyword() === '!') {
      negated = !negated;
      this.pos++;
    }
    const commands: Command[] = [];
    const first = this.command(stop);
    if (!first) return negated ? { negated, commands } : undefined;
    commands.push(first);
    while (this.isOp('|') || this.isOp('|&')) {
      this.pos++;
      this.skipNewlines();
      const next = this.command(stop);
      if (!next) break;
      commands.push(next);
    }
    return { negated, commands };
  }

  private command(stop: ReadonlySet<string>): Command | undefined {
    const t = this.peek();
    if (!t || t.kind === 'newline') return undefined;
    if (this.nesting > MAX_NESTING) {
      this.error('nesting too deep');
      this.pos = this.tokens.length;
      return undefined;
    }
    this.nesting++;
    try {
      if (t.kind === 'arith') {
        this.pos++;
        return { type: 'arith', expr: t.expr, start: t.start, end: t.end };
      }
      if (t.kind === 'op' && t.op === '(') return this.compound('subshell', t.start);
      const kw = this.keyword();
      if (kw !== undefined && t.kind === 'word' && !stop.has(kw)) {
        const start = t.word.start;
        switch (kw) {
          case 'while':
          case 'until':
            return this.loop(kw, start);
          case 'for':
          case 'select':
            return this.forLoop(start);
          case 'if':
            return this.ifCommand(start);
          case 'case':
            return this.caseCommand(start);
          case '{':
            return this.compound('group', start);
          case 'function':
            return this.functionDef(start, true);
        }
        if (/^[A-Za-z_][\w-]*$/.test(kw) && this.isOp('(', 1) && this.isOp(')', 2)) return this.functionDef(start, false);
      }
      return this.simple();
    } finally {
      this.nesting--;
    }
  }

  private endOf(offset = -1): number {
    const t = this.tokens[this.pos + offset];
    if (!t) return 0;
    if (t.kind === 'word') return t.word.end;
    if (t.kind === 'newline') return t.start + 1;
    return t.end;
  }

  private redirects(): Redirect[] {
    const out: Redirect[] = [];
    for (;;) {
      const t = this.peek();
      if (t?.kind !== 'op' || !/^\d*(?:[<>]|&>)/.test(t.op)) break;
      this.pos++;
      const target = this.peek();
      if (target?.kind === 'word') {
        this.pos++;
        out.push({ op: t.op, target: target.word });
      } else out.push({ op: t.op, target: undefined });
    }
    return out;
  }

  private loop(kind: 'while' | 'until', start: number): Command {
    this.pos++;
    const condition = this.list(new Set(['do']));
    this.expectKeyword('do');
    const body = this.list(new Set(['done']));
    this.expectKeyword('done');
    const redirects = this.redirects();
    return { type: kind, condition, body, redirects, start, end: this.endOf() };
  }

  private forLoop(start: number): Command {
    this.pos++;
    const t = this.peek();
    if (t?.kind === 'arith') {
      this.pos++;
      const parts = t.expr.split(';').map((s) => s.trim());
      const arithmetic: [string, string, string] = [parts[0] ?? '', parts[1] ?? '', parts[2] ?? ''];
      while (this.isOp(';') || this.peek()?.kind === 'newline') this.pos++;
      return this.forBody(start, '', undefined, arithmetic);
    }
    const variable = this.keyword() ?? '';
    if (t?.kind === 'word') this.pos++;
    this.skipNewlines();
    let items: Word[] | undefined;
    if (this.keyword() === 'in') {
      this.pos++;
      items = [];
      for (let w = this.peek(); w?.kind === 'word'; w = this.peek()) {
        items.push(w.word);
        this.pos++;
      }
    }
    while (this.isOp(';') || this.peek()?.kind === 'newline') this.pos++;
    return this.forBody(start, variable, items, undefined);
  }

  private forBody(start: number, variable: string, items: Word[] | undefined, arithmetic: [string, string, string] | undefined): Command {
    let body: List;
    if (this.keyword() === '{') {
      const group = this.compound('group', this.endOf(0));
      body = [{ first: { negated: false, commands: [group] }, rest: [], background: false }];
    } else {
      this.expectKeyword('do');
      body = this.list(new Set(['done']));
      this.expectKeyword('done');
    }
    const redirects = this.redirects();
    return { type: 'for', variable, items, arithmetic, body, redirects, start, end: this.endOf() };
  }

  private ifCommand(start: number): Command {
    this.pos++;
    const branches: Array<{ condition: List; body: List }> = [];
    let elseBody: List | undefined;
    for (;;) {
      const condition = this.list(new Set(['then']));
      this.expectKeyword('then');
      const body = this.list(new Set(['elif', 'else', 'fi']));
      branches.push({ condition, body });
      this.skipNewlines();
      const kw = this.keyword();
      if (kw === 'elif') {
        this.pos++;
        continue;
      }
      if (kw === 'else') {
        this.pos++;
        elseBody = this.list(new Set(['fi']));
      }
      this.expectKeyword('fi');
      break;
    }
    const redirects = this.redirects();
    return { type: 'if', branches, elseBody, redirects, start, end: this.endOf() };
  }

  private caseCommand(start: number): Command {
    this.pos++;
    const s = this.peek();
    const subject = s?.kind === 'word' ? s.word : undefined;
    if (subject) this.pos++;
    this.expectKeyword('in');
    const arms: Array<{ patterns: Word[]; body: List }> = [];
    for (;;) {
      this.skipNewlines();
      const kw = this.keyword();
      if (kw === 'esac' || this.atEnd()) break;
      if (this.isOp('(')) this.pos++;
      const patterns: Word[] = [];
      for (let t = this.peek(); t && !(t.kind === 'op' && t.op === ')'); t = this.peek()) {
        if (t.kind === 'word') patterns.push(t.word);
        else if (!(t.kind === 'op' && t.op === '|')) break;
        this.pos++;
      }
      if (!this.isOp(')')) {
        this.error(`expected \`)\` in case pattern, found ${this.describe()}`);
        break;
      }
      this.pos++;
      const body = this.list(new Set(['esac']));
      arms.push({ patterns, body });
      if (this.isOp(';;') || this.isOp(';&') || this.isOp(';;&')) this.pos++;
    }
    this.expectKeyword('esac');
    const redirects = this.redirects();
    return { type: 'case', subject, arms, redirects, start, end: this.endOf() };
  }

  private compound(type: 'group' | 'subshell', start: number): Command {
    this.pos++;
    const body = this.list(type === 'group' ? new Set(['}']) : new Set([')']));
    this.skipNewlines();
    if (type === 'group') this.expectKeyword('}');
    else if (this.isOp(')')) this.pos++;
    else this.error(`expected \`)\`, found ${this.describe()}`);
    const redirects = this.redirects();
    return { type, body, redirects, start, end: this.endOf() };
  }

  private functionDef(start: number, keyword: boolean): Command {
    if (keyword) this.pos++;
    const name = this.keyword() ?? '';
    this.pos++;
    if (this.isOp('(') && this.isOp(')', 1)) this.pos += 2;
    this.skipNewlines();
    const body = this.command(new Set()) ?? ({ type: 'group', body: [], redirects: [], start, end: start } as Command);
    return { type: 'function', name, body, start, end: this.endOf() };
  }

  private simple(): SimpleCommand {
    const assignments: Assignment[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    const startToken = this.peek();
    const start = startToken?.kind === 'word' ? startToken.word.start : startToken && startToken.kind !== 'newline' ? startToken.start : 0;
    let doubleBracket = false;
    for (;;) {
      const t = this.peek();
      if (!t || t.kind === 'newline' || t.kind === 'arith') {
        if (t?.kind === 'arith' && doubleBracket) {
          words.push(pseudoWord(`((${t.expr}))`, t.start, t.end));
          this.pos++;
          continue;
        }
        break;
      }
      if (t.kind === 'op') {
        if (doubleBracket && !['&', ';', ';;'].includes(t.op)) {
          words.push(pseudoWord(t.op, t.start, t.end));
          this.pos++;
          continue;
        }
        if (/^\d*(?:[<>]|&>)/.test(t.op)) {
          redirects.push(...this.redirects());
          continue;
        }
        if (t.op === '(' && words.length === 0 && assignments.length > 0) {
          // `arr=(a b c)`: the array literal belongs to the last assignment.
          this.skipArray();
          continue;
        }
        break;
      }
      const w = t.word;
      if (words.length === 0) {
        const m = ASSIGNMENT.exec(w.raw);
        if (m && !w.raw.startsWith('=')) {
          assignments.push({ name: m[1] as string, value: valueOfAssignment(w, m[0].length) });
          this.pos++;
          continue;
        }
        if (!w.quoted && w.value === '[[') doubleBracket = true;
      } else if (doubleBracket && !w.quoted && w.value === ']]') {
        words.push(w);
        this.pos++;
        doubleBracket = false;
        continue;
      }
      words.push(w);
      this.pos++;
    }
    return { type: 'simple', assignments, words, redirects, start, end: Math.max(start, this.endOf()) };
  }

  private skipArray(): void {
    let depth = 0;
    while (!this.atEnd()) {
      if (this.isOp('(')) depth++;
      else if (this.isOp(')')) {
        depth--;
        if (depth === 0) {
          this.pos++;
          return;
        }
      }
      this.pos++;
    }
  }
}

function pseudoWord(text: string, start: number, end: number): Word {
  return { raw: text, value: text, quoted: false, expands: false, substitutions: [], start, end };
}

/** The value part of `name=value` as its own word (quotes already resolved in `value`). */
function valueOfAssignment(w: Word, rawPrefix: number): Word {
  const name = w.raw.slice(0, rawPrefix);
  const value = w.value.startsWith(name) ? w.value.slice(name.length) : w.value.replace(/^[^=]*=/, '');
  return { ...w, raw: w.raw.slice(rawPrefix), value, start: w.start + rawPrefix };
}
