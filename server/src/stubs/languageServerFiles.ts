// Stands in for `vscode-languageserver/lib/node/files.js` in the bundles (esbuild.mjs). That module
// resolves global Node and Yarn module paths by spawning `npm` and `yarn` with child_process; this
// server never calls it (the `Files` helpers it backs are unused), and a language server that can start
// processes should not ship that ability. Every function here refuses.

function unavailable(): never {
  throw new Error('Files.* helpers of vscode-languageserver are not available in this server');
}

export function uriToFilePath(): undefined {
  return undefined;
}
export const resolveGlobalNodePath = (): undefined => undefined;
export const resolveGlobalYarnPath = (): undefined => undefined;
export const resolve = (): Promise<never> => Promise.reject(new Error('Files.resolve is not available in this server'));
export const resolveModulePath = (): Promise<never> => Promise.reject(new Error('Files.resolveModulePath is not available in this server'));
export const FileSystem = { isCaseSensitive: unavailable, isParent: unavailable };
