import { StartupTimelineRequest } from '../protocol';
import type { Feature, ServerContext } from './context';

/** The custom `k8sInit/startupTimeline` request (server/src/protocol.ts) behind the timeline view. */
export function registerStartupTimeline(ctx: ServerContext): Feature {
  const { connection, documents, service, cache, settings } = ctx;

  connection.onRequest(StartupTimelineRequest, async (params) => {
    await settings.ready;
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    return service.getStartupTimeline(document.uri, cache.get(document), params.position, settings.current);
  });

  return {};
}
