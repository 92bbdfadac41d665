import { basename, unwrap } from '../words';

/**
 * Per-attempt time limits of network probes (`nc -w 2`, `wget -T 5`, `curl --max-time 3`,
 * `timeout 5 …`, `pg_isready -t 3`). They limit ONE attempt; they never bound the loop around it.
 * Returns a short description (`curl -m 1`) or undefined.
 */
export function attemptTimeout(argv: readonly string[]): string | undefined {
  const u = unwrap(argv);
  if (u.timeout !== undefined) return `timeout ${u.timeout}`;
  const name = basename(argv[u.index] ?? '');
  const args = argv.slice(u.index + 1);
  const flag = OPTIONS[name];
  if (!flag) return undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    for (const f of flag) {
      if (a === f && args[i + 1] !== undefined) return `${name} ${f} ${args[i + 1]}`;
      if (a.startsWith(`${f}=`)) return `${name} ${a}`;
      if (!f.startsWith('--') && f.length === 2 && a.startsWith(f) && /^\d/.test(a.slice(2))) return `${name} ${a}`;
      // clustered short options ending in the flag: `nc -zw2`, `nc -zvw 2`
      if (!f.startsWith('--') && f.length === 2 && /^-[a-zA-Z]+\d*$/.test(a) && a.includes(f[1] as string) && a !== f) {
        const m = new RegExp(`^-[a-zA-Z]*${f[1]}(\\d*)$`).exec(a);
        if (m) return `${name} ${a}${m[1] === '' && args[i + 1] ? ` ${args[i + 1]}` : ''}`;
      }
    }
  }
  return undefined;
}

/** The option that limits one attempt, per program. */
const OPTIONS: Readonly<Record<string, readonly string[]>> = {
  nc: ['-w', '--wait'],
  ncat: ['-w', '--wait'],
  netcat: ['-w'],
  wget: ['-T', '--timeout', '--connect-timeout', '--read-timeout'],
  curl: ['-m', '--max-time', '--connect-timeout'],
  pg_isready: ['-t', '--timeout'],
  nslookup: ['-timeout'],
  mysqladmin: ['--connect-timeout', '--connect_timeout'],
  'redis-cli': ['-t'],
  grpc_health_probe: ['-connect-timeout', '-rpc-timeout'],
};
