import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as vscode from 'vscode';
import type { K8sInitApi } from '../../../client/src/extension';
import { api, fixtureUri, openFixture, waitForDiagnostics, waitForEvent, withRule } from './helpers';

/** The language server: the child of this extension host running server/out/server.js. */
function serverPid(): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('server/out/server.js')) return Number(entry);
    } catch {
      // the process went away meanwhile
    }
  }
  return undefined;
}

async function crashServer(k8s: K8sInitApi, expect: 'running' | 'failed'): Promise<void> {
  const pid = serverPid();
  assert.ok(pid, 'found the server process');
  const seen: string[] = [];
  const sub = k8s.onDidChangeStatus((s) => seen.push(s));
  const next = waitForEvent(k8s.onDidChangeStatus, (s) => s === expect, `status ${expect} after a crash`).finally(() => {
    console.log(`[k8s-init-test] crash of ${pid}: ${seen.join(' → ')}`);
    sub.dispose();
  });
  process.kill(pid, 'SIGKILL');
  await next;
}

describe('server lifecycle', () => {
  it('the restart command starts a fresh server that serves diagnostics again', async () => {
    const k8s = await api();
    await openFixture('probe.yaml');
    const before = serverPid();
    const restarted = waitForEvent(k8s.onDidChangeStatus, (s) => s === 'running', 'running after restart');
    await vscode.commands.executeCommand('k8sInit.restartServer');
    await restarted;
    assert.notEqual(serverPid(), before);
    await waitForDiagnostics(fixtureUri('probe.yaml'), withRule('init-probe-forbidden'), 'diagnostics from the new server');
  });

  it('restarts a crashed server a bounded number of times, then gives up; restart revives it', async function () {
    this.timeout(120_000);
    const k8s = await api();
    for (let i = 0; i < 4; i++) await crashServer(k8s, 'running');
    await crashServer(k8s, 'failed');
    assert.equal(k8s.status(), 'failed');
    const revived = waitForEvent(k8s.onDidChangeStatus, (s) => s === 'running', 'running after the restart command');
    await vscode.commands.executeCommand('k8sInit.restartServer');
    await revived;
    await waitForDiagnostics(fixtureUri('probe.yaml'), withRule('init-probe-forbidden'), 'diagnostics after the revival');
  });
});
