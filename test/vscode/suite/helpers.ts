import * as path from 'node:path';
import * as vscode from 'vscode';
import type { K8sInitApi } from '../../../client/src/extension';

export const EXTENSION_ID = 'k8s-init-containers.k8s-init-containers';
/** A deadline for one awaited event: long enough for a slow 2-core CI machine, never a sleep. */
export const EVENT_TIMEOUT_MS = 20_000;

/** Resolves with the first event that satisfies `predicate` (or rejects after the deadline). */
export function waitForEvent<T>(event: vscode.Event<T>, predicate: (e: T) => boolean, what: string, timeoutMs = EVENT_TIMEOUT_MS): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const sub = event((e) => {
      if (!predicate(e)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(e);
    });
  });
}

/** The diagnostics of `uri` once they satisfy `predicate` (checked now, then on every change). */
export async function waitForDiagnostics(uri: vscode.Uri, predicate: (d: readonly vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  const pending = waitForEvent(
    vscode.languages.onDidChangeDiagnostics,
    (e) => e.uris.some((u) => u.toString() === uri.toString()) && predicate(vscode.languages.getDiagnostics(uri)),
    what,
  );
  const now = vscode.languages.getDiagnostics(uri);
  if (predicate(now)) {
    pending.catch(() => undefined);
    return now;
  }
  await pending;
  return vscode.languages.getDiagnostics(uri);
}

export function ruleId(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (typeof code === 'string' || typeof code === 'number') return String(code);
  return code ? String(code.value) : undefined;
}

export function withRule(rule: string): (d: readonly vscode.Diagnostic[]) => boolean {
  return (ds) => ds.some((d) => ruleId(d) === rule);
}

export function withoutRule(rule: string): (d: readonly vscode.Diagnostic[]) => boolean {
  return (ds) => !ds.some((d) => ruleId(d) === rule);
}

export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need the fixtures workspace folder');
  return vscode.Uri.file(path.join(folder.uri.fsPath, name));
}

export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(name));
  return vscode.window.showTextDocument(doc);
}

/** The extension's API, activated and with its server running. */
export async function api(): Promise<K8sInitApi> {
  const ext = vscode.extensions.getExtension<K8sInitApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  const exports = ext.isActive ? ext.exports : await ext.activate();
  await exports.ready();
  return exports;
}

/** The position of the first occurrence of `needle` (plus `offset` characters) in the document. */
export function positionOf(doc: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const i = doc.getText().indexOf(needle);
  if (i < 0) throw new Error(`"${needle}" not found in ${doc.uri.fsPath}`);
  return doc.positionAt(i + offset);
}

/** Replaces the whole text of a document (in memory) and waits for the edit to land. */
export async function setText(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error('edit was not applied');
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}
