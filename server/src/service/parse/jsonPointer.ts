import type { Document } from 'yaml';
import { isMapRef, isSeqRef, mapGet, seqItems } from './nav';
import type { NodeRef } from './nav';

/** Splits a JSON pointer (`/initContainers/0/comand`) into unescaped segments (`~1` → `/`, `~0` → `~`). */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return pointer === '/' ? [''] : [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export interface PointerTarget {
  /** The node the pointer names, or its nearest existing ancestor. */
  readonly value: NodeRef;
  /** The key node when the last segment that resolved is a mapping key. */
  readonly key: NodeRef | undefined;
  /** False when the pointer went past what exists and `value` is an ancestor. */
  readonly exact: boolean;
  /** How many segments resolved. */
  readonly depth: number;
}

/**
 * Resolves a JSON pointer (as ajv reports it) against the YAML node tree, aliases and merge keys
 * followed like the model does; stops at the nearest existing ancestor.
 */
export function resolvePointer(root: NodeRef, pointer: string | readonly string[], yaml: Document.Parsed): PointerTarget {
  const segments = typeof pointer === 'string' ? pointerSegments(pointer) : pointer;
  let value = root;
  let key: NodeRef | undefined;
  let depth = 0;
  for (const segment of segments) {
    let next: NodeRef | undefined;
    let nextKey: NodeRef | undefined;
    if (isMapRef(value)) {
      const pair = mapGet(value, segment, yaml);
      if (pair) {
        nextKey = pair.key;
        next = pair.value ?? pair.key;
      }
    } else if (isSeqRef(value) && /^\d+$/.test(segment)) {
      const index = Number(segment);
      next = seqItems(value, yaml).find((i) => i.index === index)?.ref;
      nextKey = undefined;
    }
    if (!next) return { value, key, exact: false, depth };
    value = next;
    key = nextKey;
    depth++;
  }
  return { value, key, exact: true, depth };
}
