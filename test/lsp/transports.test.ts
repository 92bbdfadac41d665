import assert from 'node:assert/strict';
import { fork, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter, SocketMessageReader, SocketMessageWriter } from 'vscode-jsonrpc/node';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import { FIXTURES, ROOT } from '../helpers/fixtures';
import { deadline, LspSession, requireBundles, SERVER_BUNDLE } from '../helpers/lspClient';

const PROBE = readFileSync(join(FIXTURES, 'manifests', 'init-probe.yaml'), 'utf8');
const TEST_TIMEOUT = { timeout: 20_000 };

/** initialize, open the probe fixture, wait for its diagnostics, shut down. */
async function roundTrip(connection: MessageConnection): Promise<string[]> {
  const diagnostics = new Promise<string[]>((resolve) =>
    connection.onNotification('textDocument/publishDiagnostics', (p: { diagnostics: Array<{ code: string }> }) => resolve(p.diagnostics.map((d) => d.code))),
  );
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  connection.listen();
  await deadline(connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} }), 10_000, 'initialize');
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///t.yaml', languageId: 'yaml', version: 1, text: PROBE } });
  const codes = await deadline(diagnostics, 10_000, 'publishDiagnostics');
  await deadline(connection.sendRequest('shutdown'), 5000, 'shutdown');
  await connection.sendNotification('exit');
  return codes;
}

describe('language server transports and bins', TEST_TIMEOUT, () => {
  it('--node-ipc', TEST_TIMEOUT, async () => {
    requireBundles();
    const child = fork(SERVER_BUNDLE, ['--node-ipc'], { silent: true });
    try {
      const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
      assert.ok((await roundTrip(connection)).includes('init-probe-forbidden'));
      connection.dispose();
    } finally {
      child.kill();
    }
  });

  it('--socket=PORT', TEST_TIMEOUT, async () => {
    requireBundles();
    const server = createServer();
    const accepted = new Promise<Socket>((resolve) => server.once('connection', resolve));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const child = spawn(process.execPath, [SERVER_BUNDLE, `--socket=${port}`], { stdio: 'ignore' });
    try {
      const socket = await deadline(accepted, 10_000, 'the server to connect');
      const connection = createMessageConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket));
      assert.ok((await roundTrip(connection)).includes('init-probe-forbidden'));
      connection.dispose();
      socket.destroy();
    } finally {
      child.kill();
      server.close();
    }
  });

  it('the workspace bin k8s-init-lsp (as `npx k8s-init-lsp --stdio` runs it)', TEST_TIMEOUT, async () => {
    const session = await LspSession.start({ command: [join(ROOT, 'node_modules', '.bin', 'k8s-init-lsp'), '--stdio'] });
    try {
      const uri = 'file:///work/bin.yaml';
      await session.open(uri, PROBE);
      assert.ok((await session.diagnostics(uri)).diagnostics.some((d) => d.code === 'init-probe-forbidden'));
    } finally {
      assert.equal(await session.stop(), 0);
    }
  });

  it('speaks stdio when no transport is given', TEST_TIMEOUT, async () => {
    const session = await LspSession.start({ command: [process.execPath, SERVER_BUNDLE] });
    assert.equal(session.initializeResult?.serverInfo?.name, 'k8s-init-lsp');
    assert.equal(await session.stop(), 0);
  });
});
