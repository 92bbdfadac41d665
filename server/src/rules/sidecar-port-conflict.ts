import { defineRule } from './types';
import type { ContainerModel } from './types';
import { apiPorts } from './apiPorts';
import type { ApiPort } from './apiPorts';

/** A port entry with the container that declares it. */
interface PortEntry extends ApiPort {
  readonly container: ContainerModel;
  /** `spec.containers[0].ports[1]` */
  readonly path: string;
}

/** Only sidecars and app containers run at the same time; a regular init container has exited before. */
function runTogether(a: ContainerModel, b: ContainerModel): boolean {
  if (a === b) return false;
  const live = (c: ContainerModel): boolean => c.role === 'sidecar' || c.role === 'app';
  return live(a) && live(b) && (a.role === 'sidecar' || b.role === 'sidecar');
}

/** The wording of the API server's warning for two entries with the same containerPort/protocol (pkg/api/pod/warnings.go). */
function apiWarning(port: PortEntry, other: PortEntry): string | undefined {
  if (port.hostIP === other.hostIP && port.hostPort === other.hostPort) return 'duplicate port definition';
  if (port.hostPort === 0 || other.hostPort === 0) return 'overlapping port definition';
  if (port.hostPort === other.hostPort && (port.hostIP === '') !== (other.hostIP === '')) return 'dangerously ambiguous port definition';
  return undefined;
}

function hostPortsClash(a: PortEntry, b: PortEntry): boolean {
  return a.hostPort !== undefined && a.hostPort > 0 && a.hostPort === b.hostPort && a.protocol === b.protocol && (a.hostIP === b.hostIP || a.hostIP === '' || b.hostIP === '');
}

/**
 * W10: a sidecar and an app container (or two sidecars) declare the same container port, or the same
 * host port. Reported at the later declaration in the API server's visiting order (init containers first),
 * where the API server's own warning points.
 */
export const sidecarPortConflict = defineRule({
  meta: {
    id: 'sidecar-port-conflict',
    catalogueId: 'W10',
    group: 'runtime',
    description: 'A sidecar and an app container, or two sidecars, declare the same container port or host port.',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      containerPort:
        '{{container}} declares port {{port}}/{{protocol}}, and so does {{other}}. All containers of a pod share one network namespace and {{why}}, so one of them cannot bind the port at run time.{{api}}',
      hostPort:
        '{{container}} declares host port {{port}}/{{protocol}}, and so does {{other}}. {{why}}, so the second binding of the node\'s port fails at run time; the API server does not check host ports across sidecars and app containers.',
    },
  },
  checkPod(pod, context) {
    const seen: PortEntry[] = [];
    for (const container of [...pod.initContainers, ...pod.containers]) {
      const ports: PortEntry[] = apiPorts(container, pod.yaml).map((p) => ({ ...p, container, path: `${container.path}.ports[${p.index}]` }));
      for (const port of ports) {
        const finding = findConflict(port, seen);
        if (finding) {
          const { other, kind } = finding;
          const why =
            container.role === 'sidecar' && other.container.role === 'sidecar'
              ? 'sidecars keep running side by side'
              : 'a sidecar keeps running beside the app containers';
          const at = kind === 'host' ? port.hostPortRef : port.containerPortRef;
          const relatedAt = kind === 'host' ? other.hostPortRef : other.containerPortRef;
          if (at) {
            const warning = kind === 'container' ? apiWarning(port, other) : undefined;
            context.report({
              at,
              messageId: kind === 'host' ? 'hostPort' : 'containerPort',
              data: {
                container: capitalize(container.label),
                other: other.container.label,
                port: (kind === 'host' ? port.hostPort : port.containerPort) ?? '',
                protocol: port.protocol,
                why: kind === 'host' ? capitalize(why) : why,
                api: warning ? ` API server warning: \`${port.path}: ${warning} with ${other.path}\`` : '',
              },
              related: relatedAt ? [{ at: relatedAt, message: `also declared by ${other.container.label}` }] : [],
            });
          }
        }
      }
      seen.push(...ports);
    }
  },
});

function findConflict(port: PortEntry, seen: readonly PortEntry[]): { other: PortEntry; kind: 'container' | 'host' } | undefined {
  for (const other of seen) {
    if (!runTogether(port.container, other.container)) continue;
    if (port.containerPort !== undefined && port.containerPort > 0 && port.containerPort === other.containerPort && port.protocol === other.protocol) {
      return { other, kind: 'container' };
    }
  }
  for (const other of seen) {
    if (!runTogether(port.container, other.container)) continue;
    if (hostPortsClash(port, other)) return { other, kind: 'host' };
  }
  return undefined;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
