/**
 * Effective pod resources (rule catalogue §3): exact quantities, the sidecar-aware aggregation of requests and
 * limits, and the QoS class. Typical use:
 *
 *   const eff = computeEffectiveResources(pod, settings);
 *   const cpu = eff.requests.figures.get('cpu');   // { effective, phase: 'init' | 'steady' | 'pod-level', initPeakIndex, … }
 *   formatQuantity(cpu.effective);                 // '1350m'
 *   eff.qos;                                       // 'Burstable'
 */
export {
  parseQuantity,
  parseQuantityNode,
  formatQuantity,
  compareQuantities,
  addQuantities,
  maxQuantity,
  isZeroQuantity,
  zeroQuantity,
  quantityRatio,
} from './quantity';
export type { Quantity, QuantityFormat } from './quantity';
export { readResourceList, addResourceList, maxResourceList, sumResourceLists, resourceOrder, isPodLevelResource } from './resourceList';
export type { ResourceList, InvalidQuantity } from './resourceList';
export { aggregatePodResources, computeEffectiveResources } from './effective';
export type {
  AggregateOptions,
  AggregateResult,
  ContainerResources,
  ContainerResourcesInput,
  EffectiveOptions,
  EffectiveResources,
  InitStep,
  PodResourcesInput,
  ResourceFigure,
  ResourcePhase,
} from './effective';
export { computeQosClass } from './qos';
export type { QosClass } from './qos';
