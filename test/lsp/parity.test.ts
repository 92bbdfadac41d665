import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { FIXTURES, ROOT } from '../helpers/fixtures';
import { CLI_BUNDLE, LspSession } from '../helpers/lspClient';

const TEST_TIMEOUT = { timeout: 30_000 };
const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];
const BIG = join(FIXTURES, 'corpus', 'tricky', '14-big-multidoc-5000-lines.yaml');

interface JsonFinding {
  file: string;
  rule: string;
  severity: string;
  message: string;
  range: unknown;
}

function cliFindings(file: string): JsonFinding[] {
  const r = spawnSync(process.execPath, [CLI_BUNDLE, '--format', 'json', relative(ROOT, file)], { cwd: ROOT, encoding: 'utf8', timeout: 15_000 });
  assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
}

describe('CLI and language server agree', TEST_TIMEOUT, () => {
  for (const name of ['manifests/init-probe.yaml', 'corpus/tricky/06-emoji-astral.yaml', 'corpus/tricky/04-crlf.yaml']) {
    it(`same findings, same ranges: ${name}`, TEST_TIMEOUT, async () => {
      const file = join(FIXTURES, name);
      const fromCli = cliFindings(file).map(({ rule, severity, message, range }) => ({ rule, severity, message, range }));
      const session = await LspSession.start();
      try {
        const uri = `file://${file}`;
        await session.open(uri, readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
        const p = await session.diagnostics(uri);
        const fromLsp = p.diagnostics
          .map((d) => ({ rule: String(d.code), severity: SEVERITY[d.severity ?? 1], message: d.message, range: d.range }))
          .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule));
        assert.deepEqual(fromLsp, fromCli);
        if (name === 'manifests/init-probe.yaml') {
          const probes = fromCli.filter((f) => f.rule === 'init-probe-forbidden');
          assert.deepEqual(probes.map((f) => f.range), [{ start: { line: 10, character: 6 }, end: { line: 10, character: 20 } }]);
        }
      } finally {
        await session.stop();
      }
    });
  }
});

describe('language server timing on the 5,000-line corpus file', TEST_TIMEOUT, () => {
  it('publishes on open and after an edit in time', TEST_TIMEOUT, async (t) => {
    const text = readFileSync(BIG, 'utf8');
    const session = await LspSession.start();
    try {
      const uri = 'file:///work/big.yaml';
      const t0 = performance.now();
      await session.open(uri, text);
      const opened = await session.diagnostics(uri, () => true, 15_000);
      const openMs = performance.now() - t0;
      assert.ok(opened.diagnostics.some((d) => d.code === 'init-probe-forbidden'));

      // Edit one line in the middle: only that YAML document is re-parsed; the debounce is part of the time.
      const t1 = performance.now();
      const mark = session.published.length;
      await session.change(uri, 2, [{ range: { start: { line: 2500, character: 0 }, end: { line: 2500, character: 0 } }, text: '# edited\n' }]);
      await session.diagnostics(uri, (p) => p.version === 2, 15_000, mark);
      const editMs = performance.now() - t1;
      t.diagnostic(`didOpen -> publishDiagnostics: ${openMs.toFixed(0)} ms; didChange -> publishDiagnostics: ${editMs.toFixed(0)} ms (incl. debounce)`);
      assert.ok(openMs < 5000, `open took ${openMs} ms`);
      assert.ok(editMs < 3000, `edit took ${editMs} ms`);
    } finally {
      await session.stop();
    }
  });
});
