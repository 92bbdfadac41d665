import { basename, durationSeconds, unwrap } from '../words';
import { gitSyncOneTime } from './longRunning';

/**
 * Commands that clearly finish on their own (rule W12: a sidecar running only such commands exits,
 * and is restarted forever). Reviewed list: file operations, downloads, `git clone`, `sleep N`,
 * `echo`, `true`. Anything not listed counts as "might keep running", so the rule stays silent.
 */
const ALWAYS_ENDS = new Set([
  'cp', 'mv', 'rm', 'ln', 'chown', 'chmod', 'chgrp', 'mkdir', 'rmdir', 'touch', 'install', 'echo', 'printf', 'true', 'false',
  ':', 'test', '[', '[[', 'cd', 'export', 'set', 'unset', 'exit', 'umask', 'date', 'hostname', 'id', 'whoami', 'ls', 'stat',
  'tar', 'unzip', 'gunzip', 'gzip', 'base64', 'sha256sum', 'md5sum', 'sed', 'awk', 'cut', 'tr', 'sort', 'uniq', 'head', 'wc',
  'grep', 'envsubst', 'sysctl', 'ulimit', 'setcap', 'update-ca-certificates', 'openssl', 'sync', 'basename', 'dirname', 'realpath',
  'readlink', 'mktemp', 'seq', 'expr', 'jq', 'yq', 'wget', 'tee', 'xargs', 'find', 'chroot', 'rsync', 'dd', 'truncate', 'source', '.',
]);

/** Programs whose sub-command decides. */
function endsBySubcommand(program: string, args: readonly string[], env: ReadonlyMap<string, string>): boolean | undefined {
  switch (program) {
    case 'sleep':
      // `sleep 10` ends; `sleep infinity` and day-long sleeps do not count as "clearly ends".
      return args.length > 0 && args.every((a) => {
        const s = durationSeconds(a);
        return s !== undefined && s < 86400;
      });
    case 'curl':
      return !args.some((a) => a === '-N' || a === '--no-buffer');
    case 'git':
      return ['clone', 'fetch', 'pull', 'checkout', 'init', 'config', 'submodule', 'reset', 'lfs'].includes(args.find((a) => !a.startsWith('-')) ?? '');
    case 'git-sync':
      return gitSyncOneTime(args, env);
    case 'kubectl':
      return ['apply', 'create', 'delete', 'patch', 'label', 'annotate', 'get', 'replace', 'set', 'rollout', 'wait', 'cp', 'config'].includes(args.find((a) => !a.startsWith('-')) ?? '')
        && !args.some((a) => a === '-w' || a === '--watch');
    case 'cat':
      return args.some((a) => !a.startsWith('-') && a !== '/dev/zero' && a !== '/dev/urandom' && a !== '/dev/random');
    case 'rsync':
      return !args.includes('--daemon');
    case 'gsutil':
      return ['cp', 'rsync', 'cat', 'ls'].includes(args.find((a) => !a.startsWith('-')) ?? '');
    case 'aws':
      return args[0] === 's3' && ['cp', 'sync', 'ls'].includes(args[1] ?? '');
    default:
      return undefined;
  }
}

/** Whether the argv (wrappers skipped) clearly ends by itself. */
export function endsByItself(argv: readonly string[], env: ReadonlyMap<string, string> = new Map()): boolean {
  const u = unwrap(argv);
  if (u.index >= argv.length) return true; // bare assignment / `exec` alone
  const program = basename(argv[u.index] as string);
  const args = argv.slice(u.index + 1);
  if (program === 'rsync' && args.includes('--daemon')) return false;
  const sub = endsBySubcommand(program, args, env);
  if (sub !== undefined) return sub;
  return ALWAYS_ENDS.has(program);
}

/** Commands a one-shot message names first, in order of interest (`cp -r /src/. /workdir/`). */
export function describeArgv(argv: readonly string[]): string {
  const text = argv.join(' ');
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
