/**
 * Pod QoS class (rule catalogue §3.2; a port of `ComputePodQOS` in pkg/apis/core/v1/helper/qos).
 * Init containers (regular and sidecar) count like app containers; ephemeral containers do not.
 * Input requests must already be defaulted from limits (the API does that before computing QoS).
 */
import type { Quantity } from './quantity';
import { addResourceList, isPodLevelResource } from './resourceList';
import type { ResourceList } from './resourceList';
import type { AggregateOptions, ContainerResourcesInput, PodResourcesInput } from './effective';

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

const QOS_RESOURCES = new Set(['cpu', 'memory']);

export function computeQosClass(input: PodResourcesInput, options: AggregateOptions = {}): QosClass {
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  const podLevel = options.podLevelResources !== false && podLevelSet(input);
  if (podLevel) {
    const found = collect(input.podRequests, requests, limits, input.podLimits);
    if (!(found.has('cpu') && found.has('memory'))) guaranteed = false;
  } else {
    const all: ContainerResourcesInput[] = [...input.containers, ...input.initContainers];
    for (const c of all) {
      const found = collect(c.requests, requests, limits, c.limits);
      if (!(found.has('cpu') && found.has('memory'))) guaranteed = false;
    }
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (lim === undefined || lim.nano !== req.nano) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

/** Adds the positive cpu/memory requests and limits; returns the resources with a positive limit. */
function collect(
  reqList: ResourceList | undefined,
  requests: Map<string, Quantity>,
  limits: Map<string, Quantity>,
  limList: ResourceList | undefined,
): Set<string> {
  const found = new Set<string>();
  for (const [name, q] of reqList ?? []) {
    if (QOS_RESOURCES.has(name) && q.nano > 0n) addResourceList(requests, new Map([[name, q]]));
  }
  for (const [name, q] of limList ?? []) {
    if (QOS_RESOURCES.has(name) && q.nano > 0n) {
      found.add(name);
      addResourceList(limits, new Map([[name, q]]));
    }
  }
  return found;
}

function podLevelSet(input: PodResourcesInput): boolean {
  return [...(input.podRequests?.keys() ?? []), ...(input.podLimits?.keys() ?? [])].some(isPodLevelResource);
}
