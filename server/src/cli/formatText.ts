import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CheckedFile, CliFinding } from './findings';
import { totals } from './findings';

type Paint = (code: string, text: string) => string;

const SEVERITY_COLOR: Readonly<Record<string, string>> = { error: '31', warning: '33', information: '36', hint: '2' };

/**
 * Compiler-style text: `file:line:col severity rule message` (1-based line and column, the column in
 * UTF-16 code units like LSP), a code frame with the range underlined, related places, and a summary.
 */
export function formatText(files: readonly CheckedFile[], color: boolean): string {
  const paint: Paint = color ? (code, text) => `\u001b[${code}m${text}\u001b[0m` : (_code, text) => text;
  const out: string[] = [];
  for (const file of files) {
    const lines = file.text.split(/\r\n|\r|\n/);
    for (const finding of file.findings) {
      out.push(header(finding, paint), ...codeFrame(lines, finding, paint), ...related(file, finding, paint), '');
    }
  }
  out.push(summary(files, paint));
  return `${out.join('\n')}\n`;
}

function header(f: CliFinding, paint: Paint): string {
  const place = `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
  return `${paint('1', place)} ${paint(SEVERITY_COLOR[f.severity] ?? '0', f.severity)} ${paint('2', f.rule)} ${f.message}`;
}

function codeFrame(lines: readonly string[], f: CliFinding, paint: Paint): string[] {
  const { start, end } = f.range;
  const first = Math.max(0, start.line - 1);
  const width = String(start.line + 1).length;
  const out: string[] = [];
  for (let n = first; n <= start.line && n < lines.length; n++) {
    const line = lines[n] ?? '';
    const marker = n === start.line ? paint('1', '>') : ' ';
    out.push(`${marker} ${String(n + 1).padStart(width)} | ${line}`);
  }
  const line = lines[start.line] ?? '';
  const stop = end.line === start.line ? end.character : line.length;
  const caretCount = Math.max(1, stop - start.character);
  // Keep tabs so that the carets line up with the text above them.
  const pad = line.slice(0, start.character).replace(/[^\t]/g, ' ');
  out.push(`  ${' '.repeat(width)} | ${pad}${paint(SEVERITY_COLOR[f.severity] ?? '0', '^'.repeat(caretCount))}`);
  return out;
}

function related(file: CheckedFile, f: CliFinding, paint: Paint): string[] {
  return (f.diagnostic.relatedInformation ?? []).map((r) => {
    const where = r.location.uri === file.uri ? '' : `${displayUri(r.location.uri)}:`;
    return `  ${paint('2', `= ${where}${r.location.range.start.line + 1}:${r.location.range.start.character + 1}`)} ${r.message}`;
  });
}

function displayUri(uri: string): string {
  try {
    return relative(process.cwd(), fileURLToPath(uri));
  } catch {
    return uri;
  }
}

function summary(files: readonly CheckedFile[], paint: Paint): string {
  const t = totals(files);
  const count = `${files.length} file${files.length === 1 ? '' : 's'} checked`;
  const total = t.error + t.warning + t.information + t.hint;
  if (total === 0) return `No problems found (${count}).`;
  const parts = (['error', 'warning', 'information', 'hint'] as const)
    .filter((s) => t[s] > 0)
    .map((s) => `${t[s]} ${s === 'information' ? 'information' : `${s}${t[s] === 1 ? '' : 's'}`}`);
  const text = `${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')}) in ${files.filter((f) => f.findings.length > 0).length} of ${count.replace(' checked', '')}.`;
  return t.error > 0 ? paint('31;1', text) : paint('1', text);
}
