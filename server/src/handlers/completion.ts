import type { Feature, ServerContext } from './context';

/** `textDocument/completion`: init-container snippets, container keys by role, values and name references. */
export function registerCompletion(ctx: ServerContext): Feature {
  const { connection, documents, service, cache, settings } = ctx;
  connection.onCompletion(async (params) => {
    await settings.ready;
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    return service.doComplete(cache.get(document), params.position, settings.current);
  });
  return { capabilities: { completionProvider: { triggerCharacters: ['-', ' ', ':'], resolveProvider: false } } };
}
