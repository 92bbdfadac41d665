import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { StartupTimeline } from '../../../server/src/protocol';
import { api, openFixture, positionOf, setText, waitForEvent } from './helpers';

describe('startup timeline view', () => {
  it('draws the pod under the cursor and follows edits', async () => {
    const k8s = await api();
    const editor = await openFixture('timeline.yaml');
    const { document } = editor;
    const original = document.getText();
    const at = positionOf(document, 'db-migrate');
    const timeline = await vscode.commands.executeCommand<StartupTimeline | null>('k8sInit.showStartupTimeline', document.uri.toString(), { line: at.line, character: at.character });
    assert.ok(timeline, 'the server answered k8sInit/startupTimeline');
    assert.deepEqual(
      timeline.containers.map((c) => `${c.name}:${c.role}`),
      ['config-fetch:init', 'istio-proxy:sidecar', 'db-migrate:init', 'log-shipper:sidecar', 'app:app'],
    );
    assert.equal(timeline.phases.length, 5);
    const cpu = timeline.effectiveRequests.find((e) => e.resource === 'cpu');
    assert.equal(cpu?.value, '1100m');
    assert.equal(cpu?.phase, 'init');
    assert.equal(cpu?.initIndex, 2);
    const memory = timeline.effectiveRequests.find((e) => e.resource === 'memory');
    assert.equal(memory?.value, '1216Mi');
    assert.equal(memory?.phase, 'steady');

    // An edit to the document redraws the view with the new figures.
    const redrawn = waitForEvent(k8s.onDidRenderTimeline, (t) => t?.effectiveRequests.find((e) => e.resource === 'cpu')?.value === '2100m', 'the timeline to follow the edit');
    await setText(document, original.replace('cpu: "1", memory: 512Mi', 'cpu: "2", memory: 512Mi'));
    await redrawn;
    await setText(document, original);
  });

  it('opens from the code lens above initContainers', async () => {
    await api();
    const { document } = await openFixture('timeline.yaml');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10);
    const lens = lenses.find((l) => l.command?.command === 'k8sInit.showStartupTimeline');
    assert.ok(lens?.command, `a timeline code lens: ${lenses.map((l) => l.command?.title).join(' | ')}`);
    assert.match(lens.command.title, /config-fetch/);
    const timeline = await vscode.commands.executeCommand<StartupTimeline | null>(lens.command.command, ...(lens.command.arguments ?? []));
    assert.equal(timeline?.object.name, 'shop');
  });

  it('opens from the command palette for the active editor', async () => {
    const editor = await openFixture('probe.yaml');
    editor.selection = new vscode.Selection(6, 10, 6, 10);
    const timeline = await vscode.commands.executeCommand<StartupTimeline | null>('k8sInit.showStartupTimeline');
    assert.ok(timeline);
    assert.equal(timeline.object.kind, 'Pod');
    assert.deepEqual(timeline.containers.map((c) => c.name), ['migrate', 'app']);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
