import { stringify } from 'yaml';
import type { Eol } from './text';

/**
 * Pre-rendered YAML inserted as written: flow text on one line, or (as a sequence item) block text whose
 * lines after the first are relative to the item's column.
 */
export class RawYaml {
  constructor(readonly text: string) {}
}

/** A block mapping or sequence moved from elsewhere: its lines relative to column 0, re-indented where it lands. */
export class RawBlock {
  constructor(
    readonly text: string,
    readonly isSeq: boolean,
  ) {}
}

export type YamlValue = string | number | boolean | null | RawYaml | RawBlock | readonly YamlValue[] | { readonly [key: string]: YamlValue };

/** How a document writes block YAML. */
export interface YamlStyle {
  /** Spaces per nesting level of mappings. */
  readonly indent: number;
  /** True when `- ` items are indented under their key (`key:\n  - a`), false for `key:\n- a`. */
  readonly indentSeq: boolean;
  readonly eol: Eol;
  /** True for JSON-like text: quoted keys and strings. */
  readonly json?: boolean;
}

function isRecord(v: YamlValue): v is { readonly [key: string]: YamlValue } {
  return typeof v === 'object' && v !== null && !(v instanceof RawYaml) && !(v instanceof RawBlock) && !Array.isArray(v);
}

const FLOW_UNSAFE = /[,[\]{}]/;

/** A scalar in YAML: plain when that reads back as the same value, else double-quoted. */
export function renderScalar(value: string | number | boolean | null, flow: boolean, json = false): string {
  if (value === null) return json ? 'null' : 'null';
  if (typeof value !== 'string') return String(value);
  if (json) return JSON.stringify(value);
  if (value.includes('\n') || value === '') return JSON.stringify(value);
  const text = stringify(value, { lineWidth: 0 }).replace(/\r?\n$/, '');
  if (text.includes('\n')) return JSON.stringify(value);
  if (flow && (text[0] !== '"' && text[0] !== "'") && FLOW_UNSAFE.test(text)) return JSON.stringify(value);
  if (text.startsWith("'")) return JSON.stringify(value);
  return text;
}

export function renderKey(key: string, json = false): string {
  return renderScalar(key, true, json);
}

/** A value in flow style: `{name: work, emptyDir: {}}`. */
export function renderFlow(value: YamlValue, json = false): string {
  if (value instanceof RawYaml) return value.text;
  if (value instanceof RawBlock) throw new Error('a block value cannot be written in flow style');
  if (Array.isArray(value)) return `[${value.map((v: YamlValue) => renderFlow(v, json)).join(', ')}]`;
  if (isRecord(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return `{${entries.map(([k, v]) => `${renderKey(k, json)}: ${renderFlow(v, json)}`).join(', ')}}`;
  }
  return renderScalar(value as string | number | boolean | null, true, json);
}

/** Whether a value renders on the key's line (scalars, empty or raw collections). */
function inline(value: YamlValue): boolean {
  if (value instanceof RawYaml) return true;
  if (Array.isArray(value)) return value.every((v: YamlValue) => v === null || typeof v !== 'object');
  if (isRecord(value)) return Object.keys(value).length === 0;
  return true;
}

/**
 * The text that follows `key:` for a value in block style, where the key sits at column `column`:
 * ` value` for scalars, or a line break and the nested lines.
 */
export function renderBlockValue(value: YamlValue, column: number, style: YamlStyle): string {
  if (value instanceof RawBlock) {
    const col = column + (value.isSeq ? (style.indentSeq ? style.indent : 0) : style.indent);
    return value.text
      .split(/\r?\n/)
      .map((line) => (line === '' ? style.eol : `${style.eol}${' '.repeat(col)}${line}`))
      .join('');
  }
  if (inline(value)) return ` ${renderFlow(value, style.json)}`;
  if (Array.isArray(value)) {
    const dash = column + (style.indentSeq ? style.indent : 0);
    return value.map((item: YamlValue) => `${style.eol}${' '.repeat(dash)}${renderSeqItemBody(item, dash, style)}`).join('');
  }
  const child = column + style.indent;
  return Object.entries(value as Record<string, YamlValue>)
    .map(([k, v]) => `${style.eol}${' '.repeat(child)}${renderKey(k, style.json)}:${renderBlockValue(v, child, style)}`)
    .join('');
}

/** `- item` for a block sequence whose dash is at column `dash` (no leading indentation, no final line break). */
export function renderSeqItemBody(value: YamlValue, dash: number, style: YamlStyle): string {
  if (value instanceof RawYaml && value.text.includes('\n')) {
    return `- ${value.text.split(/\r?\n/).map((l, i) => (i === 0 || l === '' ? l : ' '.repeat(dash + 2) + l)).join(style.eol)}`;
  }
  if (isRecord(value) && Object.keys(value).length > 0) {
    const col = dash + 2;
    return `- ${renderMapBody(value, col, style)}`;
  }
  return `- ${renderFlow(value, style.json)}`;
}

/** The pairs of a mapping in block style, the first without indentation, the others at `column`. */
export function renderMapBody(value: { readonly [key: string]: YamlValue }, column: number, style: YamlStyle): string {
  return Object.entries(value)
    .map(([k, v], i) => `${i === 0 ? '' : `${style.eol}${' '.repeat(column)}`}${renderKey(k, style.json)}:${renderBlockValue(v, column, style)}`)
    .join('');
}

/** A `key: value` pair in block style at `column` (no leading indentation, no final line break). */
export function renderPairBlock(key: string, value: YamlValue, column: number, style: YamlStyle): string {
  return `${renderKey(key, style.json)}:${renderBlockValue(value, column, style)}`;
}

/** A `key: value` pair in flow style. */
export function renderPairFlow(key: string, value: YamlValue, json = false): string {
  return `${renderKey(key, json)}: ${renderFlow(value, json)}`;
}

/** Detects the indentation style of a YAML text (defaults: 2 spaces, `- ` at the key's column). */
export function detectStyle(text: string, eol: Eol): YamlStyle {
  const lines = text.split(/\r?\n/);
  let indent: number | undefined;
  let indentSeq: boolean | undefined;
  for (let i = 0; i + 1 < lines.length && (indent === undefined || indentSeq === undefined); i++) {
    const line = lines[i] as string;
    const m = /^( *)[^\s#-][^#]*:\s*(#.*)?$/.exec(line);
    if (!m || /^ *- /.test(line)) continue;
    let j = i + 1;
    while (j < lines.length && /^\s*(#.*)?$/.test(lines[j] as string)) j++;
    const next = lines[j];
    if (next === undefined) break;
    const col = (m[1] as string).length;
    const n = /^( *)(- )?/.exec(next) as RegExpExecArray;
    const ncol = (n[1] as string).length;
    if (n[2]) {
      if (indentSeq === undefined && ncol >= col) indentSeq = ncol > col;
    } else if (indent === undefined && ncol > col) {
      indent = ncol - col;
    }
  }
  return { indent: indent ?? 2, indentSeq: indentSeq ?? false, eol };
}
