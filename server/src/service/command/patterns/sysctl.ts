import { basename, unwrap } from '../words';

/**
 * Kernel parameters set by commands (rule H17): `sysctl -w net.core.somaxconn=1024`,
 * `echo 1024 > /proc/sys/net/core/somaxconn`, and which of them a pod may set itself through
 * `spec.securityContext.sysctls` (namespaced ones; the "safe" set needs no kubelet allow-list).
 * Node-level sysctls (`vm.max_map_count`, `kernel.core_pattern`, `fs.file-max`) cannot be set per pod:
 * a privileged init container (or node configuration) is the only way, so they are not reported.
 */
export interface SysctlWrite {
  readonly name: string;
  readonly value: string | undefined;
}

/** `sysctl -w a.b=c d.e=f` / `sysctl a.b=c` → the writes. */
export function sysctlWrites(argv: readonly string[]): SysctlWrite[] {
  const u = unwrap(argv);
  if (basename(argv[u.index] ?? '') !== 'sysctl') return [];
  const out: SysctlWrite[] = [];
  for (const a of argv.slice(u.index + 1)) {
    if (a.startsWith('-')) continue;
    const m = /^([a-z0-9_.\-/*]+)\s*=\s*(.*)$/i.exec(a);
    if (m) out.push({ name: normalize(m[1] as string), value: m[2] });
  }
  return out;
}

/** `> /proc/sys/net/core/somaxconn` → `net.core.somaxconn`. */
export function procSysTarget(path: string): string | undefined {
  const m = /^\/proc\/sys\/(.+)$/.exec(path);
  return m ? normalize(m[1] as string) : undefined;
}

function normalize(name: string): string {
  return name.replace(/\//g, '.');
}

/** Sysctls Kubernetes treats as safe (allowed without a kubelet allow-list), with the release that added them. */
const SAFE: ReadonlyArray<readonly [string, string]> = [
  ['kernel.shm_rmid_forced', '1.0'],
  ['net.ipv4.ip_local_port_range', '1.0'],
  ['net.ipv4.tcp_syncookies', '1.0'],
  ['net.ipv4.ping_group_range', '1.18'],
  ['net.ipv4.ip_unprivileged_port_start', '1.22'],
  ['net.ipv4.ip_local_reserved_ports', '1.27'],
  ['net.ipv4.tcp_keepalive_time', '1.29'],
  ['net.ipv4.tcp_fin_timeout', '1.29'],
  ['net.ipv4.tcp_keepalive_intvl', '1.29'],
  ['net.ipv4.tcp_keepalive_probes', '1.29'],
  ['net.ipv4.tcp_rmem', '1.32'],
  ['net.ipv4.tcp_wmem', '1.32'],
];

/** The release from which a sysctl is in the safe set, or undefined. */
export function safeSince(name: string): string | undefined {
  return SAFE.find(([n]) => n === name)?.[1];
}

/** `net.*` parameters that are global to the host, not per network namespace. */
const GLOBAL_NET = /^net\.(core\.(rmem_max|wmem_max|rmem_default|wmem_default|netdev_max_backlog|optmem_max|message_cost|message_burst|bpf_jit_.*|dev_weight.*)|netfilter\..*|ipv4\.(tcp_mem|udp_mem|ipfrag_.*_thresh))$/;

/**
 * Whether a pod can set this sysctl in `spec.securityContext.sysctls` (it is namespaced: `kernel.shm*`,
 * `kernel.msg*`, `kernel.sem`, `fs.mqueue.*`, per-namespace `net.*`). `net.*` needs the pod's own network
 * namespace (no `hostNetwork`).
 */
export function podSettable(name: string, hostNetwork: boolean): boolean {
  if (/^kernel\.(shm[a-z_]*|msg[a-z_]*|sem)$/.test(name)) return true;
  if (/^fs\.mqueue\.[a-z_]+$/.test(name)) return true;
  if (/^net\./.test(name)) return !hostNetwork && !GLOBAL_NET.test(name) && !name.includes('*');
  return false;
}
