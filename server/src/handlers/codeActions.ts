import { CodeActionKind } from 'vscode-languageserver/node';
import type { K8sObject } from '../service/model/types';
import { FIX_ALL_KIND } from '../service/codeActions';
import type { Feature, ServerContext } from './context';

/** Quick fixes, "fix all" and suppression comments (`textDocument/codeAction`). */
export function registerCodeActions(ctx: ServerContext): Feature {
  const { connection, documents, service, cache, settings } = ctx;

  const workspaceObjects = (uri: string): K8sObject[] => cache.workspaceObjects(documents.all(), uri);

  connection.onCodeAction(async (params) => {
    await settings.ready;
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const uri = document.uri;
    const crossRules = service.rules.some((r) => r.crossObject === true);
    return service.doCodeActions(uri, cache.get(document), params.range, params.context, settings.current, crossRules ? workspaceObjects(uri) : []);
  });

  return {
    capabilities: {
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
    },
  };
}
