// A minimal LSP client for the benchmark: spawns a language server over stdio, answers the requests a
// server makes of its editor, and times requests and diagnostics.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { MessageConnection } from 'vscode-jsonrpc/node';

export interface ServerSpec {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  /** Answers `workspace/configuration` items by section. */
  readonly configuration: (section: string | undefined) => unknown;
  /** Sent as `workspace/didChangeConfiguration` after `initialized`. */
  readonly settings: unknown;
  /** Sent after `initialized` (e.g. yaml-language-server's content-request registration). */
  readonly notifications?: ReadonlyArray<{ readonly method: string; readonly params?: unknown }>;
  /** Answers for requests the server makes of the client (schema contents…), by method. */
  readonly requests?: Readonly<Record<string, (params: unknown) => unknown>>;
}

interface Diagnostics {
  readonly uri: string;
  readonly version?: number;
  readonly diagnostics: readonly unknown[];
}

interface Waiter {
  readonly uri: string;
  readonly resolve: (d: Diagnostics & { at: number }) => void;
}

export class LspClient {
  private waiters: Waiter[] = [];
  private readonly versions = new Map<string, number>();
  readonly last = new Map<string, Diagnostics>();
  readonly stderr: string[] = [];

  private constructor(
    readonly process: ChildProcess,
    private readonly connection: MessageConnection,
  ) {}

  /** Spawns the server and completes `initialize` / `initialized`; returns the client and the time to the initialize answer. */
  static async start(spec: ServerSpec, rootUri: string): Promise<{ client: LspClient; initializeMs: number; spawnToReadyMs: number }> {
    const t0 = performance.now();
    const child = spawn(spec.command, spec.args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection);
    child.stderr!.on('data', (b: Buffer) => {
      if (client.stderr.length < 200) client.stderr.push(b.toString());
    });
    connection.onNotification('textDocument/publishDiagnostics', (params: Diagnostics) => client.onDiagnostics(params));
    connection.onNotification(() => undefined);
    connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) => params.items.map((i) => spec.configuration(i.section)));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/workspaceFolders', () => [{ uri: rootUri, name: 'bench' }]);
    for (const [method, handler] of Object.entries(spec.requests ?? {})) connection.onRequest(method, handler);
    connection.listen();
    const t1 = performance.now();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: {
          synchronization: { dynamicRegistration: true, didSave: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
      initializationOptions: {},
    });
    const t2 = performance.now();
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('workspace/didChangeConfiguration', { settings: spec.settings });
    for (const n of spec.notifications ?? []) await connection.sendNotification(n.method, n.params);
    return { client, initializeMs: t2 - t1, spawnToReadyMs: t2 - t0 };
  }

  private onDiagnostics(params: Diagnostics): void {
    this.last.set(params.uri, params);
    const at = performance.now();
    const ready = this.waiters.filter((w) => w.uri === params.uri);
    this.waiters = this.waiters.filter((w) => w.uri !== params.uri);
    for (const w of ready) w.resolve({ ...params, at });
  }

  /** The next publishDiagnostics for `uri`. */
  nextDiagnostics(uri: string, timeoutMs = 120_000): Promise<Diagnostics & { at: number }> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        uri,
        resolve: (d) => {
          clearTimeout(timer);
          resolve(d);
        },
      });
    });
  }

  /** Opens a document and returns the time until its first diagnostics, and their count. */
  async open(uri: string, text: string, timeoutMs?: number): Promise<{ ms: number; count: number }> {
    this.versions.set(uri, 1);
    const next = this.nextDiagnostics(uri, timeoutMs);
    const t = performance.now();
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const d = await next;
    return { ms: d.at - t, count: d.diagnostics.length };
  }

  /** Replaces one range with `newText` and returns the time until the diagnostics that follow. */
  async change(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, newText: string): Promise<{ ms: number; count: number }> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const next = this.nextDiagnostics(uri);
    const t = performance.now();
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: newText }] });
    const d = await next;
    return { ms: d.at - t, count: d.diagnostics.length };
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** A hover request; returns its latency and whether it had content. */
  async hover(uri: string, position: { line: number; character: number }): Promise<{ ms: number; found: boolean }> {
    const t = performance.now();
    const result = await this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
    return { ms: performance.now() - t, found: result !== null && result !== undefined };
  }

  /** Resident memory of the server process (Linux /proc), in MiB. */
  rssMiB(): number | undefined {
    try {
      const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
      const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
      return kb === undefined ? undefined : Number(kb) / 1024;
    } catch {
      return undefined;
    }
  }

  private stopped = false;

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 50));
    if (this.process.exitCode === null) this.process.kill();
    this.connection.dispose();
  }
}
