import { basename, unwrap } from '../words';

/**
 * Writes that fail or change their result when an init container runs a second time on the same
 * volume (rule W17): `mkdir` without `-p`, `git clone` into a directory, `mv` out of the volume,
 * `ln -s` without `-f`, `>>` appends. Idempotent forms (`mkdir -p`, `cp`, `ln -sf`, `>`) are not listed.
 */
export type WriteKind = 'mkdir' | 'git-clone' | 'mv' | 'ln' | 'append';

export interface RiskyWrite {
  readonly kind: WriteKind;
  /** The path on the volume the write is about. */
  readonly path: string;
}

/** Short options of a cluster: `-sfn` → s, f, n. */
function hasShortOption(args: readonly string[], letter: string): boolean {
  return args.some((a) => /^-[a-zA-Z]+$/.test(a) && a.includes(letter));
}

function operands(args: readonly string[], valued: readonly string[] = []): string[] {
  const out: string[] = [];
  let endOfOptions = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (!endOfOptions && a === '--') {
      endOfOptions = true;
      continue;
    }
    if (!endOfOptions && a.startsWith('-')) {
      if (valued.includes(a)) i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** The risky writes of one argv (wrappers skipped). Paths are returned as written. */
export function riskyWrites(argv: readonly string[]): RiskyWrite[] {
  const u = unwrap(argv);
  const program = basename(argv[u.index] ?? '');
  const args = argv.slice(u.index + 1);
  switch (program) {
    case 'mkdir':
      if (hasShortOption(args, 'p') || args.includes('--parents')) return [];
      return operands(args, ['-m', '--mode']).map((path) => ({ kind: 'mkdir' as const, path }));
    case 'ln':
      if (hasShortOption(args, 'f') || args.includes('--force')) return [];
      {
        const ops = operands(args, ['-t', '--target-directory', '-S', '--suffix']);
        const target = ops.length >= 2 ? ops[ops.length - 1] : undefined;
        return target ? [{ kind: 'ln' as const, path: target }] : [];
      }
    case 'mv':
      {
        const ops = operands(args, ['-t', '--target-directory', '-S', '--suffix']);
        return ops.slice(0, -1).map((path) => ({ kind: 'mv' as const, path }));
      }
    case 'git': {
      const ops = operands(args, ['-C', '-c', '--branch', '-b', '--depth', '--origin', '-o', '--reference', '--config', '--filter', '-j', '--jobs', '--separate-git-dir', '--template', '-u', '--upload-pack']);
      if (ops[0] !== 'clone') return [];
      const dir = ops[2];
      return dir ? [{ kind: 'git-clone' as const, path: dir }] : [];
    }
    default:
      return [];
  }
}
