import { defineRule } from './types';
import type { ContainerModel, PodSpecModel } from './types';
import { apiPorts } from './apiPorts';
import type { ApiPort } from './apiPorts';
import type { NodeRef } from '../service/parse/nav';
import { scalarValue } from '../service/parse/nav';
import { versionAtLeast } from '../service/settings';
import type { Settings } from '../service/settings';

interface HostPortUse {
  readonly container: ContainerModel;
  readonly port: ApiPort;
  readonly hostPort: number;
  /** Where the host port is written: `hostPort`, or `containerPort` when hostNetwork defaulted it. */
  readonly at: NodeRef;
  readonly defaulted: boolean;
  readonly key: string;
}

/**
 * With `hostNetwork: true` the API defaults a missing `hostPort` to the `containerPort`: always for a
 * Pod, and for pod templates only before 1.28 (in 1.28–1.30 behind the deprecated gate
 * DefaultHostNetworkHostPortsInPodTemplates, removed in 1.31).
 */
function hostNetworkDefaulting(pod: PodSpecModel, settings: Settings): boolean {
  if (scalarValue(pod.pairs.get('hostNetwork')?.value) !== true || !pod.workload.core) return false;
  if (pod.workload.kind === 'Pod') return true;
  if (!versionAtLeast(settings, '1.28')) return true;
  // The deprecated gate existed in 1.28–1.30 (off by default) and was removed in 1.31.
  return !versionAtLeast(settings, '1.31') && settings.featureGates['DefaultHostNetworkHostPortsInPodTemplates'] === true;
}

function hostPortUses(container: ContainerModel, pod: PodSpecModel, defaulting: boolean): HostPortUse[] {
  const out: HostPortUse[] = [];
  for (const port of apiPorts(container, pod.yaml)) {
    let hostPort = port.hostPort;
    let at = port.hostPortRef;
    let defaulted = false;
    if (hostPort === 0 && defaulting && port.containerPort !== undefined && port.containerPort !== 0) {
      hostPort = port.containerPort;
      at = port.containerPortRef;
      defaulted = true;
    }
    if (hostPort === undefined || hostPort === 0 || at === undefined) continue;
    // The API's accumulator key: protocol/hostIP/hostPort, e.g. "TCP//8080".
    out.push({ container, port, hostPort, at, defaulted, key: `${port.protocol}/${port.hostIP}/${hostPort}` });
  }
  return out;
}

export const hostPortConflict = defineRule({
  meta: {
    id: 'host-port-conflict',
    catalogueId: 'E18',
    group: 'api',
    description:
      'The same host port (protocol, hostIP and hostPort) declared twice among the app containers, or twice inside one init container.',
    defaultSeverity: 'error',
    fixable: false,
    versions: 'Always rejected. Init containers and sidecars are checked one container at a time, so a sidecar and an app container may repeat a host port (see sidecar-port-conflict).',
    messages: {
      appDuplicate:
        '{{container}} binds host port {{hostPort}}/{{protocol}}{{hostIP}}{{defaulted}}, which {{other}} already binds. App containers run at the same time on the same node, so the API server rejects the pod: `{{path}}.hostPort: Duplicate value: "{{key}}"`',
      initDuplicate:
        '{{container}} binds host port {{hostPort}}/{{protocol}}{{hostIP}} twice{{defaulted}}. Init containers are checked one at a time (they run one after another), and a container may bind a host port only once. API server: `{{apiPath}}.hostPort: Duplicate value: "{{key}}"` (it names every init container `[0]` in this check)',
    },
  },
  checkPod(pod, context) {
    const defaulting = hostNetworkDefaulting(pod, context.settings);
    const describe = (use: HostPortUse): { hostIP: string; defaulted: string } => ({
      hostIP: use.port.hostIP === '' ? '' : ` on ${use.port.hostIP}`,
      defaulted: use.defaulted ? ' (with `hostNetwork: true` the API sets `hostPort` to the `containerPort`)' : '',
    });
    // App containers: one accumulator across the whole list (`validateContainers`).
    const seen = new Map<string, HostPortUse>();
    for (const container of pod.containers) {
      for (const use of hostPortUses(container, pod, defaulting)) {
        const first = seen.get(use.key);
        if (!first) {
          seen.set(use.key, use);
          continue;
        }
        const other = first.container === container ? 'an earlier port of the same container' : first.container.label;
        context.report({
          at: use.at,
          messageId: 'appDuplicate',
          data: {
            container: container.label,
            other,
            hostPort: use.hostPort,
            protocol: use.port.protocol,
            ...describe(use),
            path: `${container.path}.ports[${use.port.index}]`,
            key: use.key,
          },
          related: [{ at: first.at, message: `host port ${use.hostPort}/${use.port.protocol} is first bound by ${first.container.label}` }],
          fix: { hostPort: use.hostPort, protocol: use.port.protocol, hostIP: use.port.hostIP, first: first.port.index },
        });
      }
    }
    // Init containers and sidecars: each on its own (`checkHostPortConflicts([]core.Container{ctr}, fldPath)`).
    const initPath = `${pod.path}.initContainers[0]`;
    for (const container of pod.initContainers) {
      const own = new Map<string, HostPortUse>();
      for (const use of hostPortUses(container, pod, defaulting)) {
        const first = own.get(use.key);
        if (!first) {
          own.set(use.key, use);
          continue;
        }
        context.report({
          at: use.at,
          messageId: 'initDuplicate',
          data: {
            container: container.label,
            hostPort: use.hostPort,
            protocol: use.port.protocol,
            ...describe(use),
            apiPath: `${initPath}.ports[${use.port.index}]`,
            key: use.key,
          },
          related: [{ at: first.at, message: `host port ${use.hostPort}/${use.port.protocol} is first bound by ports[${first.port.index}]` }],
          fix: { hostPort: use.hostPort, protocol: use.port.protocol, hostIP: use.port.hostIP, first: first.port.index },
        });
      }
    }
  },
});
