import { ResponseError } from 'vscode-languageserver/node';
import type { Feature, ServerContext } from './context';

/** Definition, references, highlights and rename of volume and container names. */
export function registerNavigation(ctx: ServerContext): Feature {
  const { connection, documents, service, cache } = ctx;
  const parsed = (uri: string) => {
    const document = documents.get(uri);
    return document ? cache.get(document) : undefined;
  };

  connection.onDefinition((p) => {
    const file = parsed(p.textDocument.uri);
    return file ? service.findDefinition(p.textDocument.uri, file, p.position) : [];
  });
  connection.onReferences((p) => {
    const file = parsed(p.textDocument.uri);
    return file ? service.findReferences(p.textDocument.uri, file, p.position, p.context.includeDeclaration) : [];
  });
  connection.onDocumentHighlight((p) => {
    const file = parsed(p.textDocument.uri);
    return file ? service.findDocumentHighlights(file, p.position) : [];
  });
  connection.onPrepareRename((p) => {
    const file = parsed(p.textDocument.uri);
    return file ? service.prepareRename(file, p.position) : null;
  });
  connection.onRenameRequest((p) => {
    const file = parsed(p.textDocument.uri);
    if (!file) return null;
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(p.newName) || p.newName.length > 63) {
      throw new ResponseError(-32602, `"${p.newName}" is not a valid name: lower case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters.`);
    }
    return service.doRename(p.textDocument.uri, file, p.position, p.newName);
  });

  return {
    capabilities: { definitionProvider: true, referencesProvider: true, documentHighlightProvider: true, renameProvider: { prepareProvider: true } },
  };
}
