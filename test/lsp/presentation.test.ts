/** The real server (built bundle over stdio) serves hovers, inlay hints, code lenses, symbols and the startup timeline. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeLens, DocumentSymbol, Hover, InlayHint } from 'vscode-languageserver-types';
import type { StartupTimeline } from '../../server/src/protocol';
import { LspSession } from '../helpers/lspClient';

const TEST_TIMEOUT = { timeout: 20_000 };

const TEXT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: checkout
spec:
  selector:
    matchLabels: {app: checkout}
  template:
    metadata:
      labels: {app: checkout}
    spec:
      overhead: {cpu: 250m, memory: 120Mi}
      initContainers:
      - name: config-fetch
        image: busybox:1.36
        resources: {requests: {cpu: 200m, memory: 64Mi}}
      - name: istio-proxy
        image: istio/proxyv2:1.22.0
        restartPolicy: Always
        resources: {requests: {cpu: 100m, memory: 128Mi}}
      - name: db-migrate
        image: migrate/migrate:v4.17.0
        resources: {requests: {cpu: "1", memory: 512Mi}}
      - name: log-shipper
        image: fluent/fluent-bit:3.0
        restartPolicy: Always
        resources: {requests: {cpu: 50m, memory: 64Mi}}
      containers:
      - name: app
        image: ghcr.io/acme/checkout:3.2.1
        resources: {requests: {cpu: 500m, memory: 1Gi}}
`;
const URI = 'file:///work/checkout.yaml';
const INIT_LINE = 12;

describe('language server over stdio: hover, inlay hints, code lens, symbols, startup timeline', TEST_TIMEOUT, () => {
  let session: LspSession;
  before(async () => {
    session = await LspSession.start();
    await session.open(URI, TEXT);
    await session.diagnostics(URI);
  });
  after(async () => {
    assert.equal(await session.stop(), 0);
  });

  it('announces the capabilities', () => {
    const caps = session.initializeResult?.capabilities;
    assert.equal(caps?.hoverProvider, true);
    assert.deepEqual(caps?.inlayHintProvider, { resolveProvider: false });
    assert.deepEqual(caps?.codeLensProvider, { resolveProvider: false });
    assert.ok(caps?.documentSymbolProvider);
  });

  it('hover on initContainers: the startup sequence with the key range', async () => {
    const hover = await session.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: URI }, position: { line: INIT_LINE, character: 10 } });
    assert.ok(hover);
    assert.deepEqual(hover.range, { start: { line: INIT_LINE, character: 6 }, end: { line: INIT_LINE, character: 20 } });
    const value = (hover.contents as { kind: string; value: string }).value;
    assert.equal((hover.contents as { kind: string }).kind, 'markdown');
    assert.ok(value.includes('3. `db-migrate` (init) runs to completion, while `istio-proxy` runs'), value);
  });

  it('hover on resources: the effective figures of worked example 2', async () => {
    const hover = await session.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: URI }, position: { line: 30, character: 10 } });
    const value = (hover?.contents as { value: string } | undefined)?.value ?? '';
    assert.ok(value.includes('| cpu | **1350m** |'), value);
    assert.ok(value.includes('| memory | **1336Mi** |'), value);
  });

  it('inlay hints', async () => {
    const hints = await session.connection.sendRequest<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } },
    });
    assert.deepEqual(hints.map((h) => h.label), ['1 init', '2 sidecar', '3 init', '4 sidecar', 'app']);
    assert.deepEqual(hints[0]?.position, { line: 13, character: 8 });
  });

  it('code lens with the timeline command', async () => {
    const lenses = await session.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: URI } });
    assert.equal(lenses.length, 1);
    assert.deepEqual(lenses[0]?.command, {
      title: 'startup: config-fetch → istio-proxy (sidecar) → db-migrate → log-shipper (sidecar) → app · requests 1350m / 1336Mi · Burstable',
      command: 'k8sInit.showStartupTimeline',
      arguments: [URI, { line: INIT_LINE, character: 6 }],
    });
  });

  it('document symbols', async () => {
    const symbols = await session.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
    assert.equal(symbols[0]?.name, 'Deployment checkout');
    assert.deepEqual(symbols[0]?.children?.[0]?.children?.map((c) => `${c.name} ${c.detail}`), ['1 config-fetch init', '2 istio-proxy sidecar', '3 db-migrate init', '4 log-shipper sidecar', 'app app']);
  });

  it('k8sInit/startupTimeline', async () => {
    const t = await session.connection.sendRequest<StartupTimeline | null>('k8sInit/startupTimeline', { textDocument: { uri: URI }, position: { line: INIT_LINE, character: 6 } });
    assert.ok(t);
    assert.equal(t.qos, 'Burstable');
    assert.deepEqual(t.effectiveRequests.map((e) => [e.resource, e.value, e.phase]), [
      ['cpu', '1350m', 'init'],
      ['memory', '1336Mi', 'steady'],
    ]);
    assert.equal(t.phases.length, 5);
    const unknown = await session.connection.sendRequest<StartupTimeline | null>('k8sInit/startupTimeline', { textDocument: { uri: 'file:///work/not-open.yaml' }, position: { line: 0, character: 0 } });
    assert.equal(unknown, null);
  });

  it('inlay hints and code lenses follow the settings', async () => {
    const mark = session.published.length;
    session.settings = { inlayHints: { enabled: false }, codeLens: { enabled: false } };
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await session.diagnostics(URI, () => true, 5000, mark);
    const hints = await session.connection.sendRequest<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } },
    });
    assert.deepEqual(hints, []);
    assert.deepEqual(await session.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: URI } }), []);
  });
});
