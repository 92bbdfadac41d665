import { defineRule } from './types';
import type { ContainerModel, K8sObject, PodSpecModel, RuleContext } from './types';
import { mapPairs, mapPath, mapValue, scalarText, seqItems } from '../service/parse/nav';
import type { NodeRef } from '../service/parse/nav';
import { mayShareNamespace, neighbourObjects, objectLabel } from './crossObjects';

export interface ContainerDefaults {
  readonly limitRange: K8sObject;
  /** Default requests after LimitRange defaulting (`defaultRequest`, else `default`, else `min`). */
  readonly requests: ReadonlyMap<string, string>;
  /** Default limits after LimitRange defaulting (`default`, else `max`). */
  readonly limits: ReadonlyMap<string, string>;
}

function quantities(ref: NodeRef | undefined, object: K8sObject): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of mapPairs(ref, object.yaml)) {
    const v = scalarText(p.value);
    if (v !== undefined) out.set(p.keyText, v);
  }
  return out;
}

function withFallback(...maps: ReadonlyArray<Map<string, string>>): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of maps) for (const [k, v] of m) if (!out.has(k)) out.set(k, v);
  return out;
}

/** The `type: Container` defaults of a LimitRange, as `SetDefaults_LimitRangeItem` completes them. */
function containerDefaults(limitRange: K8sObject): ContainerDefaults[] {
  const items = mapPath(limitRange.ref, ['spec', 'limits'], limitRange.yaml);
  const out: ContainerDefaults[] = [];
  for (const { ref } of seqItems(items, limitRange.yaml)) {
    if (scalarText(mapValue(ref, 'type', limitRange.yaml)) !== 'Container') continue;
    const get = (key: string): Map<string, string> => quantities(mapValue(ref, key, limitRange.yaml), limitRange);
    const limits = withFallback(get('default'), get('max'));
    const requests = withFallback(get('defaultRequest'), limits, get('min'));
    if (requests.size > 0 || limits.size > 0) out.push({ limitRange, requests, limits });
  }
  return out;
}

/** `resources.requests`/`limits` resource names a container sets. */
function setResources(container: ContainerModel, key: 'requests' | 'limits', object: K8sObject): Set<string> {
  return new Set(mapPairs(mapValue(container.pairs.get('resources')?.value, key, object.yaml), object.yaml).map((p) => p.keyText));
}

/** The container defaults of the first LimitRange (in the file or the open documents) that applies to the pod's namespace. */
export function limitRangeDefaults(pod: PodSpecModel, context: RuleContext): ContainerDefaults | undefined {
  return neighbourObjects(pod.owner, context)
    .filter((o) => o.kind === 'LimitRange' && o.apiVersion === 'v1' && mayShareNamespace(o, pod.owner))
    .flatMap(containerDefaults)[0];
}

/**
 * W19: the LimitRanger admission plugin defaults init containers and sidecars too. Reported on each
 * init container that lacks a request or limit the namespace's LimitRange fills in: the defaulted
 * values count in the pod's effective request (§3) and are checked against the LimitRange min/max.
 * Silent when no LimitRange of the namespace is in the file or the open documents.
 */
export const limitrangeDefaultsApplyToInit = defineRule({
  meta: {
    id: 'limitrange-defaults-apply-to-init',
    catalogueId: 'W19',
    group: 'runtime',
    description: 'A namespace LimitRange fills in the missing requests/limits of an init container or sidecar.',
    defaultSeverity: 'information',
    fixable: false,
    messages: {
      defaulted:
        '{{limitRange}} also applies to init containers and sidecars: admission gives {{container}} {{defaults}}. These values count in the pod\'s effective request (an init container\'s request can set the pod\'s whole-life reservation) and must fit the LimitRange\'s min/max. Set `resources` on {{container}} to what it really needs.',
    },
  },
  crossObject: true,
  checkPod(pod, context) {
    const defaults = limitRangeDefaults(pod, context);
    if (!defaults) return;
    for (const container of pod.initContainers) {
      const requests = setResources(container, 'requests', pod.owner);
      const limits = setResources(container, 'limits', pod.owner);
      const parts: string[] = [];
      const req = [...defaults.requests].filter(([r]) => !requests.has(r) && !limits.has(r));
      const lim = [...defaults.limits].filter(([r]) => !limits.has(r));
      if (req.length > 0) parts.push(`requests ${req.map(([r, v]) => `${r}: ${v}`).join(', ')}`);
      if (lim.length > 0) parts.push(`limits ${lim.map(([r, v]) => `${r}: ${v}`).join(', ')}`);
      if (parts.length === 0) continue;
      const at = container.pairs.get('resources')?.key ?? container.pairs.get('name')?.value ?? container.ref;
      context.report({
        at,
        messageId: 'defaulted',
        data: { limitRange: objectLabel(defaults.limitRange), container: container.label, defaults: parts.join('; ') },
      });
    }
  },
});
