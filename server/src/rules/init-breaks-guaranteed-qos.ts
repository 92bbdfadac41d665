import { defineRule } from './types';
import type { ContainerModel, PodSpecModel } from './types';
import type { Settings } from '../service/settings';
import { computeEffectiveResources, computeQosClass, formatQuantity } from '../service/resources/index';
import type { ContainerResources, ContainerResourcesInput, QosClass } from '../service/resources/index';
import { guaranteedResourcesFix } from '../service/fixes/runtime';

function asInput(c: ContainerResources): ContainerResourcesInput {
  return { name: c.container.name, sidecar: false, requests: c.requests, limits: c.limits };
}

/** The QoS class a single container would give a pod on its own (`ComputePodQOS` on one container). */
function containerQos(c: ContainerResources): QosClass {
  return computeQosClass({ initContainers: [], containers: [asInput(c)] }, { podLevelResources: false });
}

/** Why a container is not Guaranteed, in words: "no memory limit", "cpu request 100m ≠ limit 200m". */
function reasons(c: ContainerResources): string {
  if (c.requests.size === 0 && c.limits.size === 0) return 'no requests or limits';
  const out: string[] = [];
  for (const name of ['cpu', 'memory']) {
    const limit = c.limits.get(name);
    const request = c.requests.get(name);
    if (limit === undefined || limit.nano <= 0n) out.push(`no ${name} limit`);
    else if (request !== undefined && request.nano !== limit.nano) out.push(`${name} request ${formatQuantity(request)} ≠ limit ${formatQuantity(limit)}`);
  }
  return out.length > 0 ? out.join(', ') : 'requests differ from limits';
}

function anchor(container: ContainerModel) {
  return container.pairs.get('resources')?.key ?? container.pairs.get('name')?.value ?? container.ref;
}

/**
 * W06: every app container is Guaranteed (cpu and memory requests equal to limits), but an init container
 * or sidecar is not, and `ComputePodQOS` counts init containers too: the pod is Burstable (or worse).
 */
export const initBreaksGuaranteedQos = defineRule({
  meta: {
    id: 'init-breaks-guaranteed-qos',
    catalogueId: 'W06',
    group: 'runtime',
    description: 'App containers sized for the Guaranteed QoS class, but an init container or sidecar is not, so the pod is Burstable.',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      breaksQos:
        'Every app container is sized for the Guaranteed QoS class, but {{container}} is not ({{reason}}). The pod\'s QoS class counts init containers and sidecars too, so the pod is {{qos}}: it loses the eviction priority of Guaranteed pods and the static CPU manager\'s exclusive CPUs. Give {{container}} equal cpu and memory requests and limits (limits alone are enough: requests default to them).',
    },
  },
  checkPod(pod, context) {
    const { breakers, qos } = guaranteedQosBreakers(pod, context.settings);
    for (const c of breakers) {
      context.report({
        at: anchor(c.container),
        messageId: 'breaksQos',
        data: { container: c.container.label, reason: reasons(c), qos },
      });
    }
  },
  fix: guaranteedResourcesFix,
});

/** The init containers and sidecars that keep a pod of Guaranteed app containers from being Guaranteed (W06's findings). */
export function guaranteedQosBreakers(pod: PodSpecModel, settings: Settings): { breakers: ContainerResources[]; qos: QosClass } {
  const none = { breakers: [], qos: 'Guaranteed' as QosClass };
  if (pod.initContainers.length === 0 || pod.containers.length === 0) return none;
  const effective = computeEffectiveResources(pod, settings);
  if (effective.podLevelApplied) return none;
  const apps = effective.containers.filter((c) => c.container.list === 'containers');
  const inits = effective.containers.filter((c) => c.container.list === 'initContainers');
  if (!apps.every((c) => containerQos(c) === 'Guaranteed')) return none;
  if (computeQosClass({ initContainers: [], containers: apps.map(asInput) }, { podLevelResources: false }) !== 'Guaranteed') return none;
  if (effective.qos === 'Guaranteed') return none;
  return { breakers: inits.filter((c) => containerQos(c) !== 'Guaranteed'), qos: effective.qos };
}
