import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { timings } from './index';
import { EXTENSION_ID, api, openFixture, waitForDiagnostics, withRule } from './helpers';

describe('activation and manifest', () => {
  it('activates on a YAML file and starts the server', async () => {
    const t0 = Date.now();
    const editor = await openFixture('probe.yaml');
    assert.equal(editor.document.languageId, 'yaml');
    const k8s = await api();
    assert.equal(k8s.status(), 'running');
    timings['activationToServerRunningMs'] = k8s.activationMs() ?? -1;
    await waitForDiagnostics(editor.document.uri, withRule('init-probe-forbidden'), 'the first diagnostics');
    timings['openToFirstDiagnosticsMs'] = Date.now() - t0;
  });

  it('registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['k8sInit.restartServer', 'k8sInit.showOutput', 'k8sInit.showStartupTimeline']) assert.ok(commands.includes(c), c);
  });

  it('contributes the settings with their defaults', () => {
    const config = vscode.workspace.getConfiguration('k8sInit');
    assert.equal(config.inspect('kubernetesVersion')?.defaultValue, '1.36');
    assert.deepEqual(config.inspect('rules')?.defaultValue, {});
    assert.equal(config.inspect('trace.server')?.defaultValue, 'off');
    assert.equal(config.inspect('inlayHints.enabled')?.defaultValue, true);
    assert.equal(config.inspect('codeLens.enabled')?.defaultValue, true);
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { configuration: { properties: Record<string, { properties?: Record<string, unknown> }> } } };
    const ruleProps = manifest.contributes.configuration.properties['k8sInit.rules']?.properties ?? {};
    assert.ok('init-probe-forbidden' in ruleProps, 'rule ids are known properties of k8sInit.rules');
  });

  it('shows the output channel on request only', async () => {
    await vscode.commands.executeCommand('k8sInit.showOutput');
  });
});
