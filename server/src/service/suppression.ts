import type { Span } from './parse/nav';

/** Suppression comments of one YAML document (chunk-relative offsets). */
export interface Suppressions {
  /** Rule ids (or '*') suppressed on a line, keyed by chunk-relative line start offset of the suppressed line. */
  readonly nextLine: ReadonlyArray<{ readonly from: number; readonly to: number; readonly rules: ReadonlySet<string> }>;
  /** Rule ids (or '*') suppressed from an offset to the end of the document. */
  readonly rest: ReadonlyArray<{ readonly from: number; readonly rules: ReadonlySet<string> }>;
}

const COMMENT = /#\s*k8s-init-disable(-next-line)?(?:[ \t]+([^\r\n]*))?/g;

/** Finds `# k8s-init-disable-next-line a, b` and `# k8s-init-disable a` comments in a chunk. */
export function findSuppressions(text: string): Suppressions {
  const nextLine: Array<{ from: number; to: number; rules: Set<string> }> = [];
  const rest: Array<{ from: number; rules: Set<string> }> = [];
  if (!text.includes('k8s-init-disable')) return { nextLine, rest };
  for (const m of text.matchAll(COMMENT)) {
    const at = m.index ?? 0;
    const rules = parseRuleList(m[2] ?? '');
    if (m[1]) {
      const eol = text.indexOf('\n', at);
      if (eol === -1) continue;
      const from = eol + 1;
      const nextEol = text.indexOf('\n', from);
      nextLine.push({ from, to: nextEol === -1 ? text.length : nextEol, rules });
    } else {
      rest.push({ from: at, rules });
    }
  }
  return { nextLine, rest };
}

function parseRuleList(text: string): Set<string> {
  const ids = text
    .replace(/--.*$/, '')
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return new Set(ids.length === 0 ? ['*'] : ids);
}

export function isSuppressed(s: Suppressions, ruleId: string, span: Span): boolean {
  const matches = (rules: ReadonlySet<string>): boolean => rules.has('*') || rules.has(ruleId);
  for (const n of s.nextLine) if (span.start >= n.from && span.start <= n.to && matches(n.rules)) return true;
  for (const r of s.rest) if (span.start >= r.from && matches(r.rules)) return true;
  return false;
}
