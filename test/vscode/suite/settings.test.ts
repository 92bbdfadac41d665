import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, fixtureUri, openFixture, ruleId, waitForDiagnostics, withRule, withoutRule } from './helpers';

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
    await vscode.workspace.getConfiguration('k8sInit').update('kubernetesVersion', undefined, vscode.ConfigurationTarget.Global);
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
});
