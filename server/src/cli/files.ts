import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, isAbsolute, sep } from 'node:path';

/** A file to check: how it is shown (`file` in the output) and where it is read from (undefined = stdin). */
export interface InputFile {
  readonly display: string;
  readonly path: string | undefined;
}

const YAML_FILE = /\.ya?ml$/i;
/** Directories never searched. */
const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

/**
 * Expands the command line's paths: files as given, directories searched recursively for `*.yaml` and
 * `*.yml` (sorted; symbolic links followed only when they stay inside the searched directory; each
 * file once). Problems are passed to `onError` and the other paths are still expanded.
 */
export function collectInputs(paths: readonly string[], onError: (message: string) => void): InputFile[] {
  const out: InputFile[] = [];
  const seen = new Set<string>();
  let stdinUsed = false;
  for (const given of paths) {
    if (given === '-') {
      if (!stdinUsed) out.push({ display: '-', path: undefined });
      stdinUsed = true;
      continue;
    }
    let real: string;
    try {
      real = realpathSync(given);
      if (statSync(real).isDirectory()) {
        walk(given, real, real, out, seen, onError);
        continue;
      }
    } catch (error) {
      onError(`cannot read '${given}': ${describe(error)}`);
      continue;
    }
    if (!seen.has(real)) {
      seen.add(real);
      out.push({ display: given, path: given });
    }
  }
  return out;
}

function walk(display: string, dir: string, root: string, out: InputFile[], seen: Set<string>, onError: (message: string) => void): void {
  if (seen.has(dir)) return;
  seen.add(dir);
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    onError(`cannot read directory '${display}': ${describe(error)}`);
    return;
  }
  for (const entry of entries) {
    const shown = join(display, entry.name);
    let full = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        full = realpathSync(full);
        if (!inside(root, full)) continue; // never leave the searched directory
        const stat = statSync(full);
        isDir = stat.isDirectory();
        isFile = stat.isFile();
      } catch {
        if (YAML_FILE.test(entry.name)) onError(`cannot read '${shown}': broken symbolic link`);
        continue;
      }
    }
    if (isDir) {
      if (!SKIPPED_DIRS.has(entry.name)) walk(shown, full, root, out, seen, onError);
    } else if (isFile && YAML_FILE.test(entry.name) && !seen.has(full)) {
      seen.add(full);
      out.push({ display: shown, path: full });
    }
  }
}

function inside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** Files larger than this are not read (the service would not analyse them anyway: see parse/limits.ts). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** Input that is not text: reported as unreadable (exit status 2) instead of being checked. */
export class NotTextError extends Error {}

/**
 * Reads a file (or stdin) as text without a byte order mark: UTF-8, or UTF-16 with a byte order mark.
 * Binary data (a NUL byte) and bytes that are not valid UTF-8 throw a NotTextError.
 */
export function readInput(input: InputFile): string {
  if (input.path !== undefined && statSync(input.path).size > MAX_INPUT_BYTES) {
    throw new NotTextError(`larger than ${MAX_INPUT_BYTES / (1024 * 1024)} MB`);
  }
  return decodeText(readFileSync(input.path ?? 0));
}

export function decodeText(bytes: Uint8Array): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
    swapped.swap16();
    text = new TextDecoder('utf-16le').decode(swapped);
  } else {
    if (bytes.includes(0)) throw new NotTextError('binary data (it contains NUL bytes), not YAML text');
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new NotTextError('not valid UTF-8 text');
    }
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function describe(error: unknown): string {
  if (error instanceof NotTextError) return error.message;
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return e.message ?? String(error);
  }
}
