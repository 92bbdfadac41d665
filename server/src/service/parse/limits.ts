import type { Span } from './nav';
import type { TreeIndex } from './treeIndex';

/**
 * What the service declines to analyse, so that every input is answered in bounded time and memory.
 * A declined file or YAML document gets one information diagnostic with the notice's code instead of
 * findings (README, "Limits").
 */
export const LIMITS = {
  /** Characters (UTF-16 code units) of a file: about 4 MB of ASCII. Larger files are not analysed at all. */
  maxFileLength: 4 * 1024 * 1024,
  /** YAML documents (`---` chunks) of a file. */
  maxDocuments: 10_000,
  /**
   * Characters of one YAML document: a document is parsed and analysed in one go (a file's documents one
   * after another, with requests answered in between), so a 4 MB `kind: List` would block for seconds.
   */
  maxDocumentLength: 1024 * 1024,
  /**
   * Nesting of collections in one YAML document (block indentation columns count as levels when
   * estimated before parsing). The `yaml` package recurses once per level and runs out of stack
   * near 1,000; real manifests stay under 30.
   */
  maxDepth: 256,
  /**
   * Nodes that expanding every alias of one document would add to the data (a "billion laughs" adds 10⁹;
   * 100,000 aliases of a small anchor add a few hundred thousand).
   */
  maxAliasExpansion: 1_000_000,
} as const;

export type LimitCode = 'file-too-large' | 'file-not-text' | 'document-too-large' | 'nesting-too-deep' | 'alias-expansion-too-large';

/** Why a file or a YAML document is not analysed. The span is chunk-relative (file-level notices have chunk offset 0). */
export interface LimitNotice {
  readonly code: LimitCode;
  readonly message: string;
  readonly span: Span;
}

export const LIMIT_CODES: readonly LimitCode[] = ['file-too-large', 'file-not-text', 'document-too-large', 'nesting-too-deep', 'alias-expansion-too-large'];

function megabytes(chars: number): string {
  return `${(chars / (1024 * 1024)).toFixed(1)} MB`;
}

function firstLine(text: string): Span {
  const nl = text.indexOf('\n');
  const end = Math.min(nl === -1 ? text.length : nl, 200);
  return { start: 0, end: end > 0 && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end };
}

/** A reason not to analyse the file at all, checked before any parsing: size, document count, NUL characters. */
export function fileNotice(text: string, chunkCount: number): LimitNotice | undefined {
  if (text.length > LIMITS.maxFileLength) {
    return {
      code: 'file-too-large',
      message: `This file is not analysed: it is ${megabytes(text.length)}, more than the limit of ${megabytes(LIMITS.maxFileLength)} (kept so that the editor stays responsive). Split it into smaller files to have it checked.`,
      span: firstLine(text),
    };
  }
  if (chunkCount > LIMITS.maxDocuments) {
    return {
      code: 'file-too-large',
      message: `This file is not analysed: it holds ${chunkCount.toLocaleString('en-US')} YAML documents, more than the limit of ${LIMITS.maxDocuments.toLocaleString('en-US')}. Split it into smaller files to have it checked.`,
      span: firstLine(text),
    };
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    return {
      code: 'file-not-text',
      message: 'This file is not analysed: it contains a NUL character (shown here), so it is binary data or text in an encoding other than UTF-8, not YAML.',
      span: { start: nul, end: nul + 1 },
    };
  }
  return undefined;
}

/** A reason not to parse one chunk: its size, then its estimated nesting. */
export function chunkNotice(text: string): LimitNotice | undefined {
  if (text.length > LIMITS.maxDocumentLength) {
    return {
      code: 'document-too-large',
      message: `This YAML document is not analysed: it is ${megabytes(text.length)}, more than the limit of ${megabytes(LIMITS.maxDocumentLength)} for one document (the file's other documents are analysed). Split it (a \`kind: List\` into one document per item) to have it checked.`,
      span: firstLine(text.startsWith('---') ? text.slice(0, text.indexOf('\n') + 1) : text),
    };
  }
  return nestingNotice(text);
}

function tooDeep(at: number, max: number = LIMITS.maxDepth): LimitNotice {
  return {
    code: 'nesting-too-deep',
    message: `This YAML document is not analysed: its collections nest more than ${max} levels deep here (Kubernetes manifests need far fewer).`,
    span: { start: at, end: at + 1 },
  };
}

/**
 * Estimates, without parsing, how deep collections nest in a chunk: block nesting by the column where
 * a line's content starts (after `- `, `? ` and `: ` indicators; every block level needs at least one
 * column), flow nesting by counting brackets outside quoted scalars, comments and block scalars. An
 * upper estimate for real YAML; it lets the parser, which recurses once per level, never see a
 * document deep enough to exhaust the stack.
 */
export function nestingNotice(text: string, max: number = LIMITS.maxDepth): LimitNotice | undefined {
  return surelyShallow(text, max) ? undefined : scanNesting(text, max);
}

/** The character-by-character estimate behind nestingNotice (exported for tests). */
export function scanNesting(text: string, max: number): LimitNotice | undefined {
  let flow = 0;
  let flowBase = 0;
  /** Indentation of the line that opened the outermost flow collection (-1 for a collection at the top). */
  let flowIndent = -1;
  let quote = 0;
  let blockScalarIndent = -1;
  let pos = 0;
  while (pos < text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol === -1) eol = text.length;
    let i = pos;
    while (i < eol && text.charCodeAt(i) === 0x20) i++;
    const indent = i - pos;
    if (blockScalarIndent >= 0) {
      if (i >= eol || text.charCodeAt(i) === 0x0d || text.charCodeAt(i) === 0x09 || indent > blockScalarIndent) {
        pos = eol + 1;
        continue;
      }
      blockScalarIndent = -1;
    }
    let tokenStart = true;
    // A flow collection continues on lines indented more than the block around it: a line that is not
    // means the collection was never closed (a syntax error), so stop counting its brackets.
    if (flow > 0 && quote === 0 && indent <= flowIndent && i < eol && text.charCodeAt(i) !== 0x23 && text.charCodeAt(i) !== 0x0d) flow = 0;
    const lineStart = i;
    if (quote === 0 && flow === 0) {
      // Skip compact indicators: `- - key: value` nests on one line.
      for (;;) {
        const c = text.charCodeAt(i);
        const next = text.charCodeAt(i + 1);
        if ((c === 0x2d || c === 0x3f || c === 0x3a) && (next === 0x20 || next === 0x0a || next === 0x0d || Number.isNaN(next))) {
          i++;
          while (i < eol && text.charCodeAt(i) === 0x20) i++;
        } else {
          break;
        }
      }
      flowBase = i - pos + 1;
      if (flowBase > max) return tooDeep(i, max);
    }
    for (; i < eol; i++) {
      const c = text.charCodeAt(i);
      if (quote !== 0) {
        if (quote === 0x27 && c === 0x27) {
          if (text.charCodeAt(i + 1) === 0x27) i++;
          else quote = 0;
        } else if (quote === 0x22 && c === 0x5c) {
          i++;
        } else if (quote === 0x22 && c === 0x22) {
          quote = 0;
        }
        tokenStart = false;
        continue;
      }
      switch (c) {
        case 0x20:
        case 0x09:
        case 0x0d:
          continue;
        case 0x23: // '#' starts a comment after a blank
          if (i === pos || text.charCodeAt(i - 1) === 0x20 || text.charCodeAt(i - 1) === 0x09) i = eol;
          continue;
        case 0x27:
        case 0x22:
          if (tokenStart) quote = c;
          tokenStart = false;
          continue;
        case 0x5b:
        case 0x7b:
          if (flow > 0 || tokenStart) {
            if (flow === 0) flowIndent = i === lineStart && indent === 0 && lineStart === pos ? -1 : indent;
            flow++;
            if (flowBase + flow > max) return tooDeep(i, max);
          }
          tokenStart = flow > 0;
          continue;
        case 0x5d:
        case 0x7d:
          if (flow > 0) flow--;
          tokenStart = false;
          continue;
        case 0x2c:
          tokenStart = flow > 0;
          continue;
        case 0x3a:
        case 0x2d:
        case 0x3f: {
          const next = text.charCodeAt(i + 1);
          tokenStart = next === 0x20 || next === 0x0a || next === 0x0d || Number.isNaN(next) || (flow > 0 && c === 0x3a);
          continue;
        }
        case 0x26: // anchor
        case 0x21: // tag
          if (tokenStart) {
            while (i + 1 < eol && text.charCodeAt(i + 1) !== 0x20 && !(flow > 0 && isFlowIndicator(text.charCodeAt(i + 1)))) i++;
            continue;
          }
          tokenStart = false;
          continue;
        case 0x7c: // '|'
        case 0x3e: // '>'
          if (tokenStart && flow === 0 && /^[|>][0-9+-]*[ \t]*(#.*)?\r?$/.test(text.slice(i, eol))) {
            blockScalarIndent = indent;
            i = eol;
            continue;
          }
          tokenStart = false;
          continue;
        default:
          tokenStart = false;
      }
    }
    pos = eol + 1;
  }
  return undefined;
}

/**
 * A cheap sufficient condition for the estimate below to stay within `max`: flow nesting can be no
 * deeper than the number of brackets, and a line's block level no deeper than its run of leading
 * spaces and indicators. Most chunks pass, and skip the character-by-character scan.
 */
function surelyShallow(text: string, max: number): boolean {
  let brackets = 0;
  for (let i = text.indexOf('['); i !== -1; i = text.indexOf('[', i + 1)) brackets++;
  for (let i = text.indexOf('{'); i !== -1; i = text.indexOf('{', i + 1)) brackets++;
  const prefix = max - brackets - 1;
  if (prefix <= 0) return false;
  return !new RegExp(`(?:^|\\n)[ ?:-]{${prefix}}`).test(text);
}

function isFlowIndicator(c: number): boolean {
  return c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d;
}

/** A reason not to analyse a parsed document: nesting (exact), an alias that refers to its ancestor, or an alias bomb. */
export function treeNotice(index: TreeIndex): LimitNotice | undefined {
  if (index.depth > LIMITS.maxDepth) return tooDeep(0);
  if (index.recursiveAlias) {
    return {
      code: 'alias-expansion-too-large',
      message: 'This YAML document is not analysed: this alias refers to a collection that contains it, so its data would be infinitely deep.',
      span: index.recursiveAlias,
    };
  }
  if (index.expandedNodes - index.nodes > LIMITS.maxAliasExpansion && index.largestAlias) {
    const size = index.expandedNodes >= 1e9 ? index.expandedNodes.toExponential(1) : Math.round(index.expandedNodes).toLocaleString('en-US');
    return {
      code: 'alias-expansion-too-large',
      message: `This YAML document is not analysed: expanding its aliases would grow its data by more than ${LIMITS.maxAliasExpansion.toLocaleString('en-US')} nodes (to ${size}), the pattern of a "billion laughs" attack; this alias expands the most.`,
      span: index.largestAlias,
    };
  }
  return undefined;
}

/** The notice for a parse that ran out of stack anyway (the estimate can be fooled by unusual YAML). */
export function stackNotice(errors: readonly { message: string; start: number }[]): LimitNotice | undefined {
  const e = errors.find((x) => /call stack/i.test(x.message));
  return e ? tooDeep(e.start) : undefined;
}
