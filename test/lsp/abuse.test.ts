// Protocol abuse against the real server process (server/out/server.js over stdio): malformed
// messages, unknown methods, documents never opened, positions past the end, broken didChange edits,
// cancellation storms, settings of the wrong shape, a 10 MB document. The server answers with proper
// LSP errors or ignores, logs each kind of problem once, and keeps serving.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { deadline, LspSession } from '../helpers/lspClient';
import { bigFile, billionLaughs, documentStream, flowNesting, longLine, manyAliases, manyKeys, SMALL_POD, withNul } from '../unit/hostile/inputs';

const TEST_TIMEOUT = { timeout: 60_000 };

/** Writes raw bytes to the server's stdin, bypassing the client's framing. */
function raw(session: LspSession, bytes: string | Buffer): void {
  session.child.stdin?.write(bytes);
}

function frame(body: string): string {
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/** A request the server must still answer after the abuse (hover on the small open document). */
async function stillServing(session: LspSession, uri: string, ms = 5000): Promise<void> {
  const hover = await deadline(
    session.connection.sendRequest<{ contents: unknown } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 10 } }),
    ms,
    'a hover after the abuse',
  );
  assert.ok(hover === null || typeof hover === 'object');
}

async function errorOf(promise: Promise<unknown>): Promise<{ code: number; message: string } | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error as { code: number; message: string };
  }
}

describe('language server: protocol abuse', TEST_TIMEOUT, () => {
  let session: LspSession;
  const small = 'file:///abuse/small.yaml';
  before(async () => {
    session = await LspSession.start();
    await session.open(small, SMALL_POD);
    await session.diagnostics(small);
  });
  after(async () => {
    assert.equal(session.child.exitCode, null, 'the server is still running');
    assert.equal(await session.stop(), 0);
  });

  it('malformed headers are skipped, logged once, and the messages after them still arrive', TEST_TIMEOUT, async () => {
    const before = session.logs.length;
    raw(session, 'Content-Length: abc\r\n\r\n{}');
    await stillServing(session, small);
    raw(session, 'hello, no header here\r\n\r\n');
    raw(session, 'Content-Length: 99999999999\r\n\r\n{}');
    raw(session, `Content-Type: x\r\n\r\n${frame('{"jsonrpc":"2.0","method":"$/nothing"}')}`);
    await stillServing(session, small);
    const logs = session.logs.slice(before).filter((l) => /malformed header/.test(l));
    assert.equal(logs.length, 1, `logged once: ${JSON.stringify(session.logs.slice(before))}`);
  });

  it('a body that is not JSON gets a JSON-RPC parse error; one that is not an object is ignored', TEST_TIMEOUT, async () => {
    const errors: unknown[] = [];
    const sub = session.connection.onError((e) => errors.push(e));
    raw(session, frame('{"jsonrpc": "2.0", "id": 99, "method": '));
    raw(session, frame('"just a string"'));
    raw(session, frame('\u00ff\u00fe garbage'));
    // A didOpen whose text holds bytes that are not UTF-8: decoded as U+FFFD, analysed like any text.
    const uri = 'file:///abuse/invalid-utf8.yaml';
    const body = Buffer.concat([
      Buffer.from(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"${uri}","languageId":"yaml","version":1,"text":"${JSON.stringify(SMALL_POD).slice(1, -1)}# `),
      Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
      Buffer.from('\\n"}}}'),
    ]);
    raw(session, Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
    const p = await session.diagnostics(uri, () => true, 10_000);
    assert.ok(p.diagnostics.some((d) => d.code === 'init-probe-forbidden'));
    await stillServing(session, small);
    sub.dispose();
    assert.equal(session.logs.filter((l) => /not valid JSON/.test(l)).length, 1, 'logged once');
  });

  it('unknown requests get MethodNotFound; unknown notifications are ignored', TEST_TIMEOUT, async () => {
    const e = await errorOf(session.connection.sendRequest('k8sInit/noSuchThing', { x: 1 }));
    assert.equal(e?.code, -32601);
    await session.connection.sendNotification('k8sInit/noSuchNotification', { x: 1 });
    await session.connection.sendNotification('$/noSuchNotification', null);
    await stillServing(session, small);
  });

  it('requests for documents never opened answer empty (or an error), without crashing', TEST_TIMEOUT, async () => {
    const uri = 'file:///abuse/never-opened.yaml';
    const td = { textDocument: { uri } };
    const position = { line: 0, character: 0 };
    const range = { start: position, end: position };
    const requests: Array<[string, unknown]> = [
      ['textDocument/hover', { ...td, position }],
      ['textDocument/completion', { ...td, position }],
      ['textDocument/definition', { ...td, position }],
      ['textDocument/references', { ...td, position, context: { includeDeclaration: true } }],
      ['textDocument/documentHighlight', { ...td, position }],
      ['textDocument/prepareRename', { ...td, position }],
      ['textDocument/rename', { ...td, position, newName: 'x' }],
      ['textDocument/codeAction', { ...td, range, context: { diagnostics: [] } }],
      ['textDocument/codeLens', td],
      ['textDocument/documentSymbol', td],
      ['textDocument/inlayHint', { ...td, range }],
      ['k8sInit/startupTimeline', { ...td, position }],
    ];
    for (const [method, params] of requests) {
      const outcome = await deadline(
        session.connection.sendRequest(method, params).then(
          (result) => ({ result }),
          (error: { code: number }) => ({ error }),
        ),
        5000,
        method,
      );
      if ('result' in outcome) assert.ok(outcome.result === null || Array.isArray(outcome.result) || typeof outcome.result === 'object', method);
      else assert.equal(typeof outcome.error.code, 'number', method);
    }
    // A change and a close of a document never opened are ignored.
    await session.change(uri, 2, [{ text: 'x' }]);
    await session.close(uri);
    await stillServing(session, small);
  });

  it('positions past the end, negative and absurd positions are answered', TEST_TIMEOUT, async () => {
    for (const position of [{ line: 9999, character: 9999 }, { line: 3, character: 10_000 }, { line: -1, character: -5 }, { line: 2 ** 31, character: 0 }]) {
      for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/documentHighlight', 'textDocument/prepareRename']) {
        await deadline(session.connection.sendRequest(method, { textDocument: { uri: small }, position }).catch(() => null), 5000, `${method} at ${JSON.stringify(position)}`);
      }
      await deadline(session.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: small }, range: { start: position, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }).catch(() => null), 5000, 'codeAction');
    }
    await stillServing(session, small);
  });

  it('overlapping, reversed, out-of-range and malformed didChange edits leave a consistent document', TEST_TIMEOUT, async () => {
    const uri = 'file:///abuse/edits.yaml';
    await session.open(uri, SMALL_POD, 1);
    await session.diagnostics(uri, (p) => p.version === 1);
    const r = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });
    await session.change(uri, 2, [
      { range: r(0, 0, 0, 5), text: 'A' },
      { range: r(0, 2, 0, 1), text: 'B' }, // end before start
      { range: r(500, 0, 900, 3), text: '# past the end\n' },
      { range: r(-3, -1, 1, 2), text: '' }, // negative
      { range: r(2, 4, 2, 4), text: '\uD800' }, // a lone surrogate
    ]);
    // Not even edits: a missing text, a non-string text, a range of the wrong shape.
    raw(session, frame(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version: 3 }, contentChanges: [{ range: r(0, 0, 0, 0) }] } })));
    raw(session, frame(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version: 4 }, contentChanges: [{ range: 'everything', text: 42 }] } })));
    raw(session, frame(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri }, contentChanges: null } })));
    // Then a full replacement: the document is whatever the client says now.
    await session.change(uri, 10, [{ text: SMALL_POD }]);
    const p = await session.diagnostics(uri, (x) => x.version === 10, 10_000);
    assert.ok(p.diagnostics.some((d) => d.code === 'init-probe-forbidden'));
    await stillServing(session, small);
  });

  it('a cancellation storm: every request is answered or cancelled, and the server keeps up', TEST_TIMEOUT, async () => {
    const replies: Array<Promise<unknown>> = [];
    for (let i = 0; i < 300; i++) {
      const source = new CancellationTokenSource();
      const params = { textDocument: { uri: small }, position: { line: i % 20, character: 6 } };
      replies.push(session.connection.sendRequest('textDocument/hover', params, source.token).catch((e: { code: number }) => e.code));
      source.cancel();
    }
    // Cancel ids that exist, never existed, and are not ids at all.
    for (let id = 0; id < 2000; id++) await session.connection.sendNotification('$/cancelRequest', { id });
    await session.connection.sendNotification('$/cancelRequest', { id: 'nope' });
    await session.connection.sendNotification('$/cancelRequest', null);
    const outcomes = await deadline(Promise.all(replies), 20_000, 'the 300 hovers');
    assert.equal(outcomes.length, 300);
    for (const o of outcomes) assert.ok(o === null || typeof o === 'object' || o === -32800, String(o));
    await stillServing(session, small);
  });

  it('settings of the wrong shape fall back to defaults; a prototype-pollution key does nothing', TEST_TIMEOUT, async () => {
    for (const settings of [null, [], 42, 'yes', { rules: [1, 2], kubernetesVersion: { a: 1 }, featureGates: 'on' }, { rules: { 'init-probe-forbidden': { nested: ['garbage'] } } }, { a: { b: { c: { d: { e: {} } } } } }]) {
      session.settings = settings;
      await session.connection.sendNotification('workspace/didChangeConfiguration', { settings });
    }
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: JSON.parse('{"k8sInit.__proto__.polluted": "yes", "k8sInit": {"__proto__": {"polluted": "yes"}}}') });
    await session.connection.sendNotification('workspace/didChangeConfiguration', null);
    session.settings = null;
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const uri = 'file:///abuse/after-settings.yaml';
    await session.open(uri, SMALL_POD);
    const p = await session.diagnostics(uri, () => true, 10_000);
    assert.equal(p.diagnostics.find((d) => d.code === 'init-probe-forbidden')?.severity, 1, 'default severity');
  });

  it('hostile documents get one notice each and the server survives them', TEST_TIMEOUT, async () => {
    const cases: Array<[string, string, string]> = [
      ['deep.yaml', flowNesting(10_000), 'nesting-too-deep'],
      ['bomb.yaml', billionLaughs(), 'alias-expansion-too-large'],
      ['nul.yaml', withNul(), 'file-not-text'],
      ['stream.yaml', documentStream(100_000), 'file-too-large'],
    ];
    for (const [name, text, code] of cases) {
      const uri = `file:///abuse/${name}`;
      await session.open(uri, text);
      const p = await session.diagnostics(uri, () => true, 10_000);
      assert.deepEqual(p.diagnostics.map((d) => d.code), [code], name);
      await stillServing(session, small);
      await session.close(uri);
    }
  });

  it('very long lines and huge mappings are analysed, not declined, and the server keeps answering', TEST_TIMEOUT, async () => {
    const cases: Array<[string, string, (codes: string[]) => boolean]> = [
      ['long-line.yaml', longLine(1_000_000), (codes) => codes.includes('init-probe-forbidden')],
      ['many-keys.yaml', manyKeys(40_000), (codes) => codes.length === 0],
      ['many-aliases.yaml', manyAliases(), (codes) => !codes.includes('alias-expansion-too-large') && !codes.includes('yaml-syntax')],
    ];
    for (const [name, text, expected] of cases) {
      const uri = `file:///abuse/${name}`;
      const started = performance.now();
      const opened = session.open(uri, text);
      // A hover on another document while this one is analysed (one YAML document is one step of the work).
      await stillServing(session, small);
      const hoverMs = performance.now() - started;
      await opened;
      const p = await session.diagnostics(uri, () => true, 20_000);
      const codes = p.diagnostics.map((d) => String(d.code));
      assert.ok(expected(codes), `${name}: ${codes.join(', ')}`);
      console.log(`    ${name}: ${(text.length / 1e6).toFixed(1)} MB, hover elsewhere answered after ${hoverMs.toFixed(0)} ms, diagnostics after ${(performance.now() - started).toFixed(0)} ms`);
      await session.close(uri);
    }
  });

  it('a 10 MB document is declined with one notice, and a small one is still served promptly', TEST_TIMEOUT, async () => {
    const big = 'file:///abuse/ten-megabytes.yaml';
    const text = bigFile(10 * 1024 * 1024);
    const opened = session.open(big, text);
    const started = performance.now();
    await stillServing(session, small, 10_000);
    const hoverMs = performance.now() - started;
    await opened;
    const p = await session.diagnostics(big, () => true, 20_000);
    assert.deepEqual(p.diagnostics.map((d) => d.code), ['file-too-large']);
    // Typing in the big document keeps the small one responsive too.
    await session.change(big, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edit\n' }]);
    const again = performance.now();
    await stillServing(session, small, 10_000);
    console.log(`    hover on the small document: ${hoverMs.toFixed(0)} ms after opening 10 MB, ${(performance.now() - again).toFixed(0)} ms after an edit of it`);
    await session.close(big);
  });
});
