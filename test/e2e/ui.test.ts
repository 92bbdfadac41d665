// The UI end-to-end test: package the .vsix, install it into code-server (the real VS Code workbench), open a
// manifest in Chromium and read what a user sees: the squiggle, the Problems panel entry, the hover, the startup
// timeline view. The screenshots go to docs/images/ for the README.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { OUT_DIR, ROOT, checkPrerequisites, installVsix, isolatedEnvironment, launchChromium, startCodeServer, writeUserSettings } from '../vscode/harness/codeServer.mjs';
import type { IsolatedEnvironment, RunningCodeServer } from '../vscode/harness/codeServer.mjs';
import { listZip } from './zip';

const IMAGES = join(ROOT, 'docs', 'images');
const MAX_VSIX_BYTES = 1024 * 1024;
const ALLOWED = [/^extension\/package\.json$/, /^extension\/client\/out\/extension\.js$/, /^extension\/server\/out\/server\.js$/, /^extension\/syntaxes\/[^/]+\.tmLanguage\.json$/,
  /^extension\/snippets\/[^/]+\.(json|code-snippets)$/, /^extension\/docs\/rules\/[a-z0-9-]+\.md$/, /^extension\/images\/icon\.png$/, /^extension\/readme\.md$/i, /^extension\/changelog\.md$/i,
  /^extension\/LICENSE(\.txt)?$/, /^extension\.vsixmanifest$/, /^\[Content_Types\]\.xml$/];

const t0 = Date.now();
const timings: Record<string, number> = {};
const mark = (what: string): void => {
  timings[what] = Date.now() - t0;
};

describe('the .vsix in code-server, seen through Chromium', { timeout: 300_000 }, () => {
  let iso: IsolatedEnvironment;
  let server: RunningCodeServer | undefined;
  let ctx: BrowserContext | undefined;
  let page: Page;
  let vsix: string;

  before(() => {
    const missing = checkPrerequisites();
    assert.deepEqual(missing, [], `UI test prerequisites: ${missing.join('; ')}`);
    iso = isolatedEnvironment('k8s-init-ui-');
    mkdirSync(OUT_DIR, { recursive: true });
    mkdirSync(IMAGES, { recursive: true });
  });

  after(async () => {
    if (ctx) await Promise.race([ctx.close(), new Promise((r) => setTimeout(r, 5000))]).catch(() => undefined);
    server?.stop();
    iso?.cleanup();
    writeFileSync(join(OUT_DIR, 'ui-timings.json'), JSON.stringify(timings, null, 2));
  });

  it('npm run package builds a small .vsix with only the bundles, grammars, snippets, docs, README, CHANGELOG, LICENSE and icon', { timeout: 120_000 }, () => {
    vsix = process.env['K8S_INIT_VSIX'] ?? join(ROOT, 'k8s-init-containers.vsix');
    if (!process.env['K8S_INIT_VSIX']) {
      const r = spawnSync('npm', ['run', 'package', '--silent'], { cwd: ROOT, encoding: 'utf8', timeout: 110_000, env: { ...process.env, NODE_OPTIONS: '' } });
      assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
    }
    const size = statSync(vsix).size;
    const entries = listZip(vsix);
    const unexpected = entries.filter((e) => !ALLOWED.some((re) => re.test(e.name))).map((e) => e.name);
    assert.deepEqual(unexpected, [], 'nothing else is shipped');
    for (const needed of ['extension/client/out/extension.js', 'extension/server/out/server.js', 'extension/images/icon.png', 'extension/LICENSE.txt']) {
      assert.ok(entries.some((e) => e.name === needed), `${needed} is in the .vsix`);
    }
    assert.ok(entries.some((e) => e.name.startsWith('extension/syntaxes/')), 'grammars are in the .vsix');
    assert.ok(size <= MAX_VSIX_BYTES, `.vsix is ${size} bytes`);
    console.log(`# .vsix: ${(size / 1024).toFixed(0)} KB, ${entries.length} files`);
    mark('vsix packaged');
  });

  it('installs into code-server and opens the workbench', { timeout: 120_000 }, async () => {
    assert.ok(vsix, 'packaged first');
    installVsix(vsix, { userDataDir: iso.dirs.user, extensionsDir: iso.dirs.ext, env: iso.env });
    mark('vsix installed');
    writeUserSettings(iso.dirs.user, { 'workbench.colorTheme': 'Default Dark Modern', 'editor.hover.delay': 150, 'workbench.editor.enablePreview': false, 'editor.minimap.enabled': false });
    const workspace = join(iso.tmp, 'workspace');
    cpSync(join(ROOT, 'test', 'e2e', 'fixtures'), workspace, { recursive: true });
    server = await startCodeServer({ userDataDir: iso.dirs.user, extensionsDir: iso.dirs.ext, env: iso.env, logFile: join(OUT_DIR, 'code-server-ui.log'), folder: workspace });
    ctx = await launchChromium({ profileDir: iso.dirs.chrome, env: iso.env, viewport: { width: 1360, height: 860 } });
    page = ctx.pages()[0] ?? (await ctx.newPage());
    page.on('pageerror', (e) => writeFileSync(join(OUT_DIR, 'ui-page-errors.log'), `${String(e)}\n`, { flag: 'a' }));
    await page.goto(`${server.base}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    mark('workbench loaded');
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'shop.yaml' }).click({ timeout: 60_000 });
    await page.locator('.monaco-editor .view-lines', { hasText: 'kind: Deployment' }).waitFor({ timeout: 30_000 });
    mark('manifest open');
  });

  it('underlines the probe of an init container', { timeout: 90_000 }, async () => {
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'attached', timeout: 60_000 });
    mark('squiggle shown');
    await runCommand(page, 'View: Toggle Primary Side Bar Visibility', /Primary Side Bar/);
    await page.locator('.monaco-editor').first().screenshot({ path: join(IMAGES, 'squiggles.png') });
  });

  it('lists the finding in the Problems panel with its rule id', { timeout: 60_000 }, async () => {
    await runCommand(page, 'Focus on Problems View', /Problems/);
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'readinessProbe' }).first();
    await row.waitFor({ timeout: 30_000 });
    const text = await page.locator('.markers-panel').innerText();
    assert.match(text, /init-probe-forbidden/);
    assert.match(text, /may not be set for init containers without restartPolicy=Always/);
    mark('problems panel');
    await page.screenshot({ path: join(IMAGES, 'problems.png') });
  });

  it('shows the message and the explanation in a hover over the squiggle', { timeout: 60_000 }, async () => {
    await runCommand(page, 'View: Hide Panel', /Hide Panel/);
    const word = page.locator('.monaco-editor .view-line', { hasText: 'readinessProbe:' }).first().locator('span', { hasText: /^readinessProbe$/ }).last();
    const box = await word.boundingBox();
    assert.ok(box, 'the word readinessProbe is on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover:visible', { hasText: 'readinessProbe' }).first();
    await hover.waitFor({ timeout: 30_000 });
    const hoverText = await hover.innerText();
    assert.match(hoverText, /init-probe-forbidden/);
    assert.match(hoverText, /init container/);
    mark('hover shown');
    await page.screenshot({ path: join(IMAGES, 'hover.png') });
  });

  it('draws the startup timeline in a webview', { timeout: 60_000 }, async () => {
    await page.keyboard.press('Escape');
    await runCommand(page, 'Kubernetes Init Containers: Show Startup Timeline', /Show Startup Timeline/);
    const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await view.locator('svg.timeline .bar').first().waitFor({ timeout: 30_000 });
    const names = await view.locator('svg.timeline .bar-name').allTextContents();
    assert.deepEqual(names, ['wait-for-db', 'istio-proxy', 'migrate', 'app']);
    mark('timeline shown');
    await page.screenshot({ path: join(IMAGES, 'timeline.png') });
    // A click on a bar reveals that container in the editor (the status bar shows the cursor's line).
    await view.locator('svg.timeline .bar', { hasText: 'migrate' }).click();
    await page.locator('.statusbar-item', { hasText: /Ln 30, Col/ }).first().waitFor({ timeout: 15_000 });
    mark('timeline click revealed the container');
    console.log(`# UI timings (ms since start): ${JSON.stringify(timings)}`);
  });
});

/** Runs a command through the command palette (F1), as a user would: types the query, checks the first match, Enter. */
async function runCommand(page: Page, query: string, expect: RegExp = new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`>${query}`);
  const first = page.locator('.quick-input-widget .monaco-list-row').first();
  await first.waitFor({ timeout: 10_000 });
  const label = await first.innerText();
  assert.match(label, expect, `command palette's first match for "${query}"`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}
