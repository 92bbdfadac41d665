/** Small helpers on command words, shared by the command analysis and the pattern lists. */

export const SHELLS: ReadonlySet<string> = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox-sh']);

/** `/usr/local/bin/git-sync` → `git-sync`; `./migrate.sh` → `migrate.sh`. */
export function basename(word: string): string {
  const trimmed = word.replace(/\/+$/, '');
  const slash = trimmed.lastIndexOf('/');
  return slash >= 0 ? trimmed.slice(slash + 1) : trimmed;
}

/** A shell option cluster that includes `-c` (`-c`, `-ec`, `-xec`, `-euxc`); `--` options are not clusters. */
export function isDashC(word: string): boolean {
  return /^-[a-zA-Z]*c[a-zA-Z]*$/.test(word);
}

export interface Unwrapped {
  /** Index of the program word after the wrappers. */
  readonly index: number;
  /** `timeout 300 …` — the duration as written. */
  readonly timeout: string | undefined;
  /** `exec …` */
  readonly exec: boolean;
  readonly wrappers: readonly string[];
}

const SIMPLE_WRAPPERS = new Set(['nohup', 'command', 'builtin', 'time', 'sudo', 'doas', 'setsid', 'stdbuf', 'ionice', 'chrt', 'taskset', 'unbuffer']);

/**
 * Skips wrapper programs at the start of an argv (`exec`, `timeout 300`, `tini --`, `dumb-init`,
 * `env A=b`, `nice -n 5`, `gosu user`, `su-exec user`, `busybox`) and returns where the real program is.
 */
export function unwrap(argv: readonly string[], from = 0): Unwrapped {
  let i = from;
  let timeout: string | undefined;
  let exec = false;
  const wrappers: string[] = [];
  for (let guard = 0; guard < 16 && i < argv.length; guard++) {
    const name = basename(argv[i] as string);
    if (name === 'exec') {
      exec = true;
      wrappers.push(name);
      i++;
      while (i < argv.length && /^-[acl]+$/.test(argv[i] as string)) i += argv[i] === '-a' ? 2 : 1;
      continue;
    }
    if (name === 'timeout' || name === 'gtimeout') {
      wrappers.push('timeout');
      i++;
      while (i < argv.length && (argv[i] as string).startsWith('-')) {
        const opt = argv[i] as string;
        i += opt === '-s' || opt === '-k' || opt === '--signal' || opt === '--kill-after' ? 2 : 1;
      }
      timeout = argv[i];
      i++;
      continue;
    }
    if (name === 'tini' || name === 'dumb-init' || name === 'catatonit') {
      wrappers.push(name);
      i++;
      while (i < argv.length && (argv[i] as string).startsWith('-')) {
        const opt = argv[i] as string;
        i++;
        if (opt === '--') break;
        if (opt === '-r' || opt === '--rewrite' || opt === '-p') i++;
      }
      continue;
    }
    if (name === 'env') {
      wrappers.push(name);
      i++;
      while (i < argv.length && ((argv[i] as string).startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[i] as string))) {
        const opt = argv[i] as string;
        i += opt === '-u' || opt === '-C' || opt === '--unset' || opt === '--chdir' ? 2 : 1;
      }
      continue;
    }
    if (name === 'nice') {
      wrappers.push(name);
      i++;
      if (argv[i] === '-n') i += 2;
      else if (/^-(n)?-?\d+$/.test(argv[i] ?? '')) i++;
      continue;
    }
    if (name === 'gosu' || name === 'su-exec' || name === 'chpst' || name === 's6-setuidgid') {
      wrappers.push(name);
      i += 2;
      continue;
    }
    if (name === 'busybox' && i + 1 < argv.length && !(argv[i + 1] as string).startsWith('-')) {
      wrappers.push(name);
      i++;
      continue;
    }
    if (SIMPLE_WRAPPERS.has(name)) {
      wrappers.push(name);
      i++;
      while (i < argv.length && (argv[i] as string).startsWith('-')) i++;
      continue;
    }
    break;
  }
  return { index: i, timeout, exec, wrappers };
}

/** Where the script of `sh -c 'script'` is in an argv whose program (after wrappers) is at `program`: the index of the script word, or -1. */
export function shellScriptIndex(argv: readonly string[], program: number): number {
  const name = basename(argv[program] ?? '');
  if (!SHELLS.has(name)) return -1;
  for (let i = program + 1; i < argv.length; i++) {
    const w = argv[i] as string;
    if (isDashC(w)) return i + 1 < argv.length ? i + 1 : -1;
    if (w === '-o' || w === '+o' || w === '-O' || w === '+O') {
      i++;
      continue;
    }
    if (/^[-+][a-zA-Z]+$/.test(w) || w === '--login' || w === '--noprofile' || w === '--norc' || w === '--posix') continue;
    return -1;
  }
  return -1;
}

/** Shell option flags before `-c` include `e` (errexit), e.g. `sh -ec`, `bash -euo pipefail -c`. */
export function shellFlagsErrexit(argv: readonly string[], program: number, scriptIndex: number): boolean {
  for (let i = program + 1; i < scriptIndex; i++) {
    const w = argv[i] as string;
    if (/^-[a-zA-Z]*e[a-zA-Z]*$/.test(w)) return true;
    if (w === '-o' && argv[i + 1] === 'errexit') return true;
  }
  return false;
}

/** Parses a plain duration (`300`, `5m`, `1h`, `30s`, `infinity`) into seconds; undefined when not a literal. */
export function durationSeconds(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (/^(inf|infinity)$/i.test(text)) return Infinity;
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2] === 'm' ? 60 : m[2] === 'h' ? 3600 : m[2] === 'd' ? 86400 : 1;
  return n * unit;
}
