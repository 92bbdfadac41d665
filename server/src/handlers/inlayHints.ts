import type { Feature, ServerContext } from './context';

/** `textDocument/inlayHint`: `1 init`, `2 sidecar`, `app` before each container; refreshed when settings change. */
export function registerInlayHints(ctx: ServerContext): Feature {
  const { connection, documents, service, cache, settings } = ctx;

  connection.languages.inlayHint.on(async (params) => {
    await settings.ready;
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    return service.getInlayHints(cache.get(document), params.range, settings.current);
  });

  settings.onDidChange(() => {
    if (ctx.clientCapabilities().workspace?.inlayHint?.refreshSupport === true) void connection.languages.inlayHint.refresh().catch(() => undefined);
  });

  return { capabilities: { inlayHintProvider: { resolveProvider: false } } };
}
