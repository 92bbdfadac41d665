import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { StartupTimelineRequest } from '../../../server/src/protocol';
import type { StartupTimeline } from '../../../server/src/protocol';
import type { ServerController } from '../languageClient';
import { objectTitle } from './format';
import { renderTimelineBody, renderTimelinePage } from './page';
import type { EmptyReason } from './page';

const VIEW_TYPE = 'k8sInit.startupTimeline';
const REFRESH_DELAY_MS = 250;

interface RevealMessage {
  readonly type: 'reveal';
  readonly container: number;
}

/**
 * The startup timeline webview: one panel, showing the pod at the tracked position of one document, redrawn
 * (debounced) when that document changes or the cursor moves in it. Disposes all its listeners with the panel.
 */
export class TimelinePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelListeners: vscode.Disposable[] = [];
  private uri: vscode.Uri | undefined;
  private position = new vscode.Position(0, 0);
  private timeline: StartupTimeline | null = null;
  private body = '';
  private timer: NodeJS.Timeout | undefined;
  private pending: vscode.CancellationTokenSource | undefined;
  private readonly renderEmitter = new vscode.EventEmitter<StartupTimeline | null>();

  /** Fires after each redraw with the data drawn (null: nothing to draw). */
  readonly onDidRender = this.renderEmitter.event;

  constructor(
    private readonly server: ServerController,
    private readonly output: vscode.OutputChannel,
  ) {}

  /** Opens (or focuses) the view for `uri` at `position` and resolves with what it drew. */
  async show(uri: vscode.Uri, position: vscode.Position): Promise<StartupTimeline | null> {
    this.uri = uri;
    this.position = position;
    if (!this.panel) this.createPanel();
    else this.panel.reveal(undefined, true);
    return this.refresh();
  }

  dispose(): void {
    this.panel?.dispose();
    this.renderEmitter.dispose();
  }

  private createPanel(): void {
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      'Startup timeline',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [], enableFindWidget: true },
    );
    this.panel = panel;
    this.panelListeners = [
      panel.onDidDispose(() => this.onPanelDisposed()),
      panel.onDidChangeViewState((e) => {
        if (e.webviewPanel.visible) this.setHtml();
      }),
      panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.isTracked(e.document.uri) && e.contentChanges.length > 0) this.schedule();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (this.isTracked(d.uri)) this.schedule();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (!this.isTracked(e.textEditor.document.uri)) return;
        const next = e.selections[0]?.active;
        if (next && !next.isEqual(this.position)) {
          this.position = next;
          this.schedule();
        }
      }),
      this.server.onDidChangeStatus((s) => {
        if (s === 'running' || s === 'failed') this.schedule();
      }),
    ];
  }

  private onPanelDisposed(): void {
    clearTimeout(this.timer);
    this.pending?.cancel();
    for (const d of this.panelListeners) d.dispose();
    this.panelListeners = [];
    this.panel = undefined;
    this.body = '';
    this.timeline = null;
  }

  private isTracked(uri: vscode.Uri): boolean {
    return this.uri !== undefined && uri.toString() === this.uri.toString();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  /** Asks the server for the timeline at the tracked position and redraws. */
  private async refresh(): Promise<StartupTimeline | null> {
    clearTimeout(this.timer);
    const uri = this.uri;
    if (!uri || !this.panel) return null;
    this.pending?.cancel();
    const cts = new vscode.CancellationTokenSource();
    this.pending = cts;
    let timeline: StartupTimeline | null = null;
    let empty: EmptyReason = 'no-pod';
    const client = this.server.running;
    const open = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
    if (!client) {
      empty = 'not-running';
    } else if (!open) {
      empty = 'closed';
    } else {
      try {
        const params = { textDocument: { uri: uri.toString() }, position: { line: this.position.line, character: this.position.character } };
        timeline = await client.sendRequest(StartupTimelineRequest, params, cts.token);
      } catch (error) {
        if (cts.token.isCancellationRequested) return this.timeline;
        this.output.appendLine(`[timeline] ${error instanceof Error ? error.message : String(error)}`);
        empty = 'error';
      }
    }
    if (cts.token.isCancellationRequested || !this.panel) return this.timeline;
    cts.dispose();
    if (this.pending === cts) this.pending = undefined;
    this.draw(timeline, empty, uri);
    return timeline;
  }

  private draw(timeline: StartupTimeline | null, empty: EmptyReason, uri: vscode.Uri): void {
    if (!this.panel) return;
    const first = this.body === '';
    this.timeline = timeline;
    this.body = renderTimelineBody(timeline, empty, path.posix.basename(uri.path));
    this.panel.title = timeline ? `Startup: ${objectTitle(timeline)}` : 'Startup timeline';
    if (first || !this.panel.visible) this.setHtml();
    else void this.panel.webview.postMessage({ type: 'update', html: this.body });
    this.renderEmitter.fire(timeline);
  }

  private setHtml(): void {
    if (!this.panel) return;
    const nonce = randomBytes(16).toString('base64');
    this.panel.webview.html = renderTimelinePage({ nonce, cspSource: this.panel.webview.cspSource, body: this.body, title: this.panel.title });
  }

  private async onMessage(message: unknown): Promise<void> {
    if (!isReveal(message) || !this.uri || !this.timeline) return;
    const container = this.timeline.containers[message.container];
    if (!container) return;
    const { start, end } = container.range;
    const range = new vscode.Range(start.line, start.character, end.line, end.character);
    const doc = await vscode.workspace.openTextDocument(this.uri);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One });
    editor.selection = new vscode.Selection(range.start, range.start);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

function isReveal(m: unknown): m is RevealMessage {
  return typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'reveal' && typeof (m as { container?: unknown }).container === 'number';
}
