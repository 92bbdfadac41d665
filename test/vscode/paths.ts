// Where the test harness finds things: code-server (scripts/installCodeServer.sh), Chromium, the repository.
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CODE_SERVER_PREFIX = process.env['CODE_SERVER_PREFIX'] ?? join(ROOT, '.harness', 'code-server');
export const CODE_SERVER = process.env['CODE_SERVER'] ?? join(CODE_SERVER_PREFIX, 'node_modules', '.bin', 'code-server');
export const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';
/** Screenshots and logs of the harness runs. */
export const OUT_DIR = process.env['OUT_DIR'] ?? join(ROOT, '.harness', 'out');

export function codeServerInstalled(): boolean {
  return existsSync(CODE_SERVER);
}

/** VS Code's built-in extensions shipped inside code-server (YAML and shell grammars live there). */
export function builtinExtensionsDir(): string {
  return join(dirname(realpathSync(CODE_SERVER)), '..', '..', 'lib', 'vscode', 'extensions');
}

export const MISSING_CODE_SERVER = `code-server is not installed at ${CODE_SERVER}: run scripts/installCodeServer.sh (needs apt packages ripgrep, libkrb5-dev, chromium)`;
