import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FIXTURES } from '../helpers/fixtures';
import { LspSession } from '../helpers/lspClient';

const PROBE = readFileSync(join(FIXTURES, 'manifests', 'init-probe.yaml'), 'utf8');
const TEST_TIMEOUT = { timeout: 20_000 };
const probeSeverity = (p: { diagnostics: Array<{ code?: unknown; severity?: number }> }): number | undefined =>
  p.diagnostics.find((d) => d.code === 'init-probe-forbidden')?.severity;

describe('language server: settings', TEST_TIMEOUT, () => {
  it('applies pulled settings before the first diagnostics and re-publishes on didChangeConfiguration', TEST_TIMEOUT, async () => {
    const session = await LspSession.start({ settings: { rules: { 'init-probe-forbidden': 'warning' } } });
    try {
      const uri = 'file:///work/settings-pull.yaml';
      await session.open(uri, PROBE);
      const first = await session.diagnostics(uri);
      assert.equal(probeSeverity(first), 2, 'the pulled severity is used from the first publish on');

      const mark = session.published.length;
      session.settings = { rules: { 'init-probe-forbidden': 'off' } };
      await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const off = await session.diagnostics(uri, () => true, 5000, mark);
      assert.equal(probeSeverity(off), undefined, 'rule turned off');

      const mark2 = session.published.length;
      session.settings = { kubernetesVersion: '1.27' };
      await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: { k8sInit: { ignored: true } } });
      const legacy = await session.diagnostics(uri, () => true, 5000, mark2);
      const probe = legacy.diagnostics.find((d) => d.code === 'init-probe-forbidden');
      assert.match(probe?.message ?? '', /Kubernetes 1\.27 has no native sidecars/);
    } finally {
      await session.stop();
    }
  });

  it('tolerates junk in the settings (falls back to defaults)', TEST_TIMEOUT, async () => {
    const session = await LspSession.start({ settings: ['not', 'an', 'object'] });
    try {
      const uri = 'file:///work/settings-junk.yaml';
      await session.open(uri, PROBE);
      const p = await session.diagnostics(uri);
      assert.equal(probeSeverity(p), 1);
      const mark = session.published.length;
      session.settings = { rules: 42, kubernetesVersion: { x: 1 }, featureGates: 'yes' };
      await session.connection.sendNotification('workspace/didChangeConfiguration', {});
      await new Promise((r) => setTimeout(r, 300));
      // Effective settings did not change: nothing to re-publish, or the same diagnostics again.
      for (const again of session.published.slice(mark)) assert.equal(probeSeverity(again), 1);
    } finally {
      await session.stop();
    }
  });

  it('takes initializationOptions and pushed settings from a client without workspace/configuration', TEST_TIMEOUT, async () => {
    const session = await LspSession.start({
      configurationSupport: false,
      initializationOptions: { k8sInit: { rules: { 'init-probe-forbidden': 'hint' } } },
    });
    try {
      const uri = 'file:///work/settings-push.yaml';
      await session.open(uri, PROBE);
      const first = await session.diagnostics(uri);
      assert.equal(probeSeverity(first), 4);
      assert.equal(session.configurationRequests, 0);

      const mark = session.published.length;
      await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: { k8sInit: { rules: { 'init-probe-forbidden': 'information' } } } });
      assert.equal(probeSeverity(await session.diagnostics(uri, () => true, 5000, mark)), 3);

      const mark2 = session.published.length;
      await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: { 'k8sInit.rules': { 'init-probe-forbidden': 'off' } } });
      assert.equal(probeSeverity(await session.diagnostics(uri, () => true, 5000, mark2)), undefined);
    } finally {
      await session.stop();
    }
  });
});
