import type { ContainerModel, PodSpecModel } from '../service/model/types';
import { mapGet, mapValue, scalarText, scalarValue, seqItems } from '../service/parse/nav';
import type { NodeRef, PairRef } from '../service/parse/nav';

/** Init containers and sidecars: what the `init-*` hygiene rules look at. */
export function initLike(pod: PodSpecModel): ContainerModel[] {
  return pod.initContainers.filter((c) => c.role === 'init' || c.role === 'sidecar');
}

/** The container's `securityContext` mapping. */
export function securityContext(container: ContainerModel): NodeRef | undefined {
  return container.pairs.get('securityContext')?.value;
}

/** A container `securityContext` field, as written. */
export function containerSecurityPair(container: ContainerModel, pod: PodSpecModel, key: string): PairRef | undefined {
  return mapGet(securityContext(container), key, pod.yaml);
}

/** A security setting with the pod-level `securityContext` as fallback (runAsUser, runAsNonRoot, seccompProfile…). */
export function effectiveSecurityValue(container: ContainerModel, pod: PodSpecModel, key: string): { value: NodeRef; level: 'container' | 'pod' } | undefined {
  const own = mapValue(securityContext(container), key, pod.yaml);
  if (own) return { value: own, level: 'container' };
  const podLevel = mapValue(pod.pairs.get('securityContext')?.value, key, pod.yaml);
  return podLevel ? { value: podLevel, level: 'pod' } : undefined;
}

export function isTrue(ref: NodeRef | undefined): boolean {
  return scalarValue(ref) === true;
}

export interface ImageReference {
  readonly repository: string;
  readonly tag: string | undefined;
  readonly digest: string | undefined;
}

/** Splits `registry:5000/team/app:1.2@sha256:…` into repository, tag and digest. */
export function parseImage(image: string): ImageReference {
  const at = image.indexOf('@');
  const digest = at === -1 ? undefined : image.slice(at + 1);
  const rest = at === -1 ? image : image.slice(0, at);
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  const tag = colon > slash ? rest.slice(colon + 1) : undefined;
  return { repository: colon > slash ? rest.slice(0, colon) : rest, tag, digest };
}

/** The strings of a YAML list of scalars. */
export function stringList(ref: NodeRef | undefined, pod: PodSpecModel): Array<{ text: string; ref: NodeRef }> {
  return seqItems(ref, pod.yaml).flatMap(({ ref: item }) => {
    const text = scalarText(item);
    return text === undefined ? [] : [{ text, ref: item }];
  });
}

/** Where to report a container-level finding with no field of its own: its `name` value, else its first key. */
export function containerAnchor(container: ContainerModel): NodeRef {
  return container.pairs.get('name')?.value ?? container.pairs.values().next().value?.key ?? container.ref;
}
