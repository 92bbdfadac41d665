// The startup timeline view's HTML, rendered from the language service's real answer for a pod, loaded into
// headless Chromium under its own CSP: elements, labels, geometry, the text alternative, the script, theme
// colours, and a screenshot whose pixels are checked.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { renderTimelineBody, renderTimelinePage } from '../../client/src/timeline/page';
import { LAYOUT } from '../../client/src/timeline/svg';
import type { StartupTimeline } from '../../server/src/protocol';
import { getLanguageService } from '../../server/src/service/index';
import { CHROMIUM, OUT_DIR } from '../vscode/paths';
import { decodePng, pixel } from './png';

// The catalogue's worked example 2 (§3.4) with its pod overhead: effective requests 1350m / 1336Mi.
const MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: shop
spec:
  overhead: {cpu: 250m, memory: 120Mi}
  initContainers:
  - name: config-fetch
    image: registry.example.com/config-fetch:1.0.3
    resources: {requests: {cpu: 200m, memory: 64Mi}}
  - name: istio-proxy
    image: registry.example.com/proxyv2:1.22.1
    restartPolicy: Always
    resources: {requests: {cpu: 100m, memory: 128Mi}}
  - name: db-migrate
    image: registry.example.com/migrate:3.1.0
    resources: {requests: {cpu: "1", memory: 512Mi}}
  - name: log-shipper
    image: registry.example.com/fluent-bit:3.0.7
    restartPolicy: Always
    resources: {requests: {cpu: 50m, memory: 64Mi}}
  containers:
  - name: app
    image: registry.example.com/shop:5.2.0
    resources: {requests: {cpu: 500m, memory: 1Gi}}
`;

function timelineFor(text: string): StartupTimeline {
  const service = getLanguageService();
  const t = service.getStartupTimeline('file:///shop.yaml', service.parse(text), { line: 8, character: 4 });
  assert.ok(t, 'the service describes the pod');
  return t;
}

function page(body: string): string {
  return renderTimelinePage({ nonce: 'bm9uY2UtZm9yLXRlc3Rz', cspSource: '', body, title: 'Startup timeline' });
}

describe('startup timeline HTML in headless Chromium', { timeout: 120_000 }, () => {
  let browser: Browser;
  let tab: Page;
  const problems: string[] = [];
  const timeline = timelineFor(MANIFEST);

  before(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    tab = await browser.newPage({ viewport: { width: 1000, height: 900 }, deviceScaleFactor: 1 });
    tab.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    tab.on('pageerror', (e) => problems.push(String(e)));
    // What VS Code's webview host provides: acquireVsCodeApi().postMessage. (A string: tsx would wrap a function.)
    await tab.addInitScript({ content: 'window.posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.posted.push(m) });' });
    await show(page(renderTimelineBody(timeline, 'no-pod', 'shop.yaml')));
  });

  /** Serves `html` from a fake origin (a real navigation, so the init script runs as in a webview). */
  async function show(html: string): Promise<void> {
    await tab.unroute('http://timeline.test/');
    await tab.route('http://timeline.test/', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
    await tab.goto('http://timeline.test/');
  }

  after(async () => {
    await browser?.close();
  });

  it('the service data is the catalogue example: 1350m / 1336Mi, cpu set by db-migrate, memory by the steady state', () => {
    const cpu = timeline.effectiveRequests.find((e) => e.resource === 'cpu');
    const memory = timeline.effectiveRequests.find((e) => e.resource === 'memory');
    assert.deepEqual([cpu?.value, cpu?.phase, cpu?.initIndex, cpu?.overhead], ['1350m', 'init', 2, '250m']);
    assert.deepEqual([memory?.value, memory?.phase, memory?.overhead], ['1336Mi', 'steady', '120Mi']);
  });

  it('draws one labelled bar per container, with its requests', async () => {
    const bars = tab.locator('svg.timeline .bar');
    assert.equal(await bars.count(), 5);
    const names = await tab.locator('svg.timeline .bar-name').allTextContents();
    assert.deepEqual(names, ['config-fetch', 'istio-proxy', 'db-migrate', 'log-shipper', 'app']);
    const requests = await tab.locator('svg.timeline .bar-requests').allTextContents();
    assert.equal(requests[2], 'cpu 1 · memory 512Mi');
    assert.equal(requests[4], 'cpu 500m · memory 1Gi');
    assert.match((await bars.nth(1).getAttribute('aria-label')) ?? '', /istio-proxy \(sidecar, keeps running\)/);
  });

  it('lays the bars out in time: init containers one column each, sidecars run on, apps together at the end', async () => {
    const boxes = await Promise.all([0, 1, 2, 3, 4].map(async (i) => tab.locator('svg.timeline .bar-rect').nth(i).boundingBox()));
    const [configFetch, istio, migrate, shipper, app] = boxes.map((b) => {
      assert.ok(b);
      return b;
    });
    const svg = await tab.locator('svg.timeline').boundingBox();
    assert.ok(svg && configFetch && istio && migrate && shipper && app);
    const scale = svg.width / (LAYOUT.margin * 2 + timeline.phases.length * LAYOUT.columnWidth);
    const column = LAYOUT.columnWidth * scale;
    const near = (a: number, b: number, what: string): void => assert.ok(Math.abs(a - b) <= 2, `${what}: ${a} vs ${b}`);
    near(configFetch.width, column - 12 * scale, 'an init container spans one phase');
    near(migrate.width, configFetch.width, 'both init containers span one phase');
    near(migrate.x - configFetch.x, 2 * column, 'db-migrate starts two phases after config-fetch');
    near(istio.x + istio.width, app.x + app.width, 'the sidecar runs until the end');
    near(shipper.x + shipper.width, app.x + app.width, 'the second sidecar runs until the end');
    near(app.x - configFetch.x, 4 * column, 'the app starts after the four init phases');
    const ys = [configFetch, istio, migrate, shipper, app].map((b) => b.y);
    assert.deepEqual([...ys].sort((a, b) => a - b), ys, 'one row per container, in order');
    assert.ok(configFetch.height >= 20 * scale, `bars are tall enough to read: ${configFetch.height}`);
  });

  it('marks the phases that set the effective requests and shows the totals', async () => {
    const peaks = await tab.locator('svg.timeline .phase.peak').evaluateAll((els) => els.map((e) => e.getAttribute('data-phase')));
    assert.deepEqual(peaks, ['2', '4']);
    assert.equal(await tab.locator('.phase[data-phase="2"] .peak-label').textContent(), 'sets cpu');
    assert.equal(await tab.locator('.phase[data-phase="4"] .peak-label').textContent(), 'sets memory');
    const usage = await tab.locator('svg.timeline .usage-value.peak').allTextContents();
    assert.deepEqual(usage, ['cpu 1100m', 'memory 1216Mi']);
    assert.equal(await tab.locator('svg.timeline .effective').textContent(), 'Effective pod requests: cpu 1350m · memory 1336Mi · QoS Burstable');
  });

  it('has an accessible text alternative', async () => {
    assert.equal(await tab.locator('svg.timeline').getAttribute('role'), 'img');
    assert.match((await tab.locator('svg.timeline desc').textContent()) ?? '', /db-migrate \(init\) runs to completion while istio-proxy runs/);
    const steps = await tab.locator('ol#sequence li').allTextContents();
    assert.equal(steps.length, 5);
    assert.match(steps[1] ?? '', /^istio-proxy \(sidecar\) starts while|^istio-proxy \(sidecar\) starts and keeps running/);
    assert.match(steps[4] ?? '', /app .* alongside istio-proxy, log-shipper/);
    const rows = await tab.locator('table#effective tbody tr').allTextContents();
    assert.ok(rows.some((r) => r.includes('requests cpu') && r.includes('1350m') && r.includes('db-migrate') && r.includes('overhead 250m')), rows.join('\n'));
    assert.match((await tab.locator('.qos').textContent()) ?? '', /QoS class: Burstable/);
  });

  it('runs its script under the CSP: a click or Enter on a bar asks to reveal the container; updates replace the body', async () => {
    await tab.locator('svg.timeline .bar').nth(2).click();
    await tab.locator('svg.timeline .bar').nth(4).focus();
    await tab.keyboard.press('Enter');
    const posted = await tab.evaluate(() => (window as unknown as { posted: unknown[] }).posted);
    assert.deepEqual(posted, [
      { type: 'reveal', container: 2 },
      { type: 'reveal', container: 4 },
    ]);
    const changed = renderTimelineBody({ ...timeline, object: { kind: 'Pod', name: 'changed' } });
    await tab.evaluate((html) => window.postMessage({ type: 'update', html }, '*'), changed);
    await tab.locator('#heading', { hasText: 'Pod changed' }).waitFor({ timeout: 5000 });
    assert.equal(await tab.locator('svg.timeline .bar').count(), 5);
    assert.deepEqual(problems, [], 'no CSP violations or script errors');
    await show(page(renderTimelineBody(timeline, 'no-pod', 'shop.yaml')));
  });

  it('takes its colours from the VS Code theme variables', async () => {
    const fill = (): Promise<string> => tab.locator('svg.timeline .bar-name').first().evaluate((e) => getComputedStyle(e).fill);
    const light = await fill();
    await tab.evaluate(() => document.documentElement.style.setProperty('--vscode-foreground', 'rgb(204, 204, 204)'));
    assert.equal(await fill(), 'rgb(204, 204, 204)');
    await tab.evaluate(() => document.documentElement.style.removeProperty('--vscode-foreground'));
    assert.equal(await fill(), light);
  });

  it('looks right in a screenshot: the bars carry their role colours', async () => {
    mkdirSync(OUT_DIR, { recursive: true });
    const file = join(OUT_DIR, 'timeline-standalone.png');
    const png = await tab.screenshot({ path: file, fullPage: true });
    const img = decodePng(png);
    const svg = await tab.locator('svg.timeline').boundingBox();
    assert.ok(svg);
    assert.ok(img.width >= svg.width && img.height >= svg.y + svg.height, `screenshot ${img.width}×${img.height} holds the drawing`);
    const centreOf = async (i: number): Promise<[number, number, number, number]> => {
      const b = await tab.locator('svg.timeline .bar-rect').nth(i).boundingBox();
      assert.ok(b);
      // right part of the bar, clear of the label text
      return pixel(img, b.x + b.width - 14, b.y + b.height / 2);
    };
    const [r0, g0, b0] = await centreOf(0); // init: blue
    assert.ok(b0 > r0 + 40 && b0 > g0, `init bar is blue: ${[r0, g0, b0]}`);
    const [r1, g1, b1] = await centreOf(1); // sidecar: purple
    assert.ok(r1 > g1 + 10 && b1 > g1 + 25, `sidecar bar is purple: ${[r1, g1, b1]}`);
    const [r4, g4, b4] = await centreOf(4); // app: green
    assert.ok(g4 > r4 + 15 && g4 > b4 + 15, `app bar is green: ${[r4, g4, b4]}`);
    const [rb, gb, bb] = pixel(img, 2, 2);
    assert.deepEqual([rb, gb, bb], [255, 255, 255], 'the background is the (light) editor background');
  });

  it('escapes names and shows the empty state', async () => {
    const hostile: StartupTimeline = { ...timeline, object: { kind: 'Pod', name: '<img src=x onerror="window.pwned=1">' } };
    await show(page(renderTimelineBody(hostile)));
    assert.equal(await tab.locator('#heading').textContent(), 'Pod <img src=x onerror="window.pwned=1">');
    assert.equal(await tab.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);
    await show(page(renderTimelineBody(null)));
    assert.match((await tab.locator('#empty').textContent()) ?? '', /no pod spec/);
    writeFileSync(join(OUT_DIR, 'timeline-standalone.html'), page(renderTimelineBody(timeline, 'no-pod', 'shop.yaml')));
  });
});
