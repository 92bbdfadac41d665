/**
 * Exact Kubernetes resource quantities (a port of apimachinery `resource.Quantity`, spec side only).
 *
 * API:
 * - `parseQuantity(value)` → `Quantity | undefined`. Accepts a string (`100m`, `0.5`, `.5`, `+1`, `-2`, `1e3`,
 *   `1E3`, `1e-3`, `1Ki`…`1Ei`, `1n`/`1u`/`1m`/`1k`/`1M`/`1G`/`1T`/`1P`/`1E`) or a finite number (a YAML
 *   number such as `cpu: 2` or `cpu: 0.5`). Anything the API server rejects (`1e3m`, `1.5.5`, `Mi`, `1K`,
 *   `1 Gi`, empty) gives undefined. Like Kubernetes, values are rounded up (away from zero) to nano-units and
 *   binary-suffixed values are capped at 2^63-1.
 * - `parseQuantityNode(ref)` → the quantity a YAML scalar holds (source text for numbers when valid).
 * - `formatQuantity(q)` → the canonical string Kubernetes prints (`2`, `350m`, `1336Mi`, `1152Mi`, `1100m`, `1e3`).
 * - `compareQuantities(a, b)` → -1 | 0 | 1; `addQuantities(a, b)`, `maxQuantity(a, b)`, `isZeroQuantity(q)`,
 *   `zeroQuantity(format?)`, `quantityRatio(a, b)` (a / b as a float, for messages only).
 *
 * A `Quantity` is `{ nano, format }`: the exact value times 10^9 as a BigInt (no floating point anywhere) and
 * the format Kubernetes keeps for printing (`DecimalSI` for plain and SI suffixes, `BinarySI` for `Ki`…`Ei`,
 * `DecimalExponent` for `e`/`E` exponents). Arithmetic keeps the format like Go's `Quantity.Add`: the left
 * operand's, or the right one's when the left is zero.
 */
import { isScalar } from 'yaml';
import type { NodeRef } from '../parse/nav';

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** The value times 10^9, exact. */
  readonly nano: bigint;
  readonly format: QuantityFormat;
}

const NANO = 1_000_000_000n;
const MAX_BINARY = ((1n << 63n) - 1n) * NANO;
/** Exponents beyond this are not representable here (Kubernetes accepts them but no real manifest has them). */
const MAX_EXPONENT = 1000;

const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_BY_EXPONENT = new Map<number, string>(Object.entries(DECIMAL_SUFFIXES).map(([s, e]) => [e, s]));
const BINARY_BY_EXPONENT = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

// sign, integer digits, optional fraction, suffix: the grammar of apimachinery's parseQuantityString.
const QUANTITY_RE = /^([+-]?)([0-9]*)(?:\.([0-9]*))?([eEinumkKMGTP]*(?:[-+]?[0-9]+)?)$/;

export function zeroQuantity(format: QuantityFormat = 'DecimalSI'): Quantity {
  return { nano: 0n, format };
}

/** Parses a quantity string or a YAML number; undefined when Kubernetes would reject it. */
export function parseQuantity(value: unknown): Quantity | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? parseQuantityString(numberText(value)) : undefined;
  if (typeof value === 'bigint') return parseQuantityString(value.toString());
  if (typeof value !== 'string') return undefined;
  return parseQuantityString(value);
}

/** The quantity held by a YAML scalar: strings as written; numbers by their source text when that is valid. */
export function parseQuantityNode(ref: NodeRef | undefined): Quantity | undefined {
  if (ref === undefined || !isScalar(ref.node)) return undefined;
  const node = ref.node;
  const v = node.value;
  if (typeof v === 'number' || typeof v === 'bigint') {
    const fromSource = typeof node.source === 'string' ? parseQuantityString(node.source) : undefined;
    return fromSource ?? parseQuantity(v);
  }
  return parseQuantity(v);
}

/** How a JSON encoder writes the number (what the API server receives from kubectl). */
function numberText(n: number): string {
  return Object.is(n, -0) ? '0' : String(n);
}

// Parsed quantities by their text (frozen and shared: a manifest repeats `100m`, `128Mi` … hundreds of times).
// `null` records a rejected text. Bounded: cleared when full.
const parsed = new Map<string, Quantity | null>();
const PARSED_MAX = 5000;

function parseQuantityString(str: string): Quantity | undefined {
  const hit = parsed.get(str);
  if (hit !== undefined) return hit ?? undefined;
  const q = parseQuantityText(str);
  if (parsed.size >= PARSED_MAX) parsed.clear();
  parsed.set(str, q ? Object.freeze(q) : null);
  return q;
}

function parseQuantityText(str: string): Quantity | undefined {
  if (str.length === 0) return undefined;
  if (str === '0') return zeroQuantity();
  const m = QUANTITY_RE.exec(str);
  if (!m) return undefined;
  const [, sign = '', intDigits = '', fracDigits = '', suffix = ''] = m;
  if (intDigits.length === 0 && fracDigits.length === 0) return undefined; // `Mi`, `.`, `+`
  const interpreted = interpretSuffix(suffix);
  if (!interpreted) return undefined;
  const { base, exponent, format } = interpreted;
  const digits = BigInt((intDigits + fracDigits).replace(/^0+(?=.)/, '') || '0');
  // value = digits × 10^-len(frac) × base^exponent; scale to nano and round up (away from zero).
  let numerator = digits * NANO;
  let denominator = 10n ** BigInt(fracDigits.length);
  if (base === 2) numerator *= 1n << BigInt(exponent);
  else if (exponent >= 0) numerator *= 10n ** BigInt(exponent);
  else denominator *= 10n ** BigInt(-exponent);
  let nano = numerator / denominator;
  if (numerator % denominator !== 0n) nano += 1n;
  let fmt = format;
  if (fmt === 'BinarySI') {
    if (nano > MAX_BINARY) nano = MAX_BINARY;
    if (nano > 0n && nano < NANO) fmt = 'DecimalSI';
  }
  return { nano: sign === '-' ? -nano : nano, format: fmt };
}

function interpretSuffix(suffix: string): { base: 10 | 2; exponent: number; format: QuantityFormat } | undefined {
  const dec = DECIMAL_SUFFIXES[suffix];
  if (dec !== undefined) return { base: 10, exponent: dec, format: 'DecimalSI' };
  const bin = BINARY_SUFFIXES[suffix];
  if (bin !== undefined) return { base: 2, exponent: bin, format: 'BinarySI' };
  const e = /^[eE]([-+]?[0-9]+)$/.exec(suffix);
  if (e) {
    const exponent = Number(e[1]);
    // Go parses the exponent as an int32.
    if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > MAX_EXPONENT) return undefined;
    return { base: 10, exponent, format: 'DecimalExponent' };
  }
  return undefined;
}

export function isZeroQuantity(q: Quantity): boolean {
  return q.nano === 0n;
}

export function compareQuantities(a: Quantity, b: Quantity): -1 | 0 | 1 {
  return a.nano < b.nano ? -1 : a.nano > b.nano ? 1 : 0;
}

/** a + b with Go's format rule: a's format, or b's when a is zero. */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  return { nano: a.nano + b.nano, format: a.nano === 0n ? b.format : a.format };
}

/** Go's `maxResourceList` step: b replaces a only when strictly greater. */
export function maxQuantity(a: Quantity, b: Quantity): Quantity {
  return b.nano > a.nano ? b : a;
}

/** a / b as a float (for wording such as "5.7×"); undefined when b is zero. */
export function quantityRatio(a: Quantity, b: Quantity): number | undefined {
  if (b.nano === 0n) return undefined;
  // Scale to keep 6 significant decimals before converting.
  const scaled = (a.nano * 1_000_000n) / b.nano;
  return Number(scaled) / 1_000_000;
}

/** The canonical form Kubernetes prints for the quantity. */
export function formatQuantity(q: Quantity): string {
  if (q.nano === 0n) return '0';
  let format = q.format;
  if (format === 'BinarySI') {
    const abs = q.nano < 0n ? -q.nano : q.nano;
    if (abs < 1024n * NANO || abs % NANO !== 0n) format = 'DecimalSI';
  }
  if (format === 'BinarySI') {
    let amount = q.nano / NANO;
    let exponent = 0;
    while (exponent < BINARY_BY_EXPONENT.length - 1 && amount % 1024n === 0n) {
      amount /= 1024n;
      exponent++;
    }
    return `${amount}${BINARY_BY_EXPONENT[exponent] ?? ''}`;
  }
  let amount = q.nano;
  let exponent = -9;
  while (amount % 10n === 0n) {
    amount /= 10n;
    exponent++;
  }
  while (((exponent % 3) + 3) % 3 !== 0) {
    amount *= 10n;
    exponent--;
  }
  if (format === 'DecimalExponent') return exponent === 0 ? `${amount}` : `${amount}e${exponent}`;
  const suffix = DECIMAL_BY_EXPONENT.get(exponent);
  return suffix !== undefined ? `${amount}${suffix}` : `${amount}e${exponent}`;
}
