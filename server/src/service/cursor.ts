/**
 * Where a cursor is: the YAML path from the document root to the key or value under the offset, and the
 * Kubernetes object, pod spec and container it falls in (with the path relative to each).
 */
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Node, Pair } from 'yaml';
import type { ContainerModel, K8sObject, ManifestDocument, PodSpecModel } from './model/types';
import type { Span } from './parse/nav';
import type { ParsedFile } from './parsedFile';

export type PathSegment =
  | { readonly kind: 'key'; readonly key: string; readonly keySpan: Span; readonly value: Node | null; readonly pairSpan: Span }
  | { readonly kind: 'item'; readonly index: number; readonly node: Node; readonly span: Span };

export interface CursorContext {
  readonly document: ManifestDocument;
  /** Absolute offset of the document's chunk (add to chunk-relative spans). */
  readonly base: number;
  /** Chunk-relative offset of the cursor. */
  readonly offset: number;
  readonly path: readonly PathSegment[];
  /** True when the cursor is on the last segment's key; false when in its value. */
  readonly onKey: boolean;
  /** Span of the scalar under the cursor (key or scalar value), when there is one. */
  readonly scalarSpan: Span | undefined;
  readonly scalarText: string | undefined;
  readonly object: K8sObject | undefined;
  readonly pod: PodSpecModel | undefined;
  /** Keys/indices below the pod spec mapping (e.g. `['initContainers', 0, 'name']`). */
  readonly podPath: readonly (string | number)[];
  readonly container: ContainerModel | undefined;
  /** Keys/indices below the container mapping (e.g. `['resources', 'requests']`). */
  readonly containerPath: readonly (string | number)[];
}

/** The manifest document whose chunk holds the absolute offset. */
export function documentAt(file: ParsedFile, offset: number): ManifestDocument | undefined {
  let found: ManifestDocument | undefined;
  for (const d of file.manifest.documents) {
    if (d.source.offset <= offset && offset <= d.source.offset + d.source.text.length) found ??= d;
  }
  return found;
}

export function cursorAt(file: ParsedFile, absoluteOffset: number): CursorContext | undefined {
  const document = documentAt(file, absoluteOffset);
  const yaml = document?.source.yaml;
  if (!document || !yaml || document.templateAt !== undefined) return undefined;
  const base = document.source.offset;
  const offset = absoluteOffset - base;
  const path: PathSegment[] = [];
  const maps: Array<{ node: Node; depth: number }> = [];
  let onKey = false;
  let scalar: { span: Span; text: string } | undefined;
  let node: Node | null = yaml.contents as Node | null;
  while (node) {
    if (isMap(node)) {
      maps.push({ node, depth: path.length });
      const hit = pairAt(node.items as Array<Pair<Node | null, Node | null>>, offset);
      if (!hit) break;
      const { pair, onKey: k } = hit;
      const key = pair.key as Node;
      const keySpan = spanOf(key);
      const valueSpan = pair.value ? spanOf(pair.value) : keySpan;
      path.push({ kind: 'key', key: isScalar(key) ? String(key.value) : '', keySpan, value: pair.value, pairSpan: { start: keySpan.start, end: Math.max(keySpan.end, valueSpan.end) } });
      if (k) {
        onKey = true;
        if (isScalar(key)) scalar = { span: keySpan, text: String(key.value) };
        break;
      }
      node = pair.value;
    } else if (isSeq(node)) {
      const items = node.items as Array<Node | null>;
      const index = items.findIndex((item) => item !== null && contains(spanOf(item), offset));
      if (index < 0) break;
      const item = items[index] as Node;
      path.push({ kind: 'item', index, node: item, span: spanOf(item) });
      node = item;
    } else {
      if (isScalar(node)) scalar = { span: spanOf(node), text: node.value === null ? '' : String(node.value) };
      break;
    }
  }

  const object = deepest(maps, (n) => document.objects.find((o) => o.ref.node === n));
  const pod = deepest(maps, (n) => document.podSpecs.find((p) => p.ref.node === n));
  const container = pod ? deepest(maps, (n) => pod.value.allContainers.find((c) => c.ref.node === n)) : undefined;
  return {
    document,
    base,
    offset,
    path,
    onKey,
    scalarSpan: scalar?.span,
    scalarText: scalar?.text,
    object: object?.value,
    pod: pod?.value,
    podPath: pod ? keysOf(path.slice(pod.depth)) : [],
    container: container?.value,
    containerPath: container ? keysOf(path.slice(container.depth)) : [],
  };
}

function pairAt(items: Array<Pair<Node | null, Node | null>>, offset: number): { pair: Pair<Node | null, Node | null>; onKey: boolean } | undefined {
  for (const pair of items) {
    if (!isPair(pair) || !pair.key) continue;
    const key = pair.key as Node;
    if (isScalar(key) && key.value === '<<') continue;
    if (contains(spanOf(key), offset)) return { pair, onKey: true };
    if (pair.value && contains(spanOf(pair.value), offset)) return { pair, onKey: false };
  }
  return undefined;
}

function deepest<T>(maps: ReadonlyArray<{ node: Node; depth: number }>, find: (n: Node) => T | undefined): { value: T; depth: number } | undefined {
  for (let i = maps.length - 1; i >= 0; i--) {
    const m = maps[i] as { node: Node; depth: number };
    const value = find(m.node);
    if (value !== undefined) return { value, depth: m.depth };
  }
  return undefined;
}

function keysOf(path: readonly PathSegment[]): (string | number)[] {
  return path.map((s) => (s.kind === 'key' ? s.key : s.index));
}

function spanOf(node: Node): Span {
  const r = node.range;
  return r ? { start: r[0], end: r[1] } : { start: -1, end: -1 };
}

function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

/** The pod spec a request at this offset is about: the one under the cursor, else the first of the object, the document, the file. */
export function podAt(file: ParsedFile, absoluteOffset: number): PodSpecModel | undefined {
  const cursor = cursorAt(file, absoluteOffset);
  if (cursor?.pod) return cursor.pod;
  if (cursor?.object?.podSpecs[0]) return cursor.object.podSpecs[0];
  const inDocument = (cursor?.document ?? documentAt(file, absoluteOffset))?.podSpecs[0];
  return inDocument ?? file.manifest.documents.find((d) => d.podSpecs.length > 0)?.podSpecs[0];
}
