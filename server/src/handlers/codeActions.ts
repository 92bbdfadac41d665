import { CodeActionKind } from 'vscode-languageserver/node';
import type { K8sObject } from '../service/model/types';
import { FIX_ALL_KIND } from '../service/codeActions';
import type { FixAllData } from '../service/codeActions';
import type { Feature, ServerContext } from './context';

/** Quick fixes, "fix all" and suppression comments (`textDocument/codeAction`, `codeAction/resolve`). */
export function registerCodeActions(ctx: ServerContext): Feature {
  const { connection, documents, service, cache, settings } = ctx;

  const workspaceObjects = (uri: string): K8sObject[] =>
    service.rules.some((r) => r.crossObject === true)
      ? documents
          .all()
          .filter((d) => d.uri !== uri)
          .flatMap((d) => cache.get(d).manifest.documents.flatMap((m) => m.objects))
      : [];

  /** "Fix all" re-validates the file several times: clients that can resolve an action's edit get it lazily. */
  const canResolveEdits = (): boolean => ctx.clientCapabilities().textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;

  connection.onCodeAction(async (params) => {
    await settings.ready;
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const uri = document.uri;
    return service.doCodeActions(uri, cache.get(document), params.range, params.context, settings.current, workspaceObjects(uri), { deferFixAll: canResolveEdits() });
  });

  connection.onCodeActionResolve(async (action) => {
    await settings.ready;
    const uri = (action.data as Partial<FixAllData> | undefined)?.k8sInitFixAll?.uri;
    const document = uri ? documents.get(uri) : undefined;
    if (!document) return action;
    return service.resolveCodeAction(action, document.uri, cache.get(document), settings.current, workspaceObjects(document.uri));
  });

  return {
    capabilities: {
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
    },
  };
}
