import { basename, unwrap } from '../words';

/**
 * Network use of init containers (rules W07/W08): which programs open connections (and therefore need
 * a mesh proxy that intercepts traffic to be up), and which local ports/sockets they target (and
 * therefore need the sidecar that listens there).
 */

/** Programs that open TCP connections. DNS look-ups (`nslookup`, `dig`) and `ping` are not: meshes do not intercept them. */
const CLIENTS = new Set([
  'curl', 'wget', 'nc', 'ncat', 'netcat', 'telnet', 'psql', 'pg_isready', 'pg_dump', 'pg_restore', 'pg_dumpall', 'createdb',
  'mysql', 'mysqladmin', 'mysqldump', 'mariadb', 'redis-cli', 'mongo', 'mongosh', 'mongodump', 'mongorestore', 'cqlsh',
  'kubectl', 'helm', 'git-sync', 'aws', 'gsutil', 'gcloud', 'az', 'vault', 'consul', 'etcdctl', 'grpcurl', 'grpc_health_probe',
  'http', 'https', 'ssh', 'scp', 'sftp', 'rclone', 'mc', 'kafka-topics', 'kafka-topics.sh', 'rabbitmqadmin', 'wait-for-it', 'wait-for-it.sh',
  'dockerize', 'k8s-wait-for', 'wait4x', 'flyway', 'liquibase', 'migrate', 'goose', 'dbmate', 'atlas', 'alembic',
]);

/** Whether this argv (wrappers skipped) talks to the network. */
export function networkClient(argv: readonly string[]): boolean {
  const u = unwrap(argv);
  const program = basename(argv[u.index] ?? '');
  const args = argv.slice(u.index + 1);
  if (CLIENTS.has(program)) return true;
  if (program === 'git') return ['clone', 'fetch', 'pull', 'ls-remote', 'push', 'submodule'].includes(args.find((a) => !a.startsWith('-')) ?? '');
  if (['apk', 'apt-get', 'apt', 'yum', 'dnf', 'pip', 'pip3', 'npm', 'yarn', 'gem', 'go'].includes(program)) return ['add', 'install', 'update', 'get', 'download', 'ci'].includes(args[0] ?? '');
  if (program === 'rsync') return args.some((a) => /^[^/][^:]*:|^rsync:\/\//.test(a));
  return false;
}

export interface LocalTarget {
  /** The port, when the text says it; undefined for `psql -h localhost` (the tool's default). */
  readonly port: number | undefined;
  /** Default port of the client, when the port is not written. */
  readonly defaultPort: number | undefined;
  readonly text: string;
}

const LOCAL_HOST = '(?:localhost|127\\.0\\.0\\.1|\\[::1\\]|0\\.0\\.0\\.0)';
const HOST_PORT = new RegExp(`(?<![\\w.-])${LOCAL_HOST}:(\\d{1,5})\\b`, 'g');
const LOCAL_ONLY = new RegExp(`^${LOCAL_HOST}$|^::1$`);

const DEFAULT_PORTS: Readonly<Record<string, number>> = {
  psql: 5432, pg_isready: 5432, pg_dump: 5432, pg_restore: 5432, createdb: 5432,
  mysql: 3306, mysqladmin: 3306, mysqldump: 3306, mariadb: 3306,
  'redis-cli': 6379, mongo: 27017, mongosh: 27017, mongodump: 27017, cqlsh: 9042,
};

const URL_DEFAULT_PORTS: Readonly<Record<string, number>> = { postgres: 5432, postgresql: 5432, mysql: 3306, redis: 6379, mongodb: 27017, http: 80, https: 443 };

/** `localhost:5432` / `127.0.0.1:15000` in any text (URLs, `host:port` arguments, env values). */
export function localPortsInText(text: string): LocalTarget[] {
  const out: LocalTarget[] = [];
  for (const m of text.matchAll(HOST_PORT)) out.push({ port: Number(m[1]), defaultPort: undefined, text: m[0] });
  // `postgres://user@localhost/db` — no port written: the scheme's default.
  for (const m of text.matchAll(new RegExp(`\\b([a-z]+)://(?:[^@/\\s]*@)?${LOCAL_HOST}(?![:\\d])`, 'gi'))) {
    const port = URL_DEFAULT_PORTS[(m[1] as string).toLowerCase()];
    if (port !== undefined) out.push({ port: undefined, defaultPort: port, text: m[0] });
  }
  return out;
}

/** Local targets of one argv: `nc -z localhost 5432`, `pg_isready -h 127.0.0.1 -p 6432`, `psql -h localhost`, `curl http://localhost:15000/`. */
export function localTargets(argv: readonly string[]): LocalTarget[] {
  const u = unwrap(argv);
  const program = basename(argv[u.index] ?? '');
  const args = argv.slice(u.index + 1);
  const out = localPortsInText(argv.join(' '));
  if (out.length > 0) return out;
  if (program === 'nc' || program === 'ncat' || program === 'netcat' || program === 'telnet') {
    const pos = args.filter((a, i) => !a.startsWith('-') && !(i > 0 && /^-[a-zA-Z]*[wqiIsp]$/.test(args[i - 1] as string)));
    const hostAt = pos.findIndex((a) => LOCAL_ONLY.test(a));
    if (hostAt >= 0 && /^\d+$/.test(pos[hostAt + 1] ?? '')) return [{ port: Number(pos[hostAt + 1]), defaultPort: undefined, text: `${pos[hostAt]}:${pos[hostAt + 1]}` }];
    return [];
  }
  const host = optionValue(args, ['-h', '--host', '--hostname']);
  if (host === undefined || !LOCAL_ONLY.test(host)) return [];
  const portText = optionValue(args, program === 'mysql' || program === 'mysqladmin' || program === 'mysqldump' || program === 'mariadb' ? ['-P', '--port'] : ['-p', '--port']);
  const port = portText !== undefined && /^\d+$/.test(portText) ? Number(portText) : undefined;
  return [{ port, defaultPort: port === undefined ? DEFAULT_PORTS[program] : undefined, text: port === undefined ? host : `${host}:${port}` }];
}

function optionValue(args: readonly string[], names: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    for (const n of names) {
      if (a === n) return args[i + 1];
      if (n.startsWith('--') && a.startsWith(`${n}=`)) return a.slice(n.length + 1);
      if (!n.startsWith('--') && a.startsWith(n) && a.length > n.length) return a.slice(n.length);
    }
  }
  return undefined;
}

/** Unix-socket paths in a text (`/cloudsql/proj:region:db`, `/var/run/app/app.sock`). */
export function socketPaths(text: string): string[] {
  return [...text.matchAll(/(\/[\w.@:/-]*\.sock(?:et)?)\b|(\/cloudsql\/[\w.:-]+)/g)].map((m) => (m[1] ?? m[2]) as string);
}
