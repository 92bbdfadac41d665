import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, fixtureUri, hoverText, openFixture, positionOf, ruleId, setText, waitForDiagnostics, withRule, withoutRule } from './helpers';

describe('language features through the real vscode API', () => {
  before(async () => {
    await api();
  });

  it('reports a probe on an init container at the key, with rule id, docs link and severity', async () => {
    const { document } = await openFixture('probe.yaml');
    const diags = await waitForDiagnostics(document.uri, withRule('init-probe-forbidden'), 'init-probe-forbidden');
    const d = diags.find((x) => ruleId(x) === 'init-probe-forbidden');
    assert.ok(d);
    assert.equal(document.getText(d.range), 'readinessProbe');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /init container/);
    const code = d.code as { value: string; target: vscode.Uri };
    assert.match(code.target.toString(), /docs\/rules\/init-probe-forbidden\.md$/);
  });

  it('leaves YAML that is not Kubernetes alone, and notices when it becomes a manifest', async () => {
    const { document } = await openFixture('plain.yaml');
    const original = document.getText();
    await setText(document, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  initContainers:\n    - name: a\n      image: busybox:1.36\n      livenessProbe: {exec: {command: [true]}}\n  containers:\n    - name: b\n      image: busybox:1.36\n');
    await waitForDiagnostics(document.uri, withRule('init-probe-forbidden'), 'diagnostics once the file is a Pod');
    await setText(document, original);
    await waitForDiagnostics(document.uri, (ds) => ds.length === 0, 'no diagnostics once it is plain YAML again');
  });

  it('hovers on initContainers with the startup sequence of this pod', async () => {
    const { document } = await openFixture('timeline.yaml');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'initContainers', 2));
    const text = hoverText(hovers);
    for (const name of ['config-fetch', 'istio-proxy', 'db-migrate', 'log-shipper', 'app']) assert.ok(text.includes(name), `hover mentions ${name}:\n${text}`);
    assert.match(text, /sidecar/i);
  });

  it('completes container fields by role: restartPolicy for an init container, no probes', async () => {
    const { document } = await openFixture('completion.yaml');
    const text = document.getText().replace(/^ *$/m, '      ');
    await setText(document, text);
    const line = document.getText().split('\n').findIndex((l) => /^ {6}$/.test(l));
    assert.ok(line > 0);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(line, 6));
    // Word-based suggestions of the editor have kind Text; the server's items are fields.
    const labels = list.items.filter((i) => i.kind !== vscode.CompletionItemKind.Text).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.some((l) => l.startsWith('restartPolicy')), `restartPolicy offered: ${labels.join(', ')}`);
    assert.ok(!labels.some((l) => l.startsWith('readinessProbe')), `no readinessProbe for a plain init container: ${labels.join(', ')}`);
  });

  it('offers the contributed snippets in a new YAML file, and the inserted Pod is clean of errors', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: 'k8s-pod' });
    const editor = await vscode.window.showTextDocument(document);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(0, 7));
    const snippet = list.items.find((i) => i.kind === vscode.CompletionItemKind.Snippet && (typeof i.label === 'string' ? i.label : i.label.label).startsWith('k8s-pod-init'));
    assert.ok(snippet, `snippet k8s-pod-init offered: ${list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).join(', ')}`);
    const body = snippet.insertText instanceof vscode.SnippetString ? snippet.insertText : new vscode.SnippetString(String(snippet.insertText ?? ''));
    await editor.insertSnippet(body, new vscode.Range(0, 0, 0, 7));
    assert.match(document.getText(), /initContainers:/);
    // The untitled document is analysed too (untitled scheme): hygiene notes at most, no error.
    const ds = await waitForDiagnostics(document.uri, (d) => d.length > 0, 'the inserted Pod to be analysed');
    assert.deepEqual(ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => d.message), []);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('applies the quick fix that removes the probe, and the diagnostic goes away', async () => {
    const uri = fixtureUri('probe.yaml');
    const document = await vscode.workspace.openTextDocument(uri);
    const original = document.getText();
    const diags = await waitForDiagnostics(uri, withRule('init-probe-forbidden'), 'init-probe-forbidden');
    const d = diags.find((x) => ruleId(x) === 'init-probe-forbidden');
    assert.ok(d);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value, 10);
    const titles = actions.map((a) => a.title);
    const remove = actions.find((a) => /remove/i.test(a.title) && a.edit);
    assert.ok(remove?.edit, `a "remove" quick fix with an edit: ${titles.join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(remove.edit));
    assert.ok(!document.getText().includes('readinessProbe'), document.getText());
    await waitForDiagnostics(uri, withoutRule('init-probe-forbidden'), 'the diagnostic to disappear after the fix');
    await setText(document, original);
    await waitForDiagnostics(uri, withRule('init-probe-forbidden'), 'the diagnostic back after undoing the fix');
  });
});
