// A small YAML tree and renderer for the fuzz generators: block and flow style, quoting, anchors,
// aliases and merge keys, LF or CRLF, a byte order mark, comments and odd indentation.

export type Scalar = string | number | boolean | null;

export type Y =
  | { readonly t: 'scalar'; readonly v: Scalar; readonly quote?: 'plain' | 'single' | 'double' }
  | { readonly t: 'seq'; readonly items: readonly Y[]; readonly flow?: boolean; readonly anchor?: string }
  | { readonly t: 'map'; readonly pairs: ReadonlyArray<readonly [string, Y]>; readonly flow?: boolean; readonly anchor?: string; readonly merge?: readonly string[] }
  | { readonly t: 'alias'; readonly name: string };

export const s = (v: Scalar, quote?: 'plain' | 'single' | 'double'): Y => (quote ? { t: 'scalar', v, quote } : { t: 'scalar', v });
export const seq = (items: readonly Y[], flow = false): Y => ({ t: 'seq', items, flow });
export const map = (pairs: ReadonlyArray<readonly [string, Y | undefined]>, flow = false): Y => ({
  t: 'map',
  pairs: pairs.filter((p): p is readonly [string, Y] => p[1] !== undefined),
  flow,
});

/** Converts plain data to the tree. */
export function fromData(value: unknown): Y {
  if (Array.isArray(value)) return seq(value.map(fromData));
  if (value !== null && typeof value === 'object') return map(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, fromData(v)] as const));
  return s(value === undefined ? null : (value as Scalar));
}

export interface RenderStyle {
  readonly indent: 2 | 3 | 4;
  /** Block sequences under a key: `- ` at the key's column (compact) or indented. */
  readonly compactSeqs: boolean;
  readonly crlf: boolean;
  readonly bom: boolean;
  /** Probability that a collection is written in flow style. */
  readonly flow: number;
  /** Put comments between entries. */
  readonly comments: boolean;
  /** Add trailing spaces after some values. */
  readonly trailingSpaces: boolean;
}

const PLAIN_SAFE = /^[A-Za-z_/.][A-Za-z0-9_./:@+=-]*$/;
const NEEDS_QUOTES = /^(?:true|false|yes|no|on|off|null|~|y|n)$/i;

function renderScalar(v: Scalar, quote: 'plain' | 'single' | 'double' | undefined, inFlow: boolean): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : Number.isNaN(v) ? '.nan' : v > 0 ? '.inf' : '-.inf';
  const plainOk = PLAIN_SAFE.test(v) && !NEEDS_QUOTES.test(v) && !/^[0-9.+-]/.test(v) && !(inFlow && /[,[\]{}]/.test(v)) && !v.includes(': ') && !v.includes(' #');
  if ((quote === 'plain' || quote === undefined) && plainOk) return v;
  if (quote === 'single' && !/[\n\r\\]/.test(v)) return `'${v.replace(/'/g, "''")}'`;
  return JSON.stringify(v);
}

function keyText(k: string): string {
  return PLAIN_SAFE.test(k) && !NEEDS_QUOTES.test(k) && !/^[0-9.+-]/.test(k) ? k : JSON.stringify(k);
}

/** Renders one YAML document (no `---`), with `choose(n)` picking style decisions (0 ≤ result < n). */
export function render(root: Y, style: RenderStyle, choose: (n: number) => number): string {
  const lines: string[] = [];
  const pad = (n: number): string => ' '.repeat(n);
  const flowText = (y: Y): string => {
    switch (y.t) {
      case 'scalar':
        return renderScalar(y.v, y.quote, true);
      case 'alias':
        return `*${y.name}`;
      case 'seq':
        return `${y.anchor ? `&${y.anchor} ` : ''}[${y.items.map(flowText).join(', ')}]`;
      case 'map': {
        const merges = (y.merge ?? []).map((m) => `<<: *${m}`);
        return `${y.anchor ? `&${y.anchor} ` : ''}{${[...merges, ...y.pairs.map(([k, v]) => `${keyText(k)}: ${flowText(v)}`)].join(', ')}}`;
      }
    }
  };
  const isFlow = (y: Y): boolean => {
    if (y.t !== 'seq' && y.t !== 'map') return false;
    const size = y.t === 'seq' ? y.items.length : y.pairs.length + (y.merge?.length ?? 0);
    return y.flow === true || size === 0 || choose(1000) < style.flow * 1000;
  };
  const trail = (): string => (style.trailingSpaces && choose(8) === 0 ? '  ' : '');
  const comment = (col: number): void => {
    if (style.comments && choose(10) === 0) lines.push(`${pad(col)}# ${['note', 'k8s-init-disable-next-line', 'TODO: 🚀 check', '---'][choose(4)]}`);
  };
  // Writes `prefix` + value where prefix is e.g. "key:" or "-" at column `col` (of the prefix).
  const block = (prefix: string, y: Y, col: number, childCol: number): void => {
    const head = `${pad(col)}${prefix}`;
    if (y.t === 'scalar' || y.t === 'alias') {
      const text = y.t === 'alias' ? `*${y.name}` : renderScalar(y.v, y.quote, false);
      if (y.t === 'scalar' && typeof y.v === 'string' && y.v.includes('\n') && choose(2) === 0) {
        lines.push(`${head} |${y.v.endsWith('\n') ? '' : '-'}`);
        for (const l of y.v.replace(/\n$/, '').split('\n')) lines.push(l === '' ? '' : `${pad(childCol)}${l}`);
        return;
      }
      lines.push(`${head}${prefix === '' ? '' : ' '}${text}${trail()}`);
      return;
    }
    const anchor = y.anchor ? ` &${y.anchor}` : '';
    if (isFlow(y)) {
      lines.push(`${head}${prefix === '' ? '' : ' '}${flowText(y)}${trail()}`);
      return;
    }
    if (y.t === 'seq') {
      lines.push(`${head}${anchor}`);
      const dashCol = prefix.startsWith('-') || !style.compactSeqs ? childCol : col;
      for (const item of y.items) {
        comment(dashCol);
        blockItem(item, dashCol);
      }
      return;
    }
    if (prefix !== '' || anchor !== '') lines.push(`${head}${anchor}`);
    mapBody(y, childCol);
  };
  const mapBody = (y: Y & { t: 'map' }, col: number): void => {
    for (const m of y.merge ?? []) lines.push(`${pad(col)}<<: *${m}`);
    for (const [k, v] of y.pairs) {
      comment(col);
      block(`${keyText(k)}:`, v, col, col + style.indent);
    }
  };
  const blockItem = (item: Y, dashCol: number): void => {
    if (item.t === 'map' && !isFlow(item) && item.pairs.length > 0 && !item.anchor && !(item.merge?.length)) {
      // `- key: value` with the other keys aligned under the first.
      const start = lines.length;
      mapBody(item, dashCol + 2);
      const first = lines[start] as string;
      lines[start] = `${pad(dashCol)}- ${first.slice(dashCol + 2)}`;
      return;
    }
    block('-', item, dashCol, dashCol + 2);
  };
  if (root.t === 'map' && !isFlow(root)) {
    if (root.anchor) lines.push(`&${root.anchor}`);
    mapBody(root, 0);
  } else {
    block('', root, 0, style.indent);
  }
  return lines.join(style.crlf ? '\r\n' : '\n') + (style.crlf ? '\r\n' : '\n');
}

/** Joins documents into one file with `---` markers, adding the BOM and line ends of the style. */
export function joinDocuments(docs: readonly string[], style: RenderStyle, leadingMarker: boolean): string {
  const eol = style.crlf ? '\r\n' : '\n';
  const body = docs.map((d, i) => (i > 0 || leadingMarker ? `---${eol}${d}` : d)).join('');
  return (style.bom ? '\uFEFF' : '') + body;
}
