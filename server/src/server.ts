import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import type { ClientCapabilities, Connection, ServerCapabilities } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { format } from 'node:util';
import { FramingFilter } from './framing';
import { DocumentCache } from './documentCache';
import { registerConfiguration, SettingsStore } from './handlers/configuration';
import type { Feature, ServerContext } from './handlers/context';
import { registerDiagnostics } from './handlers/diagnostics';
import { registerCodeActions } from './handlers/codeActions';
import { registerNavigation } from './handlers/navigation';
import { registerCompletion } from './handlers/completion';
import { registerHover } from './handlers/hover';
import { registerInlayHints } from './handlers/inlayHints';
import { registerCodeLens } from './handlers/codeLens';
import { registerSymbols } from './handlers/symbols';
import { registerStartupTimeline } from './handlers/startupTimeline';
import { getLanguageService } from './service/index';

declare const K8S_INIT_VERSION: string | undefined;
const VERSION = typeof K8S_INIT_VERSION === 'string' ? K8S_INIT_VERSION : '0.0.0-dev';
const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];

if (process.argv.includes('--version')) {
  process.stdout.write(`${VERSION}\n`);
  process.exit(0);
}
if (process.argv.includes('--help')) {
  process.stdout.write('Usage: k8s-init-lsp [--stdio | --node-ipc | --socket=PORT | --pipe=NAME]\nThe language server for Kubernetes init containers and native sidecars (stdio when no transport is given).\n');
  process.exit(0);
}

// vscode-languageserver picks the transport from argv; without one, speak over stdio. Over stdio the
// bytes pass a framing filter first: a malformed header must not cost the framing of every later message.
const explicitTransport = process.argv.some((a) => TRANSPORTS.some((t) => a === t || a.startsWith(`${t}=`)));
const useStdio = !explicitTransport || process.argv.includes('--stdio');
const framing = new FramingFilter({
  onProblem: (message) => connection.console.warn(message),
  onParseError: (response) => process.stdout.write(`Content-Length: ${Buffer.byteLength(response)}\r\n\r\n${response}`),
});
const connection: Connection = useStdio ? createConnection(ProposedFeatures.all, process.stdin.pipe(framing), process.stdout) : createConnection(ProposedFeatures.all);
if (useStdio) {
  // stdout carries the protocol: console output of any library goes to the client's log instead.
  console.log = (...args: unknown[]) => connection.console.log(format(...args));
  console.info = (...args: unknown[]) => connection.console.info(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
  console.debug = (...args: unknown[]) => connection.console.log(format(...args));
}

const loggedRuleErrors = new Set<string>();
const service = getLanguageService({
  onRuleError: (ruleId, error) => {
    if (loggedRuleErrors.has(ruleId)) return;
    loggedRuleErrors.add(ruleId);
    connection.console.error(`Rule ${ruleId} failed (reported once): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  },
});
const documents = new TextDocuments(TextDocument);
let clientCapabilities: ClientCapabilities = {};
const ctx: ServerContext = {
  connection,
  documents,
  service,
  cache: new DocumentCache(service),
  settings: new SettingsStore(service.settings),
  clientCapabilities: () => clientCapabilities,
};

// One line per LSP feature.
const features: Feature[] = [
  registerConfiguration(ctx),
  registerDiagnostics(ctx),
  registerCodeActions(ctx),
  registerNavigation(ctx),
  registerCompletion(ctx),
  registerHover(ctx),
  registerInlayHints(ctx),
  registerCodeLens(ctx),
  registerSymbols(ctx),
  registerStartupTimeline(ctx),
];

connection.onInitialize((params) => {
  clientCapabilities = params.capabilities;
  for (const feature of features) feature.onInitialize?.(params);
  const capabilities: ServerCapabilities = { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } };
  for (const feature of features) Object.assign(capabilities, feature.capabilities);
  return { capabilities, serverInfo: { name: 'k8s-init-lsp', version: VERSION } };
});
connection.onInitialized(() => {
  for (const feature of features) feature.onInitialized?.();
});

documents.listen(connection);
connection.listen();
