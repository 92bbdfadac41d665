import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import type { Alias, Document } from 'yaml';
import { visit } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileNotice, LIMIT_CODES, LIMITS, nestingNotice, scanNesting, treeNotice } from '../../../server/src/service/parse/limits';
import { ROOT } from '../../helpers/fixtures';
import { indexDocument } from '../../../server/src/service/parse/treeIndex';
import { parseChunk, parseYamlFile } from '../../../server/src/service/parse/yamlFile';

const parsed = (text: string, uniqueKeys = false): Document.Parsed => parseDocument(text, { merge: true, uniqueKeys }) as Document.Parsed;

describe('limits: what the service declines', () => {
  it('a file over the size limit, with too many documents, or with a NUL is declined before parsing', () => {
    assert.equal(fileNotice('a: 1\n', 1), undefined);
    assert.equal(fileNotice('x'.repeat(LIMITS.maxFileLength + 1), 1)?.code, 'file-too-large');
    assert.match(fileNotice('a: 1\n', LIMITS.maxDocuments + 1)?.message ?? '', /10,001 YAML documents/);
    assert.deepEqual(fileNotice('a: b\0c\n', 1), { code: 'file-not-text', message: fileNotice('a: b\0c\n', 1)?.message, span: { start: 4, end: 5 } });
    const file = parseYamlFile(`a: 1\n---\n${'b: 2\n'.repeat(10)}\0`);
    assert.equal(file.documents.length, 1, 'one notice for the whole file');
    assert.equal(file.documents[0]?.declined?.code, 'file-not-text');
  });

  it('every notice code is documented in the README', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const code of LIMIT_CODES) assert.match(readme, new RegExp(`\\| \`${code}\` \\|`), code);
  });

  it('estimates nesting without parsing: flow brackets, block columns, compact sequences', () => {
    const deep = LIMITS.maxDepth + 5;
    assert.equal(nestingNotice(`a: ${'['.repeat(deep)}${']'.repeat(deep)}\n`)?.code, 'nesting-too-deep');
    assert.equal(nestingNotice(`${'- '.repeat(deep)}x\n`)?.code, 'nesting-too-deep');
    assert.equal(nestingNotice(`a:\n${' '.repeat(deep)}b: 1\n`)?.code, 'nesting-too-deep');
    const shallow = LIMITS.maxDepth - 20;
    assert.equal(nestingNotice(`a: ${'['.repeat(shallow)}${']'.repeat(shallow)}\n`), undefined);
  });

  it('does not count brackets in quoted scalars, comments, block scalars or the middle of plain scalars', () => {
    const many = '['.repeat(LIMITS.maxDepth * 2);
    for (const text of [
      `a: "${many}"\n`,
      `a: '${many}'\n`,
      `a: 1 # ${many}\n`,
      `a: |\n  ${many}\n  ${'{'.repeat(600)}\nb: 1\n`,
      `a: >-\n    ${many}\n`,
      `a: x${many}\n`,
      `a: "multi\n  line ${many}"\n`,
      `a: [${many.replace(/\[/g, '"["')}]\n`.replace(/""/g, '", "'),
    ]) {
      assert.equal(nestingNotice(text), undefined, text.slice(0, 60));
    }
  });

  it('the quick pre-check never hides what the full scan finds (property, with a small limit)', () => {
    const fragment = fc.constantFrom('[', ']', '{', '}', ' ', '  ', '- ', '? ', ': ', 'a', 'a: ', ',', '"', "'", '# c', '|', '\n', '\n  ', '\n    - ', '&x ', '!t ');
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 60 }), fc.integer({ min: 2, max: 12 }), (parts, max) => {
        const text = parts.join('');
        assert.deepEqual(nestingNotice(text, max), scanNesting(text, max), JSON.stringify(text));
      }),
      { numRuns: 3000, seed: 7 },
    );
    // At the real limit: one bracket fewer or one column less passes the pre-check, the scan decides the rest.
    const max = LIMITS.maxDepth;
    assert.equal(nestingNotice(`a:\n${' '.repeat(max - 2)}b: [1]\n`), undefined);
    assert.equal(nestingNotice(`a:\n${' '.repeat(max - 1)}b: [1]\n`)?.code, 'nesting-too-deep');
    assert.equal(nestingNotice(`a:\n${' '.repeat(max - 1)}b: "[1]"\n`), undefined, 'quoted brackets are not nesting');
  });

  it('stops counting an unclosed flow collection at the next less indented line', () => {
    const text = `${'  a: [x\n'.repeat(LIMITS.maxDepth + 10)}`;
    assert.equal(nestingNotice(`k:\n${text}`), undefined);
  });

  it('indexes aliases, depth, expansion and recursion in one walk', () => {
    const doc = parsed('a: &x [1, 2]\nb: *x\nc: &x {k: v}\nd: *x\ne: [[[1]]]\n');
    const index = indexDocument(doc);
    const aliases: Alias[] = [];
    visit(doc, { Alias: (_k, node) => void aliases.push(node) });
    assert.equal(aliases.length, 2);
    for (const alias of aliases) assert.equal(index.aliases.get(alias), alias.resolve(doc), 'the same target as Alias.resolve');
    assert.equal(index.depth, 4);
    assert.equal(index.recursiveAlias, undefined);
    assert.ok(index.expandedNodes > index.nodes);
    assert.ok(indexDocument(parsed('a: &a [1, *a]\n')).recursiveAlias);
    assert.equal(treeNotice(indexDocument(parsed('a: &a {b: *a}\n')))?.code, 'alias-expansion-too-large');
  });

  it('finds the duplicate keys the yaml package finds, reported at the key (property)', () => {
    const key = fc.constantFrom('a', 'b', '"a"', "'a'", '1', '01', '1.0', 'true', 'null', '~', '', '? c', '<<', '.nan', '[x]', '{y: 1}', '&k a', '!!str 1');
    const value = fc.constantFrom('1', '*k', '{a: 1}', '[1]', '', 'x');
    const mapping = fc.array(fc.tuple(key, value), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(mapping, fc.boolean(), (pairs, flow) => {
        const text = flow ? `{${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')}}\n` : `${pairs.map(([k, v]) => (k.startsWith('? ') ? `${k}\n: ${v}` : `${k}: ${v}`)).join('\n')}\n`;
        const reference = parsed(text, true);
        // Only well-formed mappings compare, and `{{` would make the chunk a Go template.
        if (reference.errors.some((e) => e.code !== 'DUPLICATE_KEY') || text.includes('{{')) return;
        const expected = reference.errors.map((e) => e.pos[0]);
        const ours = parseChunk(text, 0, 0).errors.filter((e) => e.code === 'DUPLICATE_KEY').map((e) => e.start);
        assert.equal(ours.length, expected.length, text);
        // yaml reports where the key's properties end, which can be the line break before it; ours is the key itself.
        ours.forEach((o, i) => {
          const between = text.slice(expected[i], o);
          assert.ok(o >= (expected[i] as number) && between.replace(/[&!]\S*\s/g, '').replace(/\?/g, '').trim() === '', `${JSON.stringify(text)}: ${o} vs ${expected[i]}`);
        });
      }),
      { numRuns: 400, seed: 9 },
    );
  });
});
