import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, fixtureUri, openFixture, ruleId, waitForDiagnostics, waitForEvent, withRule, withoutRule } from './helpers';

const RULE = 'init-probe-forbidden';

async function setRules(value: Record<string, string> | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('k8sInit').update('rules', value, vscode.ConfigurationTarget.Global);
}

describe('settings apply without a reload', () => {
  before(async () => {
    await api();
    await openFixture('probe.yaml');
  });

  after(async () => {
    await setRules(undefined);
    const config = vscode.workspace.getConfiguration('k8sInit');
    for (const key of ['kubernetesVersion', 'codeLens.enabled', 'inlayHints.enabled']) await config.update(key, undefined, vscode.ConfigurationTarget.Global);
  });

  it('k8sInit.rules: off removes the rule, a severity changes it, removing the setting restores it', async () => {
    const uri = fixtureUri('probe.yaml');
    await waitForDiagnostics(uri, withRule(RULE), RULE);
    await setRules({ [RULE]: 'off' });
    await waitForDiagnostics(uri, withoutRule(RULE), `${RULE} turned off`);
    await setRules({ [RULE]: 'warning' });
    const ds = await waitForDiagnostics(uri, (d) => d.some((x) => ruleId(x) === RULE && x.severity === vscode.DiagnosticSeverity.Warning), `${RULE} as a warning`);
    assert.ok(ds.length > 0);
    await setRules(undefined);
    await waitForDiagnostics(uri, (d) => d.some((x) => ruleId(x) === RULE && x.severity === vscode.DiagnosticSeverity.Error), `${RULE} back to an error`);
  });

  it('k8sInit.kubernetesVersion: the message follows the selected release', async () => {
    const uri = fixtureUri('probe.yaml');
    const config = vscode.workspace.getConfiguration('k8sInit');
    await config.update('kubernetesVersion', '1.27', vscode.ConfigurationTarget.Global);
    const old = await waitForDiagnostics(uri, (d) => d.some((x) => ruleId(x) === RULE && /1\.27/.test(x.message)), `${RULE} worded for 1.27`);
    assert.ok(old.some((x) => /must not be set for init containers/.test(x.message)));
    await config.update('kubernetesVersion', undefined, vscode.ConfigurationTarget.Global);
    await waitForDiagnostics(uri, (d) => d.some((x) => ruleId(x) === RULE && /restartPolicy=Always/.test(x.message)), `${RULE} worded for 1.36`);
  });

  it('k8sInit.codeLens.enabled and k8sInit.inlayHints.enabled switch the lens and the hints off and on', async () => {
    const { document } = await openFixture('timeline.yaml');
    const lenses = async (): Promise<number> =>
      (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10)).filter((l) => l.command?.command === 'k8sInit.showStartupTimeline').length;
    const hints = async (): Promise<string[]> =>
      (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, new vscode.Range(0, 0, document.lineCount, 0))).map((h) =>
        typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''),
      );
    assert.equal(await lenses(), 1);
    assert.deepEqual((await hints()).map((h) => h.trim()), ['1 init', '2 sidecar', '3 init', '4 sidecar', 'app']);
    await applySetting(document.uri, 'codeLens.enabled', false);
    await applySetting(document.uri, 'inlayHints.enabled', false);
    assert.equal(await lenses(), 0);
    assert.deepEqual(await hints(), []);
    await applySetting(document.uri, 'codeLens.enabled', undefined);
    await applySetting(document.uri, 'inlayHints.enabled', undefined);
    assert.equal(await lenses(), 1);
    assert.equal((await hints()).length, 5);
  });
});

/**
 * Changes a setting and waits until the server has applied it: after pulling new settings it re-publishes the
 * diagnostics of every open document, so the next diagnostics event for `uri` marks the moment.
 */
async function applySetting(uri: vscode.Uri, key: string, value: unknown): Promise<void> {
  const applied = waitForEvent(vscode.languages.onDidChangeDiagnostics, (e) => e.uris.some((u) => u.toString() === uri.toString()), `the server to apply k8sInit.${key}`);
  await vscode.workspace.getConfiguration('k8sInit').update(key, value, vscode.ConfigurationTarget.Global);
  await applied;
}
