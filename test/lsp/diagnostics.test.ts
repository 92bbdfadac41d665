import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FIXTURES } from '../helpers/fixtures';
import { LspSession } from '../helpers/lspClient';

const PROBE = readFileSync(join(FIXTURES, 'manifests', 'init-probe.yaml'), 'utf8');
/** Where the probe finding must be: the `readinessProbe` key of the init container. */
const PROBE_RANGE = { start: { line: 10, character: 6 }, end: { line: 10, character: 20 } };
const TEST_TIMEOUT = { timeout: 20_000 };

/** The probe findings (other rules, e.g. hygiene ones, may report on the same fixture). */
const probeOf = <D extends { code?: unknown }>(diagnostics: readonly D[]): D[] => diagnostics.filter((d) => d.code === 'init-probe-forbidden');

describe('language server over stdio: diagnostics', TEST_TIMEOUT, () => {
  let session: LspSession;
  before(async () => {
    session = await LspSession.start();
  });
  after(async () => {
    const code = await session.stop();
    assert.equal(code, 0, 'the server exits with 0 after shutdown and exit');
  });

  it('announces incremental sync and its name', () => {
    const caps = session.initializeResult?.capabilities;
    assert.deepEqual(caps?.textDocumentSync, { openClose: true, change: 2 });
    assert.equal(session.initializeResult?.serverInfo?.name, 'k8s-init-lsp');
  });

  it('pulls the k8sInit settings with workspace/configuration', async () => {
    const deadline = Date.now() + 5000;
    while (session.configurationRequests === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.ok(session.configurationRequests > 0);
  });

  it('publishes the probe on an init container on open, with the exact range and metadata', async () => {
    const uri = 'file:///work/probe-open.yaml';
    await session.open(uri, PROBE, 7);
    const p = await session.diagnostics(uri);
    assert.equal(p.version, 7);
    const probes = probeOf(p.diagnostics);
    assert.equal(probes.length, 1, JSON.stringify(p.diagnostics.map((d) => d.code)));
    const d = probes[0]!;
    assert.deepEqual(d.range, PROBE_RANGE);
    assert.equal(d.code, 'init-probe-forbidden');
    assert.equal(d.severity, 1);
    assert.equal(d.source, 'k8s-init');
    assert.match(d.codeDescription?.href ?? '', /docs\/rules\/init-probe-forbidden\.md$/);
    assert.match(d.message, /init container 1 of 1 `wait-db`/);
    assert.deepEqual((d.data as { ruleId: string }).ruleId, 'init-probe-forbidden');
  });

  it('re-publishes after incremental edits, for the newest version only', async () => {
    const uri = 'file:///work/probe-edit.yaml';
    await session.open(uri, PROBE, 1);
    await session.diagnostics(uri, (p) => p.version === 1);
    const mark = session.published.length;
    // Version 2: delete the three probe lines (10..12). Versions 3-5 type a comment at the top, in one burst.
    await session.change(uri, 2, [{ range: { start: { line: 10, character: 0 }, end: { line: 13, character: 0 } }, text: '' }]);
    for (let v = 3; v <= 5; v++) {
      void session.change(uri, v, [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, text: '#' }]);
    }
    const cleared = await session.diagnostics(uri, (p) => p.version === 5, 5000, mark);
    assert.deepEqual(probeOf(cleared.diagnostics), []);
    const stale = session.published.slice(mark).filter((p) => p.uri === uri && p.version !== 5);
    assert.deepEqual(stale.map((p) => p.version), [], 'outdated versions are not published');

    // Version 6: put the probe back (the text is the original plus the three '#').
    const mark2 = session.published.length;
    await session.change(uri, 6, [{ range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } }, text: '      readinessProbe:\n        tcpSocket:\n          port: 5432\n' }]);
    const again = await session.diagnostics(uri, (p) => p.version === 6, 5000, mark2);
    assert.equal(probeOf(again.diagnostics).length, 1);
    assert.deepEqual(probeOf(again.diagnostics)[0]?.range, PROBE_RANGE);
  });

  it('moves the range when lines are inserted above', async () => {
    const uri = 'file:///work/probe-shift.yaml';
    await session.open(uri, PROBE, 1);
    await session.diagnostics(uri, (p) => p.version === 1);
    await session.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# one\n# two\n' }]);
    const p = await session.diagnostics(uri, (x) => x.version === 2);
    assert.deepEqual(probeOf(p.diagnostics)[0]?.range, { start: { line: 12, character: 6 }, end: { line: 12, character: 20 } });
  });

  it('clears the diagnostics on close', async () => {
    const uri = 'file:///work/probe-close.yaml';
    await session.open(uri, PROBE, 1);
    await session.diagnostics(uri, (p) => probeOf(p.diagnostics).length > 0);
    const mark = session.published.length;
    await session.close(uri);
    const p = await session.diagnostics(uri, () => true, 5000, mark);
    assert.deepEqual(p.diagnostics, []);
  });

  it('reports nothing for YAML that is not Kubernetes', async () => {
    const uri = 'file:///work/compose.yaml';
    await session.open(uri, 'services:\n  web:\n    image: nginx\n    healthcheck:\n      test: ["CMD", "true"]\n');
    const p = await session.diagnostics(uri);
    assert.deepEqual(p.diagnostics, []);
  });

  it('reports a syntax error once and still analyses the other documents', async () => {
    const uri = 'file:///work/broken.yaml';
    await session.open(uri, `kind: [oops\n---\n${PROBE}`);
    const p = await session.diagnostics(uri);
    const codes = p.diagnostics.map((d) => d.code);
    assert.equal(codes.filter((c) => c === 'yaml-syntax').length, 1);
    assert.equal(codes.filter((c) => c === 'init-probe-forbidden').length, 1);
    const probe = p.diagnostics.find((d) => d.code === 'init-probe-forbidden');
    assert.deepEqual(probe?.range.start, { line: 12, character: 6 });
  });
});
