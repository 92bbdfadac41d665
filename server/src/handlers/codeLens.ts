import { CodeLensRefreshRequest } from 'vscode-languageserver/node';
import type { Feature, ServerContext } from './context';

/** `textDocument/codeLens`: the startup/requests/QoS summary above `initContainers`; refreshed when settings change. */
export function registerCodeLens(ctx: ServerContext): Feature {
  const { connection, documents, service, cache, settings } = ctx;

  connection.onCodeLens(async (params) => {
    await settings.ready;
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    return service.getCodeLenses(document.uri, cache.get(document), settings.current);
  });

  settings.onDidChange(() => {
    if (ctx.clientCapabilities().workspace?.codeLens?.refreshSupport === true) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  });

  return { capabilities: { codeLensProvider: { resolveProvider: false } } };
}
