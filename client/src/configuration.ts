import * as vscode from 'vscode';

/** The settings section; also the language client's id, so `k8sInit.trace.server` drives its tracing. */
export const SECTION = 'k8sInit';
export const DISPLAY_NAME = 'Kubernetes Init Containers';

/** Settings the server reads (it pulls them with `workspace/configuration` and again on every change). */
export const SERVER_SETTINGS = ['kubernetesVersion', 'featureGates', 'rules', 'inlayHints', 'codeLens'] as const;

/** The `k8sInit` section as plain JSON, for `initializationOptions` (editors that cannot be asked get the same). */
export function readSettings(scope?: vscode.ConfigurationScope): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const out: Record<string, unknown> = {};
  for (const key of SERVER_SETTINGS) out[key] = config.get(key);
  return out;
}

/** Calls `listener` with the names of the server settings that changed (`trace.server` is the client's own). */
export function onDidChangeServerSettings(listener: (changed: readonly string[]) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (!event.affectsConfiguration(SECTION)) return;
    const changed = SERVER_SETTINGS.filter((key) => event.affectsConfiguration(`${SECTION}.${key}`));
    if (changed.length > 0) listener(changed);
  });
}
