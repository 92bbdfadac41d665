import type { Document } from 'yaml';
import { mapPairs, scalarText, scalarValue, seqItems, isMapRef } from '../service/parse/nav';
import type { NodeRef, PairRef } from '../service/parse/nav';
import type { ContainerModel } from './types';

/** One `ports[]` entry as the API validation sees it (E18, E19): protocol defaulted to TCP, hostIP "". */
export interface ApiPort {
  readonly index: number;
  /** The item's mapping. */
  readonly ref: NodeRef;
  readonly pairs: ReadonlyMap<string, PairRef>;
  readonly name: string | undefined;
  readonly nameRef: NodeRef | undefined;
  /** The integer `containerPort`; 0 when not written (Go's zero value); undefined when written but not an integer. */
  readonly containerPort: number | undefined;
  readonly containerPortRef: NodeRef | undefined;
  /** The integer `hostPort`; 0 when not written; undefined when written but not an integer. */
  readonly hostPort: number | undefined;
  readonly hostPortRef: NodeRef | undefined;
  /** `protocol` after defaulting (`TCP` when absent, null or empty). */
  readonly protocol: string;
  readonly protocolRef: NodeRef | undefined;
  readonly hostIP: string;
}

/** An integer scalar; 0 for a missing or null value; undefined for anything else (a type error, left to the schema checks). */
function intField(pair: PairRef | undefined): number | undefined {
  if (!pair || pair.value === undefined) return 0;
  const v = scalarValue(pair.value);
  if (v === null) return 0;
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

function textField(pair: PairRef | undefined): string | undefined {
  const v = scalarValue(pair?.value);
  if (v === undefined || v === null) return undefined;
  return typeof v === 'string' ? v : scalarText(pair?.value);
}

/** The container's `ports` entries that are mappings, with the API defaults applied. */
export function apiPorts(container: ContainerModel, yaml: Document.Parsed): ApiPort[] {
  const out: ApiPort[] = [];
  for (const { index, ref } of seqItems(container.pairs.get('ports')?.value, yaml)) {
    if (!isMapRef(ref)) continue;
    const pairs = new Map<string, PairRef>();
    for (const p of mapPairs(ref, yaml)) pairs.set(p.keyText, p);
    const protocol = textField(pairs.get('protocol'));
    out.push({
      index,
      ref,
      pairs,
      name: textField(pairs.get('name')),
      nameRef: pairs.get('name')?.value,
      containerPort: intField(pairs.get('containerPort')),
      containerPortRef: pairs.get('containerPort')?.value,
      hostPort: intField(pairs.get('hostPort')),
      hostPortRef: pairs.get('hostPort')?.value,
      protocol: protocol === undefined || protocol === '' ? 'TCP' : protocol,
      protocolRef: pairs.get('protocol')?.value,
      hostIP: textField(pairs.get('hostIP')) ?? '',
    });
  }
  return out;
}

/** Where to report something about an entry as a whole: its first key (a block mapping spans many lines), else the mapping. */
export function portAnchor(port: ApiPort): NodeRef {
  const first = port.pairs.values().next();
  return first.done ? port.ref : first.value.key;
}

/** `validation.IsValidPortNum`. */
export function portNumberErrors(port: number): string[] {
  return port >= 1 && port <= 65535 ? [] : ['must be between 1 and 65535, inclusive'];
}

/** `validation.IsValidPortName` (IANA_SVC_NAME): the API's checks, in its order and words. */
export function portNameErrors(name: string): string[] {
  const errors: string[] = [];
  if (name.length > 15) errors.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) errors.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) errors.push('must contain at least one letter (a-z)');
  if (name.includes('--')) errors.push('must not contain consecutive hyphens');
  if (name.startsWith('-') || name.endsWith('-')) errors.push('must not begin or end with a hyphen');
  return errors;
}
