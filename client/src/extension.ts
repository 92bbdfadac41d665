import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { DISPLAY_NAME, onDidChangeServerSettings } from './configuration';
import { ServerController } from './languageClient';
import type { ServerStatus } from './languageClient';
import { TimelinePanel } from './timeline/timelinePanel';
import type { StartupTimeline } from '../../server/src/protocol';

/** What `activate` returns: enough for the extension-host tests to wait on events instead of sleeping. */
export interface K8sInitApi {
  /** Resolves when the language server runs (after a start or restart). */
  ready(): Promise<void>;
  status(): ServerStatus;
  readonly onDidChangeStatus: vscode.Event<ServerStatus>;
  /** Fires after the startup timeline view redraws. */
  readonly onDidRenderTimeline: vscode.Event<StartupTimeline | null>;
  /** Milliseconds from activation until the server ran for the first time (undefined before). */
  activationMs(): number | undefined;
}

let server: ServerController | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<K8sInitApi> {
  const t0 = Date.now();
  let activationMs: number | undefined;
  const output = vscode.window.createOutputChannel(DISPLAY_NAME);
  server = new ServerController(context.asAbsolutePath('server/out/server.js'), output);
  const timeline = new TimelinePanel(server, output);
  context.subscriptions.push(
    output,
    timeline,
    { dispose: () => void server?.dispose() },
    ...registerCommands(server, timeline),
    onDidChangeServerSettings((changed) => output.appendLine(`[client] settings changed: ${changed.join(', ')}`)),
  );
  const controller = server;
  const firstRun = controller.onDidChangeStatus((status) => {
    if (status !== 'running') return;
    activationMs = Date.now() - t0;
    output.appendLine(`[client] activation to running server: ${activationMs} ms`);
    firstRun.dispose();
  });
  context.subscriptions.push(firstRun);
  void controller.start();
  return {
    ready: () => controller.ready(),
    status: () => controller.status,
    onDidChangeStatus: controller.onDidChangeStatus,
    onDidRenderTimeline: timeline.onDidRender,
    activationMs: () => activationMs,
  };
}

export async function deactivate(): Promise<void> {
  await server?.dispose();
  server = undefined;
}
