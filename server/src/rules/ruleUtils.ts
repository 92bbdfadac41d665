import type { ContainerModel } from '../service/model/types';
import type { PairRef } from '../service/parse/nav';

export const PROBE_KEYS = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;

/** The pair of a container field, if written. */
export function field(container: ContainerModel, key: string): PairRef | undefined {
  return container.pairs.get(key);
}

/** `spec.template.spec.initContainers[0].readinessProbe` */
export function fieldPath(container: ContainerModel, ...keys: string[]): string {
  return [container.path, ...keys].join('.');
}

/** "init container 1 of 2 `x`" → "Init container 1 of 2 `x`", for labels that start a sentence. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
