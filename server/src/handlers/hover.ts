import type { K8sObject } from '../service/model/types';
import type { Feature, ServerContext } from './context';

/** `textDocument/hover`: startup order, effective resources, field docs and rule explanations. */
export function registerHover(ctx: ServerContext): Feature {
  const { connection, documents, service, cache, settings } = ctx;

  const workspaceObjects = (uri: string): K8sObject[] => cache.workspaceObjects(documents.all(), uri);

  connection.onHover(async (params) => {
    await settings.ready;
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const uri = document.uri;
    const crossRules = service.rules.some((r) => r.crossObject === true);
    return service.doHover(uri, cache.get(document), params.position, settings.current, crossRules ? workspaceObjects(uri) : []);
  });

  return { capabilities: { hoverProvider: true } };
}
