import type { Feature, ServerContext } from './context';

/** `textDocument/documentSymbol`: objects → pod specs → containers in startup order. */
export function registerSymbols(ctx: ServerContext): Feature {
  const { connection, documents, service, cache, settings } = ctx;

  connection.onDocumentSymbol(async (params) => {
    await settings.ready;
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    return service.getDocumentSymbols(cache.get(document), settings.current);
  });

  return { capabilities: { documentSymbolProvider: { label: 'Kubernetes' } } };
}
