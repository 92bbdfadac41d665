import type { ClientCapabilities, Connection, InitializeParams, ServerCapabilities, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentCache } from '../documentCache';
import type { LanguageService } from '../service/index';
import type { SettingsStore } from './configuration';

/** What every handler gets: the connection, the open documents, the pure service and shared state. */
export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly service: LanguageService;
  /** Parses once per (uri, version). */
  readonly cache: DocumentCache;
  /** The current `k8sInit` settings. */
  readonly settings: SettingsStore;
  /** The client's capabilities, known once `initialize` arrived (empty before). */
  clientCapabilities(): ClientCapabilities;
}

/** What a `registerX(ctx)` call gives back to server.ts. */
export interface Feature {
  /** Capabilities this feature adds to the `initialize` result. */
  readonly capabilities?: ServerCapabilities;
  /** Called while handling `initialize`, before the result is sent. */
  readonly onInitialize?: (params: InitializeParams) => void;
  /** Called on the `initialized` notification. */
  readonly onInitialized?: () => void;
}
