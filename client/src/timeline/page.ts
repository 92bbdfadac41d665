import type { StartupTimeline } from '../../../server/src/protocol';
import { escapeHtml, objectTitle } from './format';
import { renderTimelineSvg } from './svg';
import { renderTextAlternative } from './text';

/** What the view shows when there is nothing to draw. */
export type EmptyReason = 'no-pod' | 'not-running' | 'closed' | 'error';

const EMPTY_TEXT: Readonly<Record<EmptyReason, string>> = {
  'no-pod': 'This file has no pod spec (Pod, Deployment, StatefulSet, DaemonSet, Job, CronJob, …).',
  'not-running': 'The language server is not running. Run “Kubernetes Init Containers: Restart Server”.',
  closed: 'The file was closed. Open it again and run “Kubernetes Init Containers: Show Startup Timeline”.',
  error: 'The timeline could not be computed; see the output channel for details.',
};

/** The view's body for a timeline (header, drawing, text alternative); also sent with `update` messages. */
export function renderTimelineBody(t: StartupTimeline | null, empty: EmptyReason = 'no-pod', fileName = ''): string {
  if (!t) return `<p class="empty" id="empty">${escapeHtml(EMPTY_TEXT[empty])}</p>`;
  const where = t.podCount > 1 ? ` · one of ${t.podCount} pod specs in this file (move the cursor to pick another)` : '';
  return [
    `<header><h1 id="heading">${escapeHtml(objectTitle(t))}</h1>`,
    `<p class="sub">${escapeHtml(`${fileName ? `${fileName} · ` : ''}${t.podPath}${where}`)}</p>`,
    `<p class="legend"><span class="key role-init">init</span><span class="key role-sidecar">sidecar</span><span class="key role-app">app</span><span class="key peak">sets an effective request</span></p></header>`,
    `<div class="chart">${renderTimelineSvg(t)}</div>`,
    renderTextAlternative(t),
  ].join('\n');
}

export interface PageOptions {
  /** A fresh random nonce per page (base64 or hex). */
  readonly nonce: string;
  /** `webview.cspSource` (empty outside VS Code). */
  readonly cspSource: string;
  readonly body: string;
  readonly title?: string;
}

/** A complete HTML document: strict CSP (no remote resources, script and style only with the nonce), theme colours through CSS variables. */
export function renderTimelinePage(o: PageOptions): string {
  const csp = [
    `default-src 'none'`,
    `style-src ${o.cspSource} 'nonce-${o.nonce}'`.replace(/\s+/g, ' ').trim(),
    `script-src 'nonce-${o.nonce}'`,
    `img-src ${o.cspSource} data:`.trim(),
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(o.title ?? 'Startup timeline')}</title>
<style nonce="${o.nonce}">${STYLE}</style>
</head>
<body>
<main id="root" aria-live="polite">${o.body}</main>
<script nonce="${o.nonce}">${SCRIPT}</script>
</body>
</html>`;
}

/** Colours come from the VS Code theme (`--vscode-*` variables) with fallbacks for a plain browser. */
const STYLE = `
:root { --fg: var(--vscode-foreground, #1f1f1f); --muted: var(--vscode-descriptionForeground, #616161);
  --bg: var(--vscode-editor-background, #ffffff); --border: var(--vscode-panel-border, #d0d0d0);
  --init: var(--vscode-charts-blue, #1a85ff); --sidecar: var(--vscode-charts-purple, #a35ee6);
  --app: var(--vscode-charts-green, #388a34); --peak: var(--vscode-charts-orange, #d18616);
  --focus: var(--vscode-focusBorder, #0090f1); }
body { margin: 0; padding: 12px 20px; color: var(--fg); background: var(--bg);
  font-family: var(--vscode-font-family, system-ui, sans-serif); font-size: var(--vscode-font-size, 13px); }
h1 { font-size: 1.3em; margin: 0 0 2px; } h2 { font-size: 1.05em; margin: 18px 0 6px; }
.sub, .legend, .qos { color: var(--muted); margin: 2px 0 8px; }
.key { display: inline-block; margin-right: 14px; } .key::before { content: ''; display: inline-block; width: 10px; height: 10px;
  margin-right: 5px; border-radius: 2px; vertical-align: -1px; background: var(--c); }
.key.role-init { --c: var(--init); } .key.role-sidecar { --c: var(--sidecar); } .key.role-app { --c: var(--app); } .key.peak { --c: var(--peak); }
.chart { overflow-x: auto; } svg.timeline { max-width: 100%; height: auto; font-size: 12px; }
svg text { fill: var(--fg); } .phase-bg { fill: none; stroke: var(--border); stroke-dasharray: 3 3; }
.phase.peak .phase-bg { stroke: var(--peak); stroke-width: 2; stroke-dasharray: none; }
.phase-label { font-weight: 600; } .peak-label, .usage-value.peak { fill: var(--peak); font-weight: 600; }
.bar { cursor: pointer; } .bar:focus { outline: none; } .bar:focus .bar-rect { stroke-width: 3; stroke: var(--focus); }
.bar-rect { stroke-width: 1.5; fill-opacity: 0.35; } .runs-on { fill: none; stroke-width: 2; }
.role-init .bar-rect { fill: var(--init); stroke: var(--init); } .role-sidecar .bar-rect { fill: var(--sidecar); stroke: var(--sidecar); }
.role-app .bar-rect { fill: var(--app); stroke: var(--app); } .role-sidecar .runs-on { stroke: var(--sidecar); }
.bar-name { font-weight: 600; } .bar-requests, .usage-value, .usage-title { fill: var(--muted); font-size: 11px; }
.effective { font-weight: 600; }
table { border-collapse: collapse; } th, td { text-align: left; padding: 3px 12px 3px 0; border-bottom: 1px solid var(--border); }
td.num { font-family: var(--vscode-editor-font-family, monospace); }
.empty { color: var(--muted); }
`;

/** Clicking (or Enter/Space on) a bar asks the extension to reveal the container; `update` messages replace the body. */
const SCRIPT = `
const vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
const root = document.getElementById('root');
function reveal(target) {
  const bar = target instanceof Element ? target.closest('[data-container]') : null;
  if (bar && vscode) vscode.postMessage({ type: 'reveal', container: Number(bar.getAttribute('data-container')) });
}
root.addEventListener('click', (e) => reveal(e.target));
root.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); reveal(e.target); } });
window.addEventListener('message', (e) => {
  const m = e.data;
  if (m && m.type === 'update' && typeof m.html === 'string') root.innerHTML = m.html;
});
`;
