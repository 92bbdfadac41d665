// Hostile inputs through the service: each is analysed, or declined with ONE information diagnostic
// naming the limit, within a time and memory bound; every feature still answers (hover, completion,
// symbols, code actions…) with ranges inside the document.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Diagnostic } from 'vscode-languageserver-types';
import { LIMITS } from '../../../server/src/service/parse/limits';
import { checkText, service, URI } from '../../fuzz/properties';
import * as inputs from './inputs';

interface Case {
  readonly name: string;
  readonly make: () => string;
  /** The code of the one diagnostic a declined input gets; undefined when the input is analysed. */
  readonly declined?: string;
  /** Checks on the diagnostics of an analysed input. */
  readonly expect?: (diagnostics: readonly Diagnostic[]) => void;
  readonly ms: number;
  /** Bound on the heap growth while the results are held (MB). */
  readonly mb: number;
  /** Run the full property check (hovers, completion, code actions…); off for the biggest inputs. */
  readonly deep?: boolean;
}

const codes = (ds: readonly Diagnostic[]): string[] => ds.map((d) => String(d.code));

const CASES: Case[] = [
  { name: 'billion laughs', make: inputs.billionLaughs, declined: 'alias-expansion-too-large', ms: 2000, mb: 50, deep: true },
  { name: 'an alias bomb inside a pod spec', make: inputs.podAliasBomb, declined: 'alias-expansion-too-large', ms: 2000, mb: 50, deep: true },
  { name: 'a merge-key bomb', make: inputs.mergeKeyBomb, declined: 'alias-expansion-too-large', ms: 2000, mb: 50, deep: true },
  { name: 'an alias inside the collection it refers to', make: inputs.recursiveAlias, declined: 'alias-expansion-too-large', ms: 2000, mb: 50, deep: true },
  { name: '10,000-level flow sequence nesting', make: () => inputs.flowNesting(10_000), declined: 'nesting-too-deep', ms: 2000, mb: 50, deep: true },
  { name: '10,000-level flow mapping nesting', make: () => inputs.flowMapNesting(10_000), declined: 'nesting-too-deep', ms: 2000, mb: 50, deep: true },
  { name: '10,000-level block sequence nesting (`- - - …`)', make: () => inputs.blockSeqNesting(10_000), declined: 'nesting-too-deep', ms: 2000, mb: 50, deep: true },
  { name: '1,000-level block mapping nesting', make: () => inputs.blockMapNesting(1000), declined: 'nesting-too-deep', ms: 3000, mb: 100, deep: true },
  { name: '10,000-level block mapping nesting (50 MB)', make: () => inputs.blockMapNesting(10_000), declined: 'file-too-large', ms: 5000, mb: 400 },
  { name: 'a 10 MB file', make: () => inputs.bigFile(10 * 1024 * 1024), declined: 'file-too-large', ms: 3000, mb: 200 },
  { name: 'a 2 MB single-document List', make: () => inputs.bigList(2 * 1024 * 1024), declined: 'document-too-large', ms: 2000, mb: 100 },
  { name: 'a 100,000-document stream', make: () => inputs.documentStream(100_000), declined: 'file-too-large', ms: 3000, mb: 100 },
  { name: 'NUL characters', make: inputs.withNul, declined: 'file-not-text', ms: 1000, mb: 20, deep: true },
  { name: 'binary junk', make: () => inputs.binaryJunk(1 << 20, true), declined: 'file-not-text', ms: 2000, mb: 50, deep: true },
  {
    name: 'nesting just under the limit',
    make: () => inputs.flowNesting(LIMITS.maxDepth - 10),
    ms: 5000,
    mb: 100,
    deep: true,
    expect: (ds) => assert.ok(!codes(ds).includes('nesting-too-deep')),
  },
  {
    name: 'a 1,000,000-character line',
    make: () => inputs.longLine(1_000_000),
    ms: 10_000,
    mb: 300,
    deep: true,
    expect: (ds) => assert.ok(codes(ds).includes('init-probe-forbidden'), codes(ds).join()),
  },
  {
    name: 'invalid UTF-8 (U+FFFD) and lone surrogates',
    make: inputs.invalidUtf8,
    ms: 5000,
    mb: 50,
    deep: true,
    expect: (ds) => {
      // The replacement characters follow the last line without a line break: one syntax error, nothing else broken.
      assert.ok(codes(ds).filter((c) => c === 'yaml-syntax').length <= 1);
    },
  },
  {
    name: 'binary junk without NUL bytes',
    make: () => inputs.binaryJunk(256 * 1024, false),
    ms: 10_000,
    mb: 200,
    deep: true,
    expect: (ds) => assert.ok(ds.every((d) => d.code === 'yaml-syntax' || d.code === 'helm-template'), codes(ds).join()),
  },
  { name: 'a 2 MB line', make: () => inputs.longLine(2 << 20), declined: 'document-too-large', ms: 2000, mb: 100 },
  {
    name: 'a mapping with 40,000 keys (was quadratic: 13 s, 80 s for 100,000)',
    make: () => inputs.manyKeys(40_000),
    ms: 10_000,
    mb: 400,
    expect: (ds) => assert.deepEqual(ds, []),
  },
  {
    name: '100,000 aliases (was quadratic)',
    make: inputs.manyAliases,
    ms: 10_000,
    mb: 400,
    expect: (ds) => assert.ok(!codes(ds).some((c) => c === 'alias-expansion-too-large' || c === 'yaml-syntax'), codes(ds).join()),
  },
];

describe('hostile input', { timeout: 300_000 }, () => {
  for (const c of CASES) {
    it(`${c.name}: ${c.declined ? `declined with one ${c.declined} notice` : 'analysed'} in bounded time and memory`, () => {
      const text = c.make();
      global.gc?.();
      const heapBefore = process.memoryUsage().heapUsed;
      const started = performance.now();
      const file = service.parse(text);
      const diagnostics = service.doValidation(URI, file);
      service.doHover(URI, file, { line: 5, character: 4 });
      service.getDocumentSymbols(file);
      service.doComplete(file, { line: 6, character: 4 });
      const ms = performance.now() - started;
      const mb = (process.memoryUsage().heapUsed - heapBefore) / (1024 * 1024);
      assert.ok(ms < c.ms, `took ${ms.toFixed(0)} ms (bound ${c.ms} ms)`);
      assert.ok(mb < c.mb, `heap grew by ${mb.toFixed(0)} MB (bound ${c.mb} MB)`);
      if (c.declined) {
        assert.equal(diagnostics.length, 1, `one diagnostic, not ${JSON.stringify(codes(diagnostics))}`);
        const d = diagnostics[0] as Diagnostic;
        assert.equal(d.code, c.declined);
        assert.equal(d.severity, DiagnosticSeverity.Information);
        assert.match(d.message, /is not analysed/);
      }
      c.expect?.(diagnostics);
      if (c.deep) checkText(text, { positions: 3, codeActions: 3, fixAll: true, timeBudgetMs: c.ms * 4, seed: 1 });
      console.log(`    ${c.name}: ${(text.length / (1024 * 1024)).toFixed(2)} MB, ${ms.toFixed(0)} ms, heap +${mb.toFixed(0)} MB, ${diagnostics.length} diagnostic(s)`);
    });
  }

  it('a declined document does not hide the others: only the deep one is skipped', () => {
    const text = `${inputs.SMALL_POD}---\n${inputs.flowNesting(5000)}---\n${inputs.SMALL_POD}`;
    const ds = service.doValidation(URI, service.parse(text));
    assert.equal(codes(ds).filter((c) => c === 'nesting-too-deep').length, 1);
    assert.equal(codes(ds).filter((c) => c === 'init-probe-forbidden').length, 2);
  });

  it('editing a declined file back under the limit analyses it again (incremental parse)', () => {
    const big = `${inputs.SMALL_POD}# ${'x'.repeat(LIMITS.maxFileLength)}\n`;
    const before = service.parse(big);
    assert.deepEqual(codes(service.doValidation(URI, before)), ['file-too-large']);
    const after = service.parse(inputs.SMALL_POD, before);
    assert.ok(codes(service.doValidation(URI, after)).includes('init-probe-forbidden'));
  });
});
