import * as vscode from 'vscode';
import { SHOW_STARTUP_TIMELINE_COMMAND } from '../../server/src/protocol';
import type { StartupTimeline } from '../../server/src/protocol';
import type { ServerController } from './languageClient';
import type { TimelinePanel } from './timeline/timelinePanel';

export const RESTART_SERVER_COMMAND = 'k8sInit.restartServer';
export const SHOW_OUTPUT_COMMAND = 'k8sInit.showOutput';
export { SHOW_STARTUP_TIMELINE_COMMAND };

/** A position as the code lens passes it (LSP shape) or a vscode.Position. */
interface PositionLike {
  readonly line: number;
  readonly character: number;
}

/** Registers the extension's commands; the returned disposables unregister them. */
export function registerCommands(server: ServerController, timeline: TimelinePanel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(RESTART_SERVER_COMMAND, () => server.restart()),
    vscode.commands.registerCommand(SHOW_OUTPUT_COMMAND, () => server.output.show(true)),
    vscode.commands.registerCommand(SHOW_STARTUP_TIMELINE_COMMAND, (uri?: unknown, position?: unknown) => showTimeline(timeline, uri, position)),
  ];
}

/**
 * Opens the timeline for the pod at `position` in `uri` (code lens arguments), or at the cursor of the active
 * editor. Resolves with the timeline drawn (null when there is none).
 */
async function showTimeline(timeline: TimelinePanel, uriArg: unknown, positionArg: unknown): Promise<StartupTimeline | null | undefined> {
  const editor = vscode.window.activeTextEditor;
  const uri = toUri(uriArg) ?? editor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage('Open a Kubernetes YAML file to see the startup timeline of its pod.');
    return undefined;
  }
  const fromEditor = editor && editor.document.uri.toString() === uri.toString() ? editor.selection.active : undefined;
  const position = toPosition(positionArg) ?? fromEditor ?? new vscode.Position(0, 0);
  return timeline.show(uri, position);
}

function toUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string' && value.length > 0) return vscode.Uri.parse(value);
  return undefined;
}

function toPosition(value: unknown): vscode.Position | undefined {
  if (value instanceof vscode.Position) return value;
  if (typeof value !== 'object' || value === null) return undefined;
  const p = value as Partial<PositionLike>;
  return typeof p.line === 'number' && typeof p.character === 'number' ? new vscode.Position(p.line, p.character) : undefined;
}
