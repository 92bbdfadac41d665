import type { Diagnostic } from 'vscode-languageserver-types';

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

/** Renders diagnostics as `^^^` underlines below their lines, compiler style, for golden files. */
export function renderUnderlines(text: string, diagnostics: readonly Diagnostic[]): string {
  const lines = text.split(/\r?\n/);
  const byLine = new Map<number, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = byLine.get(d.range.start.line) ?? [];
    list.push(d);
    byLine.set(d.range.start.line, list);
  }
  const out: string[] = [];
  lines.forEach((line, i) => {
    out.push(line);
    const ds = (byLine.get(i) ?? []).sort((a, b) => a.range.start.character - b.range.start.character || String(a.code).localeCompare(String(b.code)));
    for (const d of ds) {
      const start = d.range.start.character;
      const end = d.range.end.line === i ? d.range.end.character : line.length;
      out.push(`${' '.repeat(start)}${'^'.repeat(Math.max(1, end - start))} ${SEVERITY[d.severity ?? 1]} ${String(d.code)}: ${d.message}`);
    }
  });
  return out.join('\n');
}
