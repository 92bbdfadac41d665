/**
 * Effective pod requests and limits with init containers and sidecars: rule catalogue §3.1, a line-for-line
 * port of component-helpers `aggregateContainerResourcesByFn`, `PodRequests` and `PodLimits` (spec path).
 *
 * - `aggregatePodResources(input, options)`: the algorithm on plain data (`PodResourcesInput`).
 * - `computeEffectiveResources(pod, settings)`: reads a PodSpecModel (requests defaulted from limits, §9.2),
 *   runs the algorithm for requests and limits and the QoS class (§3.2), and reports per resource which phase
 *   sets the value (`init` peak with the dominating init container, `steady` state, or `pod-level`).
 */
import type { ContainerModel, PodSpecModel } from '../model/types';
import { mapValue } from '../parse/nav';
import { gateEnabled } from '../featureGates';
import { DEFAULT_SETTINGS } from '../settings';
import type { Settings } from '../settings';
import { addQuantities, isZeroQuantity } from './quantity';
import type { Quantity } from './quantity';
import { addResourceList, isPodLevelResource, maxResourceList, readResourceList, resourceOrder, sumResourceLists } from './resourceList';
import type { InvalidQuantity, ResourceList } from './resourceList';
import { computeQosClass } from './qos';
import type { QosClass } from './qos';

export interface ContainerResourcesInput {
  readonly name?: string | undefined;
  /** A restartable init container (`restartPolicy: Always`); only meaningful in `initContainers`. */
  readonly sidecar: boolean;
  /** Requests after API defaulting (limits copied into missing requests). */
  readonly requests: ResourceList;
  readonly limits: ResourceList;
}

export interface PodResourcesInput {
  readonly initContainers: readonly ContainerResourcesInput[];
  readonly containers: readonly ContainerResourcesInput[];
  /** Pod-level `spec.resources.requests` / `.limits` (only with the PodLevelResources gate). */
  readonly podRequests?: ResourceList;
  readonly podLimits?: ResourceList;
  /** `spec.overhead`. */
  readonly overhead?: ResourceList;
  /** Pod-level requests that API defaulting copied from the container aggregate (shown with their container phase). */
  readonly podRequestsFromAggregate?: ReadonlySet<string>;
}

export interface AggregateOptions {
  /** Whether pod-level `spec.resources` override the aggregate (gate PodLevelResources). Default true. */
  readonly podLevelResources?: boolean;
}

export type ResourcePhase = 'init' | 'steady' | 'pod-level';

/** How one resource's effective value came about. */
export interface ResourceFigure {
  readonly resource: string;
  /** The final value (after pod-level override and overhead). */
  readonly effective: Quantity;
  readonly phase: ResourcePhase;
  /** Σ app containers + Σ sidecars (undefined when no container sets the resource). */
  readonly steady: Quantity | undefined;
  /** max over init containers of InitContainerUse(i) (undefined without init containers setting it). */
  readonly initPeak: Quantity | undefined;
  /** Index in `initContainers` of the container whose start reaches the init peak first. */
  readonly initPeakIndex: number | undefined;
  /** The pod-level value that replaced the aggregate, if any. */
  readonly podLevel: Quantity | undefined;
  /** The overhead added, if any. */
  readonly overhead: Quantity | undefined;
}

/** One step of the ordered walk over init containers (what the catalogue's trace tables show). */
export interface InitStep {
  readonly index: number;
  readonly sidecar: boolean;
  /** InitContainerUse(i): what the pod uses while this container starts. */
  readonly use: ResourceList;
  /** Σ sidecars started so far (including this one). */
  readonly sidecarSum: ResourceList;
  readonly initPeak: ResourceList;
  /** Σ app containers + Σ sidecars so far. */
  readonly result: ResourceList;
}

export interface AggregateResult {
  readonly figures: ReadonlyMap<string, ResourceFigure>;
  readonly steps: readonly InitStep[];
  /** The final resource list (what the scheduler sees). */
  readonly total: ResourceList;
}

/** PodRequests (`limits: false`) or PodLimits (`limits: true`) of §3.1. */
export function aggregatePodResources(input: PodResourcesInput, which: 'requests' | 'limits', options: AggregateOptions = {}): AggregateResult {
  const pick = (c: ContainerResourcesInput): ResourceList => (which === 'requests' ? c.requests : c.limits);
  const result = new Map<string, Quantity>();
  for (const c of input.containers) addResourceList(result, pick(c));
  const steadyOnly = new Map(result);
  const sidecarSum = new Map<string, Quantity>();
  const initPeak = new Map<string, Quantity>();
  const peakIndex = new Map<string, number>();
  const steps: InitStep[] = [];
  input.initContainers.forEach((c, index) => {
    let use: Map<string, Quantity>;
    if (c.sidecar) {
      addResourceList(result, pick(c));
      addResourceList(steadyOnly, pick(c));
      addResourceList(sidecarSum, pick(c));
      use = new Map(sidecarSum);
    } else {
      use = sumResourceLists(pick(c), sidecarSum);
    }
    for (const [name, q] of use) {
      const prev = initPeak.get(name);
      if (prev === undefined || q.nano > prev.nano) peakIndex.set(name, index);
    }
    maxResourceList(initPeak, use);
    steps.push({ index, sidecar: c.sidecar, use, sidecarSum: new Map(sidecarSum), initPeak: new Map(initPeak), result: new Map(result) });
  });
  const total = new Map(result);
  maxResourceList(total, initPeak);
  const fromInit = new Set<string>();
  for (const [name, q] of initPeak) {
    const steady = steadyOnly.get(name);
    if (steady === undefined || q.nano > steady.nano) fromInit.add(name);
  }

  const podList = which === 'requests' ? input.podRequests : input.podLimits;
  const podLevelSet = options.podLevelResources !== false && podLevelResourcesSet(input, which);
  const podLevel = new Map<string, Quantity>();
  if (podLevelSet && podList) {
    for (const [name, q] of podList) {
      if (!isPodLevelResource(name)) continue;
      total.set(name, q);
      podLevel.set(name, q);
    }
  }
  const overheadAdded = new Map<string, Quantity>();
  for (const [name, q] of input.overhead ?? new Map<string, Quantity>()) {
    const value = total.get(name);
    if (which === 'requests') {
      total.set(name, value === undefined ? q : addQuantities(value, q));
      overheadAdded.set(name, q);
    } else if (value !== undefined && !isZeroQuantity(value)) {
      total.set(name, addQuantities(value, q));
      overheadAdded.set(name, q);
    }
  }

  const figures = new Map<string, ResourceFigure>();
  for (const name of [...total.keys()].sort(resourceOrder)) {
    const effective = total.get(name) as Quantity;
    const copied = which === 'requests' && input.podRequestsFromAggregate?.has(name) === true;
    const phase: ResourcePhase = podLevel.has(name) && !copied ? 'pod-level' : fromInit.has(name) ? 'init' : 'steady';
    figures.set(name, {
      resource: name,
      effective,
      phase,
      steady: steadyOnly.get(name),
      initPeak: initPeak.get(name),
      initPeakIndex: peakIndex.get(name),
      podLevel: copied ? undefined : podLevel.get(name),
      overhead: overheadAdded.get(name),
    });
  }
  return { figures, steps, total };
}

/** Go `IsPodLevelRequestsSet` (requests) / `IsPodLevelResourcesSet` (limits). */
function podLevelResourcesSet(input: PodResourcesInput, which: 'requests' | 'limits'): boolean {
  const names = [...(input.podRequests?.keys() ?? [])];
  if (which === 'limits') names.push(...(input.podLimits?.keys() ?? []));
  return names.some(isPodLevelResource);
}

// ---------------------------------------------------------------------------------------------------------
// The model side.

export interface ContainerResources {
  readonly container: ContainerModel;
  /** Requests after defaulting: limits copied into missing requests. */
  readonly requests: ResourceList;
  readonly limits: ResourceList;
  /** Resource names whose request was copied from the limit. */
  readonly defaultedRequests: readonly string[];
  /** Whether the container counts as a sidecar for the computation (a sidecar with the gate on). */
  readonly sidecar: boolean;
  readonly invalid: readonly InvalidQuantity[];
}

export interface EffectiveResources {
  readonly pod: PodSpecModel;
  readonly requests: AggregateResult;
  readonly limits: AggregateResult;
  /** Init containers in order, then app containers (ephemeral containers do not count). */
  readonly containers: readonly ContainerResources[];
  readonly qos: QosClass;
  /** Whether pod-level `spec.resources` took part (set and gate on). */
  readonly podLevelApplied: boolean;
  readonly overhead: ResourceList;
  readonly input: PodResourcesInput;
}

export interface EffectiveOptions {
  /** Gate PodLevelResources (default: from the settings). */
  readonly podLevelResources?: boolean;
  /** Whether `restartPolicy: Always` makes a sidecar (default: gate SidecarContainers from the settings). */
  readonly sidecars?: boolean;
}

const cache = new WeakMap<PodSpecModel, Map<string, EffectiveResources>>();

/** Effective requests, limits and QoS of a pod spec (cached per model and options). */
export function computeEffectiveResources(pod: PodSpecModel, settings: Settings = DEFAULT_SETTINGS, options: EffectiveOptions = {}): EffectiveResources {
  const podLevelResources = options.podLevelResources ?? gateEnabled(settings, 'PodLevelResources');
  const sidecars = options.sidecars ?? gateEnabled(settings, 'SidecarContainers');
  const key = `${podLevelResources}/${sidecars}`;
  let perPod = cache.get(pod);
  const hit = perPod?.get(key);
  if (hit) return hit;
  const result = compute(pod, podLevelResources, sidecars);
  if (!perPod) cache.set(pod, (perPod = new Map()));
  perPod.set(key, result);
  return result;
}

function compute(pod: PodSpecModel, podLevelResources: boolean, sidecars: boolean): EffectiveResources {
  const containers = [...pod.initContainers, ...pod.containers].map((c) => containerResources(c, pod, sidecars));
  const toInput = (c: ContainerResources): ContainerResourcesInput => ({ name: c.container.name, sidecar: c.sidecar, requests: c.requests, limits: c.limits });
  const podResources = pod.pairs.get('resources')?.value;
  const podLimits = readResourceList(mapValue(podResources, 'limits', pod.yaml), pod.yaml);
  const podRequestsWritten = readResourceList(mapValue(podResources, 'requests', pod.yaml), pod.yaml);
  const overhead = readResourceList(pod.pairs.get('overhead')?.value, pod.yaml);
  const base: PodResourcesInput = {
    initContainers: containers.filter((c) => c.container.list === 'initContainers').map(toInput),
    containers: containers.filter((c) => c.container.list === 'containers').map(toInput),
    overhead,
  };
  const fromAggregate = new Set<string>();
  const podRequests = podLevelResources ? defaultPodRequests(base, podRequestsWritten, podLimits, fromAggregate) : podRequestsWritten;
  const input: PodResourcesInput = { ...base, podRequests, podLimits, podRequestsFromAggregate: fromAggregate };
  const options = { podLevelResources };
  const podLevelApplied = podLevelResources && [...podRequests.keys(), ...podLimits.keys()].some(isPodLevelResource);
  return {
    pod,
    requests: aggregatePodResources(input, 'requests', options),
    limits: aggregatePodResources(input, 'limits', options),
    containers,
    qos: computeQosClass(input, options),
    podLevelApplied,
    overhead,
    input,
  };
}

function containerResources(container: ContainerModel, pod: PodSpecModel, sidecars: boolean): ContainerResources {
  const resources = container.pairs.get('resources')?.value;
  const invalid: InvalidQuantity[] = [];
  const requests = readResourceList(mapValue(resources, 'requests', pod.yaml), pod.yaml, invalid);
  const limits = readResourceList(mapValue(resources, 'limits', pod.yaml), pod.yaml, invalid);
  const defaultedRequests: string[] = [];
  for (const [name, q] of limits) {
    if (!requests.has(name)) {
      requests.set(name, q);
      defaultedRequests.push(name);
    }
  }
  return { container, requests, limits, defaultedRequests, sidecar: sidecars && container.role === 'sidecar', invalid };
}

/**
 * API defaulting of pod-level requests (`defaultPodRequests`, only when pod-level limits are set): a missing
 * pod-level request takes the containers' aggregate request, or the pod-level limit when no container sets it.
 */
function defaultPodRequests(input: PodResourcesInput, written: ResourceList, podLimits: ResourceList, fromAggregate: Set<string>): ResourceList {
  if (podLimits.size === 0) return written;
  const out = new Map(written);
  const aggregate = aggregatePodResources({ initContainers: input.initContainers, containers: input.containers }, 'requests').total;
  for (const [name, q] of aggregate) {
    if (out.has(name) || !isPodLevelResource(name)) continue;
    out.set(name, q);
    fromAggregate.add(name);
  }
  for (const [name, q] of podLimits) if (!out.has(name) && isPodLevelResource(name)) out.set(name, q);
  return out;
}
