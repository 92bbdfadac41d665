import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, RevealOutputChannelOn, State, TransportKind } from 'vscode-languageclient/node';
import type { CloseHandlerResult, DocumentSelector, ErrorHandler, ErrorHandlerResult, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { DISPLAY_NAME, SECTION, readSettings } from './configuration';
import { RestartBudget } from './restartPolicy';

/**
 * YAML in every scheme whose text the editor holds: files, untitled buffers and virtual file systems
 * (GitHub Repositories, remote and web test file systems). Not `git:` or other diff/preview schemes, so a
 * diff view does not double the diagnostics. The server decides what is Kubernetes.
 */
export const DOCUMENT_SCHEMES = ['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'vscode-userdata', 'vscode-test-web', 'memfs'];
export const DOCUMENT_SELECTOR: DocumentSelector = DOCUMENT_SCHEMES.map((scheme) => ({ language: 'yaml', scheme }));

const STOP_TIMEOUT_MS = 2000;

export type ServerStatus = 'starting' | 'running' | 'stopped' | 'failed';

/**
 * Owns the one LanguageClient: starts the bundled server over IPC, restarts it a bounded number of times when
 * it crashes, then stops and says so with the output one click away. `restart()` re-creates the client, which
 * also revives one that gave up.
 */
export class ServerController implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private clientListeners: vscode.Disposable[] = [];
  private statusValue: ServerStatus = 'stopped';
  private readonly statusEmitter = new vscode.EventEmitter<ServerStatus>();
  private readonly budget = new RestartBudget();
  private disposed = false;

  /** Fires on every status change: `starting` → `running`, on a crash `starting` again, `failed` when it gave up. */
  readonly onDidChangeStatus = this.statusEmitter.event;

  constructor(
    private readonly serverModule: string,
    readonly output: vscode.OutputChannel,
  ) {}

  get status(): ServerStatus {
    return this.statusValue;
  }

  /** The running client, if any. */
  get running(): LanguageClient | undefined {
    return this.statusValue === 'running' ? this.client : undefined;
  }

  /** Resolves once the server is running; rejects if the client gives up first. */
  ready(): Promise<void> {
    if (this.statusValue === 'running') return Promise.resolve();
    if (this.statusValue === 'failed') return Promise.reject(new Error(`${DISPLAY_NAME}: the language server failed`));
    return new Promise((resolve, reject) => {
      const sub = this.onDidChangeStatus((s) => {
        if (s === 'running') resolve();
        else if (s === 'failed') reject(new Error(`${DISPLAY_NAME}: the language server failed`));
        else return;
        sub.dispose();
      });
    });
  }

  async start(): Promise<void> {
    if (this.disposed) return;
    const client = this.createClient();
    this.client = client;
    this.clientListeners.push(
      client.onDidChangeState((e) => {
        if (client !== this.client) return;
        if (e.newState === State.Running) this.setStatus('running');
        else if (e.newState === State.Starting) this.setStatus('starting');
        else if (this.statusValue !== 'failed') this.setStatus('stopped');
      }),
    );
    this.setStatus('starting');
    const t0 = Date.now();
    try {
      await client.start();
      this.output.appendLine(`[client] server started in ${Date.now() - t0} ms (${this.serverModule})`);
      if (client === this.client) this.setStatus('running');
    } catch (error) {
      if (client !== this.client) return;
      this.output.appendLine(`[client] the server did not start: ${describe(error)}`);
      this.setStatus('failed');
      void this.offerHelp(`${DISPLAY_NAME}: the language server could not start.`);
    }
  }

  /** Stops the current client (whatever its state) and starts a fresh one. */
  async restart(): Promise<void> {
    this.output.appendLine('[client] restarting the server');
    await this.stopClient();
    this.budget.reset();
    await this.start();
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await this.stopClient();
    this.statusEmitter.dispose();
  }

  private async stopClient(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    for (const d of this.clientListeners) d.dispose();
    this.clientListeners = [];
    if (!client) return;
    try {
      await client.dispose(STOP_TIMEOUT_MS);
    } catch (error) {
      this.output.appendLine(`[client] stopping the server: ${describe(error)}`);
    }
    if (!this.disposed) this.setStatus('stopped');
  }

  private createClient(): LanguageClient {
    const serverOptions: ServerOptions = {
      // A small V8 young generation keeps the server's resident memory low (docs/benchmarks.md).
      run: { module: this.serverModule, transport: TransportKind.ipc, options: { execArgv: ['--max-semi-space-size=2'] } },
      debug: { module: this.serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: DOCUMENT_SELECTOR,
      synchronize: { configurationSection: SECTION },
      initializationOptions: { [SECTION]: readSettings() },
      outputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      errorHandler: this.errorHandler(),
    };
    return new LanguageClient(SECTION, DISPLAY_NAME, serverOptions, clientOptions);
  }

  private errorHandler(): ErrorHandler {
    return {
      // A write that fails because the server just died must not stop the client: the close handler below
      // decides about restarts (a killed server produces several failed writes before the close).
      error: (error, _message, count): ErrorHandlerResult => {
        this.output.appendLine(`[client] connection error${count ? ` (${count})` : ''}: ${error.message}`);
        return { action: ErrorAction.Continue, handled: true };
      },
      closed: (): CloseHandlerResult => {
        if (this.disposed) return { action: CloseAction.DoNotRestart, handled: true };
        if (this.budget.recordCrash()) {
          const n = this.budget.recentCrashes;
          this.output.appendLine(`[client] the server stopped unexpectedly; restarting (${n} of ${this.budget.max} within ${this.budget.windowMs / 60000} minutes)`);
          return { action: CloseAction.Restart, handled: true };
        }
        this.output.appendLine(`[client] the server crashed ${this.budget.recentCrashes} times within ${this.budget.windowMs / 60000} minutes; not restarting it`);
        this.setStatus('failed');
        void this.offerHelp(`${DISPLAY_NAME}: the language server crashed ${this.budget.recentCrashes} times in a short time and was stopped.`);
        return { action: CloseAction.DoNotRestart, handled: true };
      },
    };
  }

  private async offerHelp(message: string): Promise<void> {
    const showOutput = 'Show Output';
    const restart = 'Restart Server';
    const choice = await vscode.window.showErrorMessage(message, showOutput, restart);
    if (choice === showOutput) this.output.show(true);
    else if (choice === restart) await this.restart();
  }

  private setStatus(status: ServerStatus): void {
    if (this.statusValue === status) return;
    this.statusValue = status;
    this.statusEmitter.fire(status);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
