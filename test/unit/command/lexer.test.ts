import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseScript } from '../../../server/src/service/command/parser';
import { tokenize } from '../../../server/src/service/command/lexer';
import type { SimpleCommand } from '../../../server/src/service/command/ast';

const words = (text: string): string[] =>
  tokenize(text, (t) => parseScript(t)).flatMap((t) => (t.kind === 'word' ? [t.word.value] : t.kind === 'op' ? [`<${t.op}>`] : t.kind === 'arith' ? [`((${t.expr}))`] : ['\\n']));

function firstSimple(text: string): SimpleCommand {
  const c = parseScript(text).list[0]?.first.commands[0];
  assert.equal(c?.type, 'simple');
  return c as SimpleCommand;
}

describe('shell tokenizer', () => {
  it('removes quotes and keeps expansions as written', () => {
    assert.deepEqual(words(`echo 'a b' "c $HOME d" e\\ f`), ['echo', 'a b', 'c $HOME d', 'e f']);
    assert.deepEqual(words(`printf $'tab\\there'`), ['printf', 'tab\there']);
    assert.deepEqual(words('echo "$(date +%s)" `hostname` ${X:-y} $((1 + 2))'), ['echo', '$(date +%s)', '`hostname`', '${X:-y}', '$((1 + 2))']);
  });

  it('knows operators, file-descriptor redirections and newlines', () => {
    assert.deepEqual(words('a && b || c; d & e | f'), ['a', '<&&>', 'b', '<||>', 'c', '<;>', 'd', '<&>', 'e', '<|>', 'f']);
    assert.deepEqual(words('cmd 2>&1 >>/log 2>/dev/null <in'), ['cmd', '<2>&>', '1', '<>>>', '/log', '<2>>', '/dev/null', '<<>', 'in']);
    assert.deepEqual(words('a\nb'), ['a', '\\n', 'b']);
  });

  it('treats `((…))` as arithmetic and skips comments and line continuations', () => {
    assert.deepEqual(words('((i++)) # count\necho \\\n  x'), ['((i++))', '\\n', 'echo', 'x']);
    assert.deepEqual(words('echo a#b'), ['echo', 'a#b']);
  });

  it('skips here-document bodies', () => {
    assert.deepEqual(words("cat <<'EOF' > /x\nuntil a; do b; done\nEOF\necho ok"), ['cat', '<<<>', 'EOF', '<>>', '/x', '\\n', 'echo', 'ok']);
    assert.deepEqual(words('cat <<-END\n\tline\n\tEND\ntrue'), ['cat', '<<<->', 'END', '\\n', 'true']);
  });

  it('never throws on unterminated quotes or substitutions', () => {
    assert.doesNotThrow(() => parseScript(`echo "unterminated $(foo`));
    assert.doesNotThrow(() => parseScript(`echo 'x`));
    assert.doesNotThrow(() => parseScript('until; do; done; fi }} ))'));
    assert.doesNotThrow(() => parseScript('$('.repeat(50)));
  });

  it('parses command substitutions inside words', () => {
    const c = firstSimple('echo "$(curl -m 1 http://x)" `id -u`');
    assert.equal(c.words[1]?.substitutions[0]?.list[0]?.first.commands[0]?.type, 'simple');
    assert.equal(c.words[2]?.substitutions.length, 1);
  });

  it('reads assignments, arrays and `[[ … ]]` with operators inside', () => {
    const a = firstSimple('A=1 B="x y" env');
    assert.deepEqual(a.assignments.map((x) => [x.name, x.value.value]), [['A', '1'], ['B', 'x y']]);
    assert.deepEqual(a.words.map((w) => w.value), ['env']);
    const arr = parseScript('items=(foo bar baz)\necho ${items[0]}');
    assert.equal(arr.errors.length, 0);
    assert.equal(arr.list.length, 2);
    const t = firstSimple('[[ $a == b && -n $c || $d < 3 ]]');
    assert.deepEqual(t.words.map((w) => w.value), ['[[', '$a', '==', 'b', '&&', '-n', '$c', '||', '$d', '<', '3', ']]']);
  });
});
