// Shared pieces of the real-editor harness: an isolated code-server (the VS Code workbench served to a browser)
// and Debian's Chromium driven by playwright-core. Everything listens on 127.0.0.1; every run gets throw-away
// HOME/XDG/TMPDIR folders; the processes started here run in their own process groups and are killed by group.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const CODE_SERVER = process.env.CODE_SERVER ?? path.join(process.env.CODE_SERVER_PREFIX ?? path.join(ROOT, '.harness', 'code-server'), 'node_modules', '.bin', 'code-server');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const OUT_DIR = process.env.OUT_DIR ?? path.join(ROOT, '.harness', 'out');

/** Process groups started here; killed on exit and on SIGTERM/SIGINT/SIGHUP (e.g. from `timeout`). */
const groups = new Set();
function killGroups() {
  for (const pid of groups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  groups.clear();
}
process.once('exit', killGroups);
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
  process.once(signal, () => {
    killGroups();
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : 15));
  });
}

/** User settings that keep the workbench quiet and offline. */
export const QUIET_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'redhat.telemetry.enabled': false,
};

export function checkPrerequisites() {
  const missing = [];
  if (!fs.existsSync(CODE_SERVER)) missing.push(`code-server (${CODE_SERVER}): run scripts/installCodeServer.sh`);
  if (!fs.existsSync(CHROMIUM)) missing.push(`chromium (${CHROMIUM}): apt-get install chromium`);
  return missing;
}

/** A fresh temporary folder with home/, xdg-*, tmp/ and the environment that points at them. */
export function isolatedEnvironment(prefix) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const dirs = { home: 'home', config: 'xdg-config', data: 'xdg-data', cache: 'xdg-cache', tmp: 'tmp', user: 'user-data', ext: 'extensions', chrome: 'chrome' };
  const abs = Object.fromEntries(Object.entries(dirs).map(([k, v]) => [k, path.join(tmp, v)]));
  for (const d of Object.values(abs)) fs.mkdirSync(d, { recursive: true });
  const env = { ...process.env, HOME: abs.home, XDG_CONFIG_HOME: abs.config, XDG_DATA_HOME: abs.data, XDG_CACHE_HOME: abs.cache, TMPDIR: abs.tmp };
  delete env.NODE_OPTIONS; // tsx loaders of the test runner must not leak into code-server
  return { tmp, dirs: abs, env, cleanup: () => fs.rmSync(tmp, { recursive: true, force: true }) };
}

export function writeUserSettings(userDataDir, extra = {}) {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...extra }, null, 2));
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Installs a .vsix with code-server's own CLI (offline: a local file). */
export function installVsix(vsix, { userDataDir, extensionsDir, env }) {
  execFileSync(CODE_SERVER, ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix], { stdio: 'pipe', env, timeout: 120_000 });
}

/**
 * Starts code-server on a free loopback port in its own process group; resolves when /healthz answers.
 * `stop()` kills the whole group.
 */
export async function startCodeServer({ userDataDir, extensionsDir, env, logFile, folder, deadlineMs = 60_000 }) {
  const port = await freePort();
  const log = fs.openSync(logFile, 'w');
  const args = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override'];
  if (folder) args.push(folder);
  const child = spawn(CODE_SERVER, args, { stdio: ['ignore', log, log], detached: true, env });
  groups.add(child.pid);
  const stop = () => {
    groups.delete(child.pid);
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see ${logFile}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error(`code-server did not come up within ${deadlineMs} ms; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { port, base, pid: child.pid, stop };
}

/** Debian's Chromium through playwright-core (no browser download), with a fresh profile. */
export async function launchChromium({ profileDir, env, viewport = { width: 1400, height: 900 } }) {
  const { chromium } = require('playwright-core');
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    env,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Rejects after `ms` with `what` in the message (a deadline, not a sleep). */
export function deadline(ms, what) {
  let timer;
  const promise = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms} ms`)), ms);
  });
  promise.catch(() => undefined);
  return { promise, cancel: () => clearTimeout(timer) };
}
