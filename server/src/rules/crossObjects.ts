import { mapPairs, mapPath, scalarText } from '../service/parse/nav';
import type { NodeRef } from '../service/parse/nav';
import type { K8sObject, PodSpecModel } from '../service/model/types';
import type { RuleContext } from './types';

/**
 * Helpers for rules that read other objects (Services, LimitRanges): the other documents of the file,
 * the workspace's open documents, and the other objects of the rule's own document (List items).
 */
export function neighbourObjects(self: K8sObject, context: RuleContext): K8sObject[] {
  return [...context.document.objects.filter((o) => o !== self), ...context.otherObjects];
}

/**
 * Whether two objects may live in the same namespace. An object without `metadata.namespace` goes to
 * whatever namespace it is applied to, so it may match any namespace.
 */
export function mayShareNamespace(a: K8sObject, b: K8sObject): boolean {
  return a.namespace === undefined || b.namespace === undefined || a.namespace === b.namespace;
}

/** A mapping of strings (labels, selectors) as a plain record. */
export function stringMap(ref: NodeRef | undefined, object: K8sObject): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of mapPairs(ref, object.yaml)) {
    const v = scalarText(p.value);
    if (v !== undefined) out.set(p.keyText, v);
  }
  return out;
}

const podLabelsCache = new WeakMap<PodSpecModel, ReadonlyMap<string, string>>();

/** The labels of the pods a pod spec creates: `metadata.labels` of its template (of the Pod itself for a bare Pod). */
export function podLabels(pod: PodSpecModel): ReadonlyMap<string, string> {
  // Memoized: a Service is matched against every workload of the file and of the open documents.
  const cached = podLabelsCache.get(pod);
  if (cached) return cached;
  const owner = pod.owner;
  const segments = pod.path.slice(owner.pathPrefix.length).split('.');
  const template = segments.slice(0, -1);
  const labels = stringMap(mapPath(owner.ref, [...template, 'metadata', 'labels'], owner.yaml), owner);
  podLabelsCache.set(pod, labels);
  return labels;
}

/** Equality-based selector match (`spec.selector` of a Service); an empty selector matches nothing here. */
export function selectorMatches(selector: ReadonlyMap<string, string>, labels: ReadonlyMap<string, string>): boolean {
  if (selector.size === 0) return false;
  for (const [k, v] of selector) if (labels.get(k) !== v) return false;
  return true;
}

/** `Deployment \`web\``, for messages about another object. */
export function objectLabel(object: K8sObject): string {
  return object.name ? `${object.kind} \`${object.name}\`` : object.kind;
}
