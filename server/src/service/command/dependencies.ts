import type { Document } from 'yaml';
import type { ContainerModel, PodSpecModel } from '../model/types';
import { mapPath, mapValue, scalarValue, seqItems } from '../parse/nav';
import { analyzeContainer } from './analyze';
import { commandText, envLiterals, longRunningOf, migrationOf } from './container';
import { agentImage } from './patterns/longRunning';
import { imageRepository } from './patterns/migration';
import type { AgentKind } from './patterns/longRunning';
import { localPortsInText, localTargets, networkClient, socketPaths } from './patterns/network';
import { basename } from './words';

/**
 * Whether one container needs a sidecar to be up (rules W07, W08): it connects to a local port the
 * sidecar listens on, uses a socket the sidecar serves, talks to a database while the sidecar is a
 * database proxy, or uses the network while the sidecar is a service-mesh proxy that intercepts traffic.
 */
export interface Dependency {
  /** Plain-language reason, e.g. "connects to `localhost:5432`". */
  readonly reason: string;
  /** The local port involved, when there is one (for wait detection). */
  readonly port: number | undefined;
  readonly kind: 'port' | 'socket' | 'database' | 'mesh';
}

const DB_CLIENTS = new Set(['psql', 'pg_isready', 'pg_dump', 'pg_restore', 'pg_dumpall', 'createdb', 'mysql', 'mysqladmin', 'mysqldump', 'mariadb', 'sqlcmd']);
/** The UIDs whose traffic meshes never intercept (Istio 1337, Linkerd 2102). */
const MESH_UIDS = new Set([1337, 2102]);

/** What kind of agent a sidecar is (image, or the program it runs). */
export function sidecarKind(sidecar: ContainerModel, yaml: Document.Parsed): AgentKind | undefined {
  const byImage = agentImage(sidecar.image);
  if (byImage && !(byImage.kind === 'mesh' && !isProxyRun(sidecar, yaml))) return byImage.kind;
  const lr = longRunningOf(sidecar, yaml);
  return lr && lr.kind !== 'idle' ? lr.kind : undefined;
}

/** A proxyv2 image running `istio-iptables` is the istio-init step, not the proxy. */
function isProxyRun(c: ContainerModel, yaml: Document.Parsed): boolean {
  const lr = longRunningOf(c, yaml);
  return lr !== undefined && lr.kind === 'mesh';
}

/** Ports a sidecar listens on: declared `containerPort`s and `--port=N` style arguments. */
export function sidecarPorts(sidecar: ContainerModel, yaml: Document.Parsed): Set<number> {
  const out = new Set<number>();
  for (const { ref } of seqItems(sidecar.pairs.get('ports')?.value, yaml)) {
    const p = scalarValue(mapValue(ref, 'containerPort', yaml));
    if (typeof p === 'number') out.add(p);
  }
  const args = analyzeContainer(sidecar, yaml).command.argv.map((w) => w.text);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const eq = /^--?(?:port|listen-port|proxy-port)=(\d{1,5})$/.exec(a);
    if (eq) out.add(Number(eq[1]));
    if (/^--?(?:port|listen-port|proxy-port)$/.test(a) && /^\d{1,5}$/.test(args[i + 1] ?? '')) out.add(Number(args[i + 1]));
    // Cloud SQL Auth Proxy: `proj:region:db?port=5433`, v1 `-instances=proj:region:db=tcp:5432`
    for (const m of a.matchAll(/[?&]port=(\d{1,5})|=tcp:(?:[\d.]+:)?(\d{1,5})/g)) out.add(Number(m[1] ?? m[2]));
    for (const t of localPortsInText(a)) if (t.port !== undefined && /listen|address|addr/i.test(a)) out.add(t.port);
  }
  return out;
}

/** Directories where a sidecar serves Unix sockets (`--unix-socket=/cloudsql`, `-dir=/cloudsql`). */
function socketDirs(sidecar: ContainerModel, yaml: Document.Parsed): string[] {
  const args = analyzeContainer(sidecar, yaml).command.argv.map((w) => w.text);
  const out: string[] = [];
  args.forEach((a, i) => {
    const m = /^--?(?:unix-socket|dir|socket-dir)=(\/\S+)$/.exec(a);
    if (m) out.push(m[1] as string);
    if (/^--?(?:unix-socket|dir|socket-dir)$/.test(a) && (args[i + 1] ?? '').startsWith('/')) out.push(args[i + 1] as string);
  });
  return out;
}

function runsAsMeshUid(c: ContainerModel, pod: PodSpecModel): boolean {
  const own = scalarValue(mapPath(c.pairs.get('securityContext')?.value, ['runAsUser'], pod.yaml));
  const podLevel = scalarValue(mapPath(pod.pairs.get('securityContext')?.value, ['runAsUser'], pod.yaml));
  const uid = typeof own === 'number' ? own : podLevel;
  return typeof uid === 'number' && MESH_UIDS.has(uid);
}

/** Init containers that set up traffic interception (istio-init, linkerd-init, `iptables`). */
function interceptionSetup(c: ContainerModel, yaml: Document.Parsed): boolean {
  const a = analyzeContainer(c, yaml);
  const words = a.command.argv.map((w) => basename(w.text));
  return words.some((w) => /^(istio-iptables|linkerd2-proxy-init|proxy-init|iptables|iptables-restore|iptables-legacy|iptables-nft)$/.test(w)) || (c.image !== undefined && /proxy-init$|proxy_init$/.test(imageRepository(c.image)));
}

/** The container names a database host that is not local (a DB URL, `-h host`, or a `…HOST` env var). */
function remoteDatabase(text: string, env: ReadonlyMap<string, string>): boolean {
  const local = /^(localhost|127\.0\.0\.1|\[::1\]|::1|0\.0\.0\.0)$/;
  for (const m of text.matchAll(/\b(?:postgres(?:ql)?|mysql|jdbc:[a-z]+|sqlserver):\/\/(?:[^@/\s]*@)?([^/:?\s]+)/gi)) {
    if (!local.test(m[1] as string)) return true;
  }
  for (const m of text.matchAll(/(?:^|\s)(?:-h|--host)[=\s]?([A-Za-z0-9.-]+)/g)) {
    if (!local.test(m[1] as string)) return true;
  }
  for (const [name, value] of env) if (/HOST$/i.test(name) && value !== '' && !local.test(value) && !value.startsWith('$')) return true;
  return false;
}

/** Why `user` needs `sidecar` (both in `pod`), or undefined. */
export function dependsOn(user: ContainerModel, sidecar: ContainerModel, pod: PodSpecModel): Dependency | undefined {
  const yaml = pod.yaml;
  if (user === sidecar) return undefined;
  const a = analyzeContainer(user, yaml);
  const text = commandText(user, yaml);
  const kind = sidecarKind(sidecar, yaml);
  const ports = sidecarPorts(sidecar, yaml);
  const targets = [...a.uses.flatMap((u) => localTargets(u.argv)), ...[...envLiterals(user, yaml).values()].flatMap((v) => localPortsInText(v))];
  for (const t of targets) {
    if (t.port !== undefined && ports.has(t.port)) return { reason: `connects to \`${t.text}\``, port: t.port, kind: 'port' };
    if (t.port === undefined && kind === 'db-proxy' && t.defaultPort !== undefined && (ports.size === 0 || ports.has(t.defaultPort))) {
      return { reason: `connects to \`${t.text}\``, port: t.defaultPort, kind: 'port' };
    }
  }
  const dirs = socketDirs(sidecar, yaml);
  if (dirs.length > 0) {
    const shared = user.volumeMounts.some((m) => sidecar.volumeMounts.some((s) => s.name !== undefined && s.name === m.name));
    const used = socketPaths(text).find((p) => dirs.some((d) => p === d || p.startsWith(`${d.replace(/\/$/, '')}/`)));
    if (shared && used) return { reason: `uses the socket \`${used}\``, port: undefined, kind: 'socket' };
  }
  if (kind === 'db-proxy' && targets.length === 0 && !remoteDatabase(text, envLiterals(user, yaml))) {
    const tool = migrationOf(user, yaml);
    const client = a.uses.find((u) => DB_CLIENTS.has(u.name));
    if (tool) return { reason: `runs a database migration (${tool})`, port: undefined, kind: 'database' };
    if (client) return { reason: `runs the database client \`${client.name}\``, port: undefined, kind: 'database' };
  }
  if (kind === 'mesh' && user.role === 'init' && !runsAsMeshUid(user, pod) && scalarValue(pod.pairs.get('hostNetwork')?.value) !== true) {
    const setups = pod.initContainers.filter((c) => interceptionSetup(c, yaml));
    const intercepted = setups.length === 0 || setups.some((c) => c.index < user.index);
    if (!intercepted) return undefined;
    const client = a.uses.find((u) => !u.inSubstitution && networkClient(u.argv) && localTargets(u.argv).length === 0);
    const tool = migrationOf(user, yaml);
    if (client) return { reason: `opens network connections (\`${client.name}\`)`, port: undefined, kind: 'mesh' };
    if (tool) return { reason: `runs a database migration (${tool})`, port: undefined, kind: 'mesh' };
  }
  return undefined;
}

/** Whether the container waits for the dependency itself (a loop probing the port or localhost, `pilot-agent wait`, `linkerd-await`). */
export function waitsFor(user: ContainerModel, dependency: Dependency, yaml: Document.Parsed): boolean {
  const a = analyzeContainer(user, yaml);
  if (a.uses.some((u) => u.name === 'linkerd-await' || (u.name === 'pilot-agent' && u.args[0] === 'wait') || u.name === 'wait-for-it' || u.name === 'wait-for-it.sh' || u.name === 'dockerize' || u.name === 'wait4x')) return true;
  return a.loops.some((l) => {
    if (l.kind === 'for' && l.bound === 'finite-list') {
      // `for i in $(seq 1 30); do nc -z localhost 5432 && break; sleep 1; done`
      return /localhost|127\.0\.0\.1/.test(scriptSlice(l.script.text, l.node.start, l.node.end)) || (dependency.port !== undefined && scriptSlice(l.script.text, l.node.start, l.node.end).includes(String(dependency.port)));
    }
    const text = l.head;
    return /localhost|127\.0\.0\.1|\/healthz|\/ready/.test(text) || (dependency.port !== undefined && text.includes(String(dependency.port)));
  });
}

function scriptSlice(text: string, start: number, end: number): string {
  return text.slice(start, end);
}

/** A sidecar's startup is gated: a `startupProbe`, or a `postStart` hook (the next container starts after it). */
export function startupGated(sidecar: ContainerModel, yaml: Document.Parsed): boolean {
  if (sidecar.pairs.has('startupProbe')) return true;
  return mapPath(sidecar.pairs.get('lifecycle')?.value, ['postStart'], yaml) !== undefined;
}

