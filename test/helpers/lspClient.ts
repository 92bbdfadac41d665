import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ROOT } from './fixtures';

export const SERVER_BUNDLE = join(ROOT, 'server', 'out', 'server.js');
export const CLI_BUNDLE = join(ROOT, 'server', 'out', 'cli.js');

/** Fails with a clear message when the bundles were not built (`npm run build`). */
export function requireBundles(): void {
  for (const bundle of [SERVER_BUNDLE, CLI_BUNDLE]) {
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run \`npm run build\` first`);
  }
}

/** The parts of the `initialize` result the tests read. */
export interface InitializeResult {
  readonly capabilities: Record<string, unknown> & { textDocumentSync?: unknown };
  readonly serverInfo?: { readonly name: string; readonly version?: string };
}

export interface PublishedDiagnostics {
  readonly uri: string;
  readonly version?: number;
  readonly diagnostics: Diagnostic[];
}

/** Resolves with `promise`, or rejects after `ms` naming what did not happen: no test waits forever. */
export function deadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface SessionOptions {
  /** Whether the client answers `workspace/configuration` (default true). */
  readonly configurationSupport?: boolean;
  /** What the client answers for the `k8sInit` section (mutable between calls through `session.settings`). */
  readonly settings?: unknown;
  readonly initializationOptions?: unknown;
  /** Command to start the server (default: node server/out/server.js --stdio). */
  readonly command?: readonly string[];
}

/** A language client over stdio for tests: records every notification, answers the server's requests. */
export class LspSession {
  readonly published: PublishedDiagnostics[] = [];
  readonly logs: string[] = [];
  /** What `workspace/configuration` returns for `k8sInit`. */
  settings: unknown;
  configurationRequests = 0;
  private waiters: Array<() => void> = [];

  private constructor(
    readonly child: ChildProcess,
    readonly connection: MessageConnection,
    options: SessionOptions,
  ) {
    this.settings = options.settings ?? null;
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      this.published.push(p);
      this.notify();
    });
    connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
      this.notify();
    });
    connection.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) => {
      this.configurationRequests++;
      return p.items.map((item) => (item.section === 'k8sInit' ? this.settings : null));
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
  }

  static async start(options: SessionOptions = {}): Promise<LspSession> {
    requireBundles();
    const [cmd, ...args] = options.command ?? [process.execPath, SERVER_BUNDLE, '--stdio'];
    const child = spawn(cmd as string, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const session = new LspSession(child, connection, options);
    connection.listen();
    const configuration = options.configurationSupport ?? true;
    session.initializeResult = await deadline(
      connection.sendRequest<InitializeResult>('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: {
          workspace: { configuration, didChangeConfiguration: { dynamicRegistration: configuration } },
          textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true } },
        },
        initializationOptions: options.initializationOptions,
      }),
      10_000,
      `initialize (server stderr: ${stderr})`,
    );
    await connection.sendNotification('initialized', {});
    return session;
  }

  initializeResult: InitializeResult | undefined;

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Waits for a publishDiagnostics of `uri` (after `after` earlier ones) that satisfies `accept`. */
  async diagnostics(uri: string, accept: (p: PublishedDiagnostics) => boolean = () => true, ms = 5000, after = 0): Promise<PublishedDiagnostics> {
    const find = (): PublishedDiagnostics | undefined => this.published.slice(after).find((p) => p.uri === uri && accept(p));
    return deadline(
      new Promise<PublishedDiagnostics>((resolve) => {
        const check = (): void => {
          const found = find();
          if (found) resolve(found);
          else this.waiters.push(check);
        };
        check();
      }),
      ms,
      `diagnostics for ${uri}`,
    );
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
  }

  change(uri: string, version: number, changes: ReadonlyArray<{ range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }>): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** shutdown + exit; resolves with the server's exit code (kills it if it does not exit in time). */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => {
      if (this.child.exitCode !== null) resolve(this.child.exitCode);
      else this.child.once('exit', (code) => resolve(code));
    });
    try {
      await deadline(this.connection.sendRequest('shutdown'), 3000, 'shutdown');
      await this.connection.sendNotification('exit');
      return await deadline(exited, 3000, 'server exit');
    } finally {
      this.connection.dispose();
      if (this.child.exitCode === null) this.child.kill();
    }
  }
}
