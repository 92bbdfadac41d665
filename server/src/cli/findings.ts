import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { Severity } from '../service/settings';

/** One diagnostic of one checked file, as the output formats see it. */
export interface CliFinding {
  /** The file as given on the command line (or as found under a given directory). */
  readonly file: string;
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  /** 0-based lines, UTF-16 characters (LSP positions). */
  readonly range: Range;
  readonly diagnostic: Diagnostic;
}

/** A checked file: its text (for code frames) and its findings in document order. */
export interface CheckedFile {
  readonly file: string;
  /** The URI the file was validated under (related information of other files points elsewhere). */
  readonly uri: string;
  readonly text: string;
  readonly findings: readonly CliFinding[];
}

const SEVERITY_NAMES: Readonly<Record<number, Severity>> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

export function toFindings(file: string, diagnostics: readonly Diagnostic[]): CliFinding[] {
  return diagnostics
    .map((d) => ({
      file,
      rule: typeof d.code === 'string' || typeof d.code === 'number' ? String(d.code) : 'unknown',
      severity: SEVERITY_NAMES[d.severity ?? 1] ?? 'error',
      message: d.message,
      range: d.range,
      diagnostic: d,
    }))
    .sort(
      (a, b) =>
        a.range.start.line - b.range.start.line ||
        a.range.start.character - b.range.start.character ||
        a.rule.localeCompare(b.rule),
    );
}

export interface Totals {
  readonly error: number;
  readonly warning: number;
  readonly information: number;
  readonly hint: number;
}

export function totals(files: readonly CheckedFile[]): Totals {
  const t = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of files) for (const finding of f.findings) t[finding.severity]++;
  return t;
}
