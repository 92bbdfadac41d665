import { isScalar } from 'yaml';
import type { ContainerModel, PodSpecModel } from './types';
import { mapPairs } from '../service/parse/nav';
import type { PairRef } from '../service/parse/nav';
import { PROBE_KEYS } from './ruleUtils';

/** Handler fields in the order the API server checks them (`validateHandler`): the first one present wins. */
export const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;
export const HOOK_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'] as const;
export const HOOK_KEYS = ['postStart', 'preStop'] as const;

/** A probe or a lifecycle hook the API server validates in full. */
export interface HandlerSite {
  readonly container: ContainerModel;
  readonly kind: 'probe' | 'hook';
  /** `livenessProbe`, `readinessProbe`, `startupProbe`, `postStart` or `preStop`. */
  readonly key: string;
  readonly pair: PairRef;
  /** API path, e.g. `spec.initContainers[0].lifecycle.preStop`. */
  readonly path: string;
  /** Fields of the probe or hook mapping. */
  readonly fields: ReadonlyMap<string, PairRef>;
}

/** Whether a field is set in the API's sense (`key:` and `key: null` are not). */
export function isSet(pair: PairRef | undefined): pair is PairRef & { value: NonNullable<PairRef['value']> } {
  if (!pair?.value) return false;
  return !(isScalar(pair.value.node) && pair.value.node.value === null);
}

/**
 * Probes and hooks of the containers whose probes and hooks are validated: app containers and sidecars.
 * A regular init container may not have them at all (E01/E02); an ephemeral container neither.
 */
export function handlerSites(pod: PodSpecModel): HandlerSite[] {
  const out: HandlerSite[] = [];
  for (const container of [...pod.initContainers, ...pod.containers]) {
    if (container.role !== 'sidecar' && container.role !== 'app') continue;
    for (const key of PROBE_KEYS) {
      const pair = container.pairs.get(key);
      if (!isSet(pair)) continue;
      out.push({ container, kind: 'probe', key, pair, path: `${container.path}.${key}`, fields: toMap(mapPairs(pair.value, pod.yaml)) });
    }
    const lifecycle = container.pairs.get('lifecycle');
    if (!isSet(lifecycle)) continue;
    const hooks = toMap(mapPairs(lifecycle.value, pod.yaml));
    for (const key of HOOK_KEYS) {
      const pair = hooks.get(key);
      if (!isSet(pair)) continue;
      out.push({ container, kind: 'hook', key, pair, path: `${container.path}.lifecycle.${key}`, fields: toMap(mapPairs(pair.value, pod.yaml)) });
    }
  }
  return out;
}

/** The handlers written on a probe or hook, in the API's order; the first is validated, the others are rejected. */
export function writtenHandlers(site: HandlerSite): Array<{ name: string; pair: PairRef & { value: NonNullable<PairRef['value']> } }> {
  const names: readonly string[] = site.kind === 'probe' ? PROBE_HANDLERS : HOOK_HANDLERS;
  const out: Array<{ name: string; pair: PairRef & { value: NonNullable<PairRef['value']> } }> = [];
  for (const name of names) {
    const pair = site.fields.get(name);
    if (isSet(pair)) out.push({ name, pair });
  }
  return out;
}

/** "the `livenessProbe` of sidecar `proxy`", "the `preStop` hook of container `app`". */
export function siteLabel(site: HandlerSite): string {
  return site.kind === 'probe' ? `the \`${site.key}\` of ${site.container.label}` : `the \`${site.key}\` hook of ${site.container.label}`;
}

function toMap(pairs: PairRef[]): Map<string, PairRef> {
  const out = new Map<string, PairRef>();
  for (const p of pairs) out.set(p.keyText, p);
  return out;
}
