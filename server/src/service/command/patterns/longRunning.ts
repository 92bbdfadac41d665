import { basename, durationSeconds, unwrap } from '../words';
import { imageRepository } from './migration';

/**
 * Programs and images that keep running until they are killed: service-mesh and database proxies,
 * log and telemetry agents, `git-sync` without `--one-time`, `sleep infinity`, `tail -f` (rules W01,
 * W03, W07, W08, W12). Reviewed list; the tests pin what must and must not match.
 */
export type AgentKind = 'mesh' | 'db-proxy' | 'proxy' | 'log' | 'telemetry' | 'secrets' | 'git' | 'server';

export interface LongRunning {
  /** What it is, for messages: `Istio proxy`, `Cloud SQL Auth Proxy`, `tail -f`. */
  readonly label: string;
  readonly kind: AgentKind | 'idle';
}

interface AgentImage {
  readonly label: string;
  readonly kind: AgentKind;
  readonly re: RegExp;
  /** Given the args the image's entrypoint receives: does it run as a daemon? */
  readonly daemon: (args: readonly string[], env: ReadonlyMap<string, string>) => boolean;
}

const INFO_ARGS = /^(-?-help|-h|-?-version|-v|version|help|--dry-run|-D)$/;
const notInfo = (args: readonly string[]): boolean => !args.some((a) => INFO_ARGS.test(a));

/** `git-sync --one-time`, `-one-time=true`, `GITSYNC_ONE_TIME=true` (v4) / `GIT_SYNC_ONE_TIME=true` (v3). */
export function gitSyncOneTime(args: readonly string[], env: ReadonlyMap<string, string>): boolean {
  for (const a of args) {
    const m = /^--?one-time(?:=(.*))?$/.exec(a);
    if (m) return m[1] === undefined || /^(true|1|t)$/i.test(m[1]);
  }
  const v = env.get('GITSYNC_ONE_TIME') ?? env.get('GIT_SYNC_ONE_TIME');
  return v !== undefined && /^(true|1|t)$/i.test(v);
}

const IMAGES: readonly AgentImage[] = [
  // istio/proxyv2 runs pilot-agent: `proxy sidecar|router` is the proxy; `istio-iptables` (istio-init) is one-shot.
  { label: 'Istio proxy', kind: 'mesh', re: /(^|\/)proxyv2$/, daemon: (a) => a[0] === 'proxy' },
  { label: 'Linkerd proxy', kind: 'mesh', re: /(^|\/)(linkerd\/proxy|linkerd2?-proxy)$/, daemon: (a) => a.length === 0 || notInfo(a) },
  { label: 'Envoy', kind: 'proxy', re: /(^|\/)envoyproxy\/envoy[a-z-]*$|(^|\/)envoy$/, daemon: notInfo },
  { label: 'Cloud SQL Auth Proxy', kind: 'db-proxy', re: /cloud-sql-proxy$|cloudsql-proxy$|cloud_sql_proxy$|(^|\/)cloudsql-docker\/gce-proxy$/, daemon: notInfo },
  { label: 'AlloyDB Auth Proxy', kind: 'db-proxy', re: /alloydb-auth-proxy$/, daemon: notInfo },
  { label: 'Vault Agent', kind: 'secrets', re: /(^|\/)(hashicorp\/)?vault$/, daemon: (a) => a[0] === 'agent' && !a.some((x) => /^-?-exit-after-auth(=true)?$/.test(x)) },
  { label: 'Fluent Bit', kind: 'log', re: /fluent-bit$/, daemon: notInfo },
  { label: 'Fluentd', kind: 'log', re: /fluentd[a-z-]*$/, daemon: notInfo },
  { label: 'OpenTelemetry Collector', kind: 'telemetry', re: /opentelemetry-collector[a-z-]*$|(^|\/)otelcol[a-z-]*$/, daemon: notInfo },
  { label: 'Datadog Agent', kind: 'telemetry', re: /(^|\/)(datadog|datadoghq)\/agent$/, daemon: notInfo },
  { label: 'Promtail', kind: 'log', re: /(^|\/)grafana\/promtail$/, daemon: notInfo },
  { label: 'Vector', kind: 'log', re: /(^|\/)timberio\/vector$/, daemon: (a) => notInfo(a) && a[0] !== 'validate' },
  { label: 'Filebeat', kind: 'log', re: /(^|\/)(elastic\/)?filebeat$|\/beats\/filebeat$/, daemon: (a) => notInfo(a) && !['setup', 'test', 'export', 'keystore'].includes(a[0] ?? '') },
  { label: 'git-sync', kind: 'git', re: /git-sync$/, daemon: (a, env) => notInfo(a) && !gitSyncOneTime(a, env) },
];

/** The known agent an image is, whatever it is asked to run. */
export function agentImage(image: string | undefined): { label: string; kind: AgentKind } | undefined {
  if (!image) return undefined;
  const repo = imageRepository(image);
  const found = IMAGES.find((i) => i.re.test(repo));
  return found ? { label: found.label, kind: found.kind } : undefined;
}

/** An image started with its own entrypoint (no `command`) and these args that runs as a daemon. */
export function longRunningImage(image: string | undefined, args: readonly string[], env: ReadonlyMap<string, string> = new Map()): LongRunning | undefined {
  if (!image) return undefined;
  const repo = imageRepository(image);
  const found = IMAGES.find((i) => i.re.test(repo));
  return found && found.daemon(args, env) ? { label: found.label, kind: found.kind } : undefined;
}

interface DaemonProgram {
  readonly label: string;
  readonly kind: AgentKind | 'idle';
  readonly programs: RegExp;
  readonly daemon: (args: readonly string[], env: ReadonlyMap<string, string>) => boolean;
}

const FOLLOW = /^(-f|-F|--follow(=.*)?|--retry)$|^-[a-zA-Z0-9]*[fF][a-zA-Z0-9]*$/;

const PROGRAMS: readonly DaemonProgram[] = [
  { label: 'sleep infinity', kind: 'idle', programs: /^sleep$/, daemon: (a) => a.length > 0 && a.every((x) => (durationSeconds(x) ?? 0) >= 86400) },
  { label: 'tail -f', kind: 'idle', programs: /^tail$/, daemon: (a) => a.some((x) => FOLLOW.test(x)) },
  { label: 'Istio proxy', kind: 'mesh', programs: /^pilot-agent$/, daemon: (a) => a[0] === 'proxy' },
  { label: 'Linkerd proxy', kind: 'mesh', programs: /^linkerd2-proxy$/, daemon: notInfo },
  { label: 'Envoy', kind: 'proxy', programs: /^envoy$/, daemon: notInfo },
  { label: 'Cloud SQL Auth Proxy', kind: 'db-proxy', programs: /^(cloud-sql-proxy|cloud_sql_proxy)$/, daemon: notInfo },
  { label: 'AlloyDB Auth Proxy', kind: 'db-proxy', programs: /^alloydb-auth-proxy$/, daemon: notInfo },
  { label: 'Vault Agent', kind: 'secrets', programs: /^vault$/, daemon: (a) => a[0] === 'agent' && !a.some((x) => /^-?-exit-after-auth(=true)?$/.test(x)) },
  { label: 'Fluent Bit', kind: 'log', programs: /^(fluent-bit|td-agent-bit)$/, daemon: notInfo },
  { label: 'Fluentd', kind: 'log', programs: /^(fluentd|td-agent)$/, daemon: (a) => notInfo(a) && !a.includes('--dry-run') },
  { label: 'OpenTelemetry Collector', kind: 'telemetry', programs: /^otelcol[a-z-]*$/, daemon: (a) => notInfo(a) && a[0] !== 'validate' },
  { label: 'git-sync', kind: 'git', programs: /^git-sync$/, daemon: (a, env) => notInfo(a) && !gitSyncOneTime(a, env) },
  { label: 'nginx', kind: 'server', programs: /^nginx$/, daemon: (a) => !a.some((x) => /^-[tTvVs?h]$/.test(x)) },
  { label: 'redis-server', kind: 'server', programs: /^redis-server$/, daemon: notInfo },
  { label: 'Promtail', kind: 'log', programs: /^promtail$/, daemon: notInfo },
  { label: 'Filebeat', kind: 'log', programs: /^filebeat$/, daemon: (a) => notInfo(a) && !['setup', 'test', 'export', 'keystore'].includes(a[0] ?? '') },
  { label: 'socat listener', kind: 'server', programs: /^socat$/, daemon: (a) => a.some((x) => /^(TCP|TCP4|TCP6|UNIX)-LISTEN:.*\bfork\b/i.test(x)) },
];

/** A program (argv, wrappers skipped) that runs until killed: `tail -f /dev/null`, `sleep infinity`, `envoy -c …`. */
export function longRunningCommand(argv: readonly string[], env: ReadonlyMap<string, string> = new Map()): LongRunning | undefined {
  const u = unwrap(argv);
  const program = basename(argv[u.index] ?? '');
  const args = argv.slice(u.index + 1);
  // `python -m http.server`
  if (/^python[0-9.]*$/.test(program) && args[0] === '-m' && args[1] === 'http.server') return { label: 'python -m http.server', kind: 'server' };
  const found = PROGRAMS.find((p) => p.programs.test(program));
  return found && found.daemon(args, env) ? { label: found.label, kind: found.kind } : undefined;
}
