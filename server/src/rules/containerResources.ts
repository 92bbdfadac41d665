import { isScalar } from 'yaml';
import type { Document } from 'yaml';
import type { ContainerModel } from './types';
import { mapPairs, scalarText } from '../service/parse/nav';
import type { NodeRef, PairRef } from '../service/parse/nav';
import { parseQuantity, parseQuantityNode } from '../service/resources/quantity';
import type { Quantity } from '../service/resources/quantity';

/** One `requests`/`limits` entry of a container as written. */
export interface ResourceEntry {
  readonly name: string;
  readonly pair: PairRef;
  /** The value as the API server receives it (source text for YAML numbers), undefined for null / non-scalars. */
  readonly text: string | undefined;
  /** The exact quantity; undefined when the text is not a valid quantity (or missing). */
  readonly quantity: Quantity | undefined;
}

export interface ContainerResourceSpec {
  readonly resources: PairRef;
  readonly requestsPair: PairRef | undefined;
  readonly limitsPair: PairRef | undefined;
  readonly requests: readonly ResourceEntry[];
  readonly limits: readonly ResourceEntry[];
}

const specs = new WeakMap<ContainerModel, ContainerResourceSpec | null>();

/** The `resources.requests` and `resources.limits` of a container, or undefined without `resources` (memoized per container model). */
export function readContainerResources(container: ContainerModel, yaml: Document.Parsed): ContainerResourceSpec | undefined {
  const cached = specs.get(container);
  if (cached !== undefined) return cached ?? undefined;
  const spec = readSpec(container, yaml);
  specs.set(container, spec ?? null);
  return spec;
}

function readSpec(container: ContainerModel, yaml: Document.Parsed): ContainerResourceSpec | undefined {
  const resources = container.pairs.get('resources');
  if (!resources?.value) return undefined;
  const pairs = mapPairs(resources.value, yaml);
  const requestsPair = pairs.find((p) => p.keyText === 'requests');
  const limitsPair = pairs.find((p) => p.keyText === 'limits');
  return { resources, requestsPair, limitsPair, requests: readEntries(requestsPair, yaml), limits: readEntries(limitsPair, yaml) };
}

function readEntries(pair: PairRef | undefined, yaml: Document.Parsed): ResourceEntry[] {
  return mapPairs(pair?.value, yaml)
    .filter((p) => p.keyText !== '')
    .map((p) => ({ name: p.keyText, pair: p, text: quantityText(p.value), quantity: readQuantity(p.value) }));
}

/** The quantity in a scalar. Like the API server's JSON decoding, surrounding whitespace of a string is ignored. */
export function readQuantity(ref: NodeRef | undefined): Quantity | undefined {
  if (ref === undefined || !isScalar(ref.node)) return undefined;
  const v = ref.node.value;
  if (typeof v === 'string') return parseQuantity(v.trim());
  return parseQuantityNode(ref);
}

function quantityText(ref: NodeRef | undefined): string | undefined {
  if (ref === undefined || !isScalar(ref.node) || ref.node.value === null) return undefined;
  const v = ref.node.value;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint') return scalarText(ref);
  return undefined; // booleans and the like: a schema type error
}

/** Which decoding error apimachinery's `ParseQuantity` returns for a text it rejects. */
export function quantityDecodeError(text: string): string {
  const t = text.trim();
  const m = /^[+-]?([0-9]*)(?:\.([0-9]*))?[eEinumkKMGTP]*(?:[-+]?[0-9]*)$/.exec(t);
  if (t === '' || !m) return "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
  if ((m[1] ?? '') === '' && (m[2] ?? '') === '') return 'unable to parse numeric part of quantity';
  return "unable to parse quantity's suffix";
}

/** A plain-language reason why a quantity text is invalid, starting with ": ", or ''. */
export function quantityProblem(text: string): string {
  const t = text.trim();
  const combined = /^[+-]?[0-9]*\.?[0-9]*([eE][-+]?[0-9]+)([A-Za-z]+)$/.exec(t);
  if (combined) return `: a decimal exponent (\`${combined[1]}\`) and a suffix (\`${combined[2]}\`) cannot be combined — write the value with one of them`;
  if (/\s/.test(t)) return ': there must be no space between the number and its suffix';
  const suffix = /^[+-]?[0-9]*\.?[0-9]*([A-Za-z]+)$/.exec(t);
  if (suffix && /[0-9]/.test(t)) {
    return `: \`${suffix[1]}\` is not a suffix Kubernetes knows (decimal: \`m\`, \`k\`, \`M\`, \`G\`, \`T\`, \`P\`, \`E\`; binary: \`Ki\`, \`Mi\`, \`Gi\`, \`Ti\`, \`Pi\`, \`Ei\`; exponent: \`e3\`)`;
  }
  return '';
}

/** The exact decimal value of a quantity (`1073741824`, `1.5`, `0.005`). */
export function plainQuantity(q: Quantity): string {
  const negative = q.nano < 0n;
  const abs = negative ? -q.nano : q.nano;
  const whole = abs / 1_000_000_000n;
  const frac = (abs % 1_000_000_000n).toString().padStart(9, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

// Resource names (pkg/apis/core/helper): which ones containers may use and which may be overcommitted.

const CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function isHugePagesResource(name: string): boolean {
  return name.startsWith('hugepages-');
}

export function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

export function isExtendedResource(name: string): boolean {
  return !isNativeResource(name) && !name.startsWith('requests.') && qualifiedNameProblem(`requests.${name}`) === undefined;
}

/** Requests may differ from limits only for native resources other than huge pages. */
export function isOvercommitAllowed(name: string): boolean {
  return isNativeResource(name) && !isHugePagesResource(name);
}

/** `validateContainerResourceName`: the first detail the API server gives for a bad container resource name. */
export function containerResourceNameProblem(name: string): string | undefined {
  const qualified = qualifiedNameProblem(name);
  if (qualified) return qualified;
  if (!name.includes('/')) {
    return CONTAINER_RESOURCES.has(name) || isHugePagesResource(name) ? undefined : 'must be a standard resource for containers';
  }
  if (isNativeResource(name) || isExtendedResource(name)) return undefined;
  return "doesn't follow extended resource name standard";
}

function qualifiedNameProblem(value: string): string | undefined {
  const parts = value.split('/');
  if (parts.length > 2) {
    return "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";
  }
  const name = parts.length === 2 ? (parts[1] as string) : value;
  if (parts.length === 2) {
    const prefix = parts[0] as string;
    if (prefix.length === 0) return 'prefix part must be non-empty';
    if (prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix)) {
      return "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    }
  }
  if (name.length === 0) return 'name part must be non-empty';
  if (name.length > 63) return 'name part must be no more than 63 characters';
  if (!QUALIFIED_NAME_PART.test(name)) {
    return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
  }
  return undefined;
}
