import type { Command, List, Pipeline, Script, SimpleCommand } from './ast';

/** Every command of a list, depth first, including compound commands' contents (not substitutions). */
export function* commandsOf(list: List): Generator<Command> {
  for (const item of list) {
    for (const p of [item.first, ...item.rest.map((r) => r.pipeline)]) yield* commandsOfPipeline(p);
  }
}

function* commandsOfPipeline(p: Pipeline): Generator<Command> {
  for (const c of p.commands) yield* commandsOfCommand(c);
}

export function* commandsOfCommand(c: Command): Generator<Command> {
  yield c;
  for (const child of childLists(c)) yield* commandsOf(child);
  if (c.type === 'function') yield* commandsOfCommand(c.body);
}

/** The lists directly inside a compound command. */
export function childLists(c: Command): List[] {
  switch (c.type) {
    case 'while':
    case 'until':
      return [c.condition, c.body];
    case 'for':
      return [c.body];
    case 'if':
      return [...c.branches.flatMap((b) => [b.condition, b.body]), ...(c.elseBody ? [c.elseBody] : [])];
    case 'case':
      return c.arms.map((a) => a.body);
    case 'group':
    case 'subshell':
      return [c.body];
    default:
      return [];
  }
}

/** Simple commands of a list, including those inside command substitutions. */
export function* simpleCommandsDeep(list: List): Generator<SimpleCommand> {
  for (const c of commandsOf(list)) {
    if (c.type !== 'simple') continue;
    yield c;
    for (const w of [...c.words, ...c.assignments.map((a) => a.value), ...c.redirects.flatMap((r) => (r.target ? [r.target] : []))]) {
      for (const sub of w.substitutions) yield* simpleCommandsDeep(sub.list);
    }
  }
}

/** The source text of a list (from its first command to its last). */
export function listText(script: Script, list: List): string {
  const first = list[0]?.first.commands[0];
  const lastItem = list[list.length - 1];
  const lastPipe = lastItem ? (lastItem.rest.length > 0 ? lastItem.rest[lastItem.rest.length - 1]?.pipeline : lastItem.first) : undefined;
  const last = lastPipe?.commands[lastPipe.commands.length - 1];
  if (!first || !last) return '';
  let start = first.start;
  // A leading `!` belongs to the text too.
  if (list[0]?.first.negated) start = Math.max(0, script.text.lastIndexOf('!', start));
  return script.text.slice(start, last.end).trim();
}

/** The word values of a simple command. */
export function argvOf(c: SimpleCommand): string[] {
  return c.words.map((w) => w.value);
}
