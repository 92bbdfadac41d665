/** The real server (built bundle over stdio) serves quick fixes, completion and navigation. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionList, DocumentHighlight, Location, WorkspaceEdit } from 'vscode-languageserver-types';
import { LspSession } from '../helpers/lspClient';

const TEST_TIMEOUT = { timeout: 20_000 };
const URI = 'file:///work/web.yaml';
const TEXT = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
  - name: fetch
    image: curlimages/curl:8.10.1
    command: ["curl", "-fsSLo", "/work/index.html", "https://example.com/"]
    readinessProbe: {exec: {command: ["true"]}}
    volumeMounts:
    - {name: work, mountPath: /work}
  - 
  containers:
  - name: app
    image: nginx:1.27.2
    volumeMounts:
    - {name: work, mountPath: /usr/share/nginx/html}
  volumes:
  - name: work
    emptyDir: {}
`;

describe('language server over stdio: code actions, completion, navigation', TEST_TIMEOUT, () => {
  let session: LspSession;
  before(async () => {
    session = await LspSession.start();
    await session.open(URI, TEXT);
  });
  after(async () => {
    assert.equal(await session.stop(), 0);
  });

  it('announces the capabilities', () => {
    const caps = session.initializeResult?.capabilities;
    assert.deepEqual(caps?.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.k8s-init'], resolveProvider: true });
    assert.ok(caps?.completionProvider);
    assert.equal(caps?.definitionProvider, true);
    assert.equal(caps?.referencesProvider, true);
    assert.deepEqual(caps?.renameProvider, { prepareProvider: true });
  });

  it('quick fixes for a published diagnostic', async () => {
    const published = await session.diagnostics(URI, (p) => p.diagnostics.some((d) => d.code === 'init-probe-forbidden'));
    const d = published.diagnostics.find((x) => x.code === 'init-probe-forbidden');
    assert.ok(d);
    const actions = await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: d.range, context: { diagnostics: [d] } });
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Remove `readinessProbe` from `fetch`'), JSON.stringify(titles));
    assert.ok(titles.includes('Suppress init-probe-forbidden for this line'));
    const remove = actions.find((a) => a.title.startsWith('Remove `readinessProbe`'));
    assert.deepEqual(remove?.edit?.changes?.[URI], [{ range: { start: { line: 9, character: 0 }, end: { line: 10, character: 0 } }, newText: '' }]);
  });

  it('init-container snippets after `- `', async () => {
    const list = await session.connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri: URI }, position: { line: 12, character: 4 } });
    assert.ok(list.items.some((i) => i.label === 'init: wait for a Service (TCP, bounded)'));
  });

  it('definition, references, highlights and rename of a volume', async () => {
    const at = { textDocument: { uri: URI }, position: { line: 11, character: 13 } };
    const defs = await session.connection.sendRequest<Location[]>('textDocument/definition', at);
    assert.deepEqual(defs.map((l) => l.range.start), [{ line: 19, character: 10 }]);
    const refs = await session.connection.sendRequest<Location[]>('textDocument/references', { ...at, context: { includeDeclaration: true } });
    assert.equal(refs.length, 3);
    const highlights = await session.connection.sendRequest<DocumentHighlight[]>('textDocument/documentHighlight', at);
    assert.equal(highlights.length, 3);
    const edit = await session.connection.sendRequest<WorkspaceEdit>('textDocument/rename', { ...at, newName: 'site' });
    assert.equal(edit.changes?.[URI]?.length, 3);
    await assert.rejects(session.connection.sendRequest('textDocument/rename', { ...at, newName: 'Not_Valid' }));
  });
});
