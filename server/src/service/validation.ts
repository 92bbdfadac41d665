import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { Document } from 'yaml';
import type { DiagnosticData, Finding, Rule } from '../rules/types';
import type { K8sObject, Manifest, ManifestDocument } from './model/types';
import type { LineIndex } from './parse/ranges';
import type { Severity, Settings } from './settings';
import { analyseDocument } from './analysis';
import { buildCrossScope } from './crossScope';
import type { AnalysisOptions } from './analysis';

export const DIAGNOSTIC_SOURCE = 'k8s-init';
export const SYNTAX_CODE = 'yaml-syntax';
export const TEMPLATE_CODE = 'helm-template';

export interface ValidationOptions extends AnalysisOptions {
  /** Base of the rule docs links: `${docsBaseUrl}/${ruleId}.md`. */
  readonly docsBaseUrl: string;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

interface DocumentDiagnostics {
  readonly findings: readonly Finding[];
  readonly uri: string;
  readonly docsBaseUrl: string;
  /** Line of the document's first character when `diagnostics` were made. */
  readonly line: number;
  readonly diagnostics: readonly Diagnostic[];
}

interface FileDiagnostics {
  readonly uri: string;
  readonly settings: Settings;
  readonly options: ValidationOptions;
  readonly workspaceObjects: readonly K8sObject[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Diagnostics of each parsed YAML document, reused (line-shifted if the document moved) while its findings are the same. */
const documentDiagnostics = new WeakMap<Document.Parsed, DocumentDiagnostics>();
/** The last result per parsed file, so that hovers and code actions do not validate again. */
const fileDiagnostics = new WeakMap<Manifest, FileDiagnostics>();

/** All diagnostics of a file: syntax errors, a template notice, and the rules' findings. */
export function validateManifest(
  uri: string,
  manifest: Manifest,
  lines: LineIndex,
  settings: Settings,
  workspaceObjects: readonly K8sObject[],
  options: ValidationOptions,
): Diagnostic[] {
  const steps = validationSteps(uri, manifest, lines, settings, workspaceObjects, options);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * The same as validateManifest, one document per step, so that a caller can spread the work of a very
 * large file over several turns of the event loop.
 */
export function* validationSteps(
  uri: string,
  manifest: Manifest,
  lines: LineIndex,
  settings: Settings,
  workspaceObjects: readonly K8sObject[],
  options: ValidationOptions,
): Generator<void, Diagnostic[], void> {
  const last = fileDiagnostics.get(manifest);
  if (last && last.uri === uri && last.settings === settings && last.options === options && sameObjects(last.workspaceObjects, workspaceObjects)) {
    return [...last.diagnostics];
  }
  const diagnostics: Diagnostic[] = [];
  const scope = buildCrossScope(manifest, workspaceObjects);
  let templateReported = false;
  for (const document of manifest.documents) {
    const base = document.source.offset;
    const errors = document.source.errors;
    const template = document.source.template;
    const declined = document.source.declined;
    if (declined) {
      // Too large, too deep, an alias bomb or not text (parse/limits.ts): one notice instead of an analysis.
      diagnostics.push({ range: lines.rangeOf(base, declined.span), severity: DiagnosticSeverity.Information, source: DIAGNOSTIC_SOURCE, code: declined.code, message: declined.message });
      continue;
    }
    if (template && !templateReported) {
      templateReported = true;
      diagnostics.push({
        range: lines.rangeOf(base, { start: template.at, end: template.at + 2 }),
        severity: DiagnosticSeverity.Information,
        source: DIAGNOSTIC_SOURCE,
        code: TEMPLATE_CODE,
        message: template.analysable
          ? 'Helm/Go template: template actions are masked and only the plain YAML around them is analysed; findings that depend on values are not reported. Render with `helm template` for a full check.'
          : 'Helm/Go template: this document cannot be parsed even with its template actions masked, so it is not analysed; render with `helm template` first.',
      });
    }
    if (document.templateAt !== undefined) continue;
    if (errors.length > 0) {
      const first = errors[0] as (typeof errors)[number];
      const more = errors.length > 1 ? ` (${errors.length - 1} more syntax error${errors.length > 2 ? 's' : ''} in this document)` : '';
      diagnostics.push({
        range: lines.rangeOf(base, { start: first.start, end: Math.max(first.end, first.start + 1) }),
        severity: DiagnosticSeverity.Error,
        source: DIAGNOSTIC_SOURCE,
        code: SYNTAX_CODE,
        message: `YAML syntax error: ${first.message}${more}. This document is not analysed until it parses.`,
      });
      continue;
    }
    const findings = analyseDocument(manifest, document, settings, scope, options);
    if (findings.length > 0) {
      for (const d of documentDiagnosticsOf(uri, document, findings, lines, options.docsBaseUrl)) diagnostics.push(d);
    }
    yield;
  }
  fileDiagnostics.set(manifest, { uri, settings, options, workspaceObjects: [...workspaceObjects], diagnostics });
  return [...diagnostics];
}

function sameObjects(a: readonly K8sObject[], b: readonly K8sObject[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function documentDiagnosticsOf(uri: string, document: ManifestDocument, findings: readonly Finding[], lines: LineIndex, docsBaseUrl: string): readonly Diagnostic[] {
  const yaml = document.source.yaml;
  const base = document.source.offset;
  const line = lines.positionAt(base).line;
  const cached = yaml ? documentDiagnostics.get(yaml) : undefined;
  if (cached && cached.findings === findings && cached.uri === uri && cached.docsBaseUrl === docsBaseUrl) {
    if (cached.line === line) return cached.diagnostics;
    // The document moved (lines inserted or removed above it): its text is the same, so only lines shift.
    const shifted = cached.diagnostics.map((d) => shiftDiagnostic(d, line - cached.line));
    if (yaml) documentDiagnostics.set(yaml, { ...cached, line, diagnostics: shifted });
    return shifted;
  }
  const diagnostics = findings.map((f) => toDiagnostic(uri, f, base, lines, docsBaseUrl));
  if (yaml) documentDiagnostics.set(yaml, { findings, uri, docsBaseUrl, line, diagnostics });
  return diagnostics;
}

function shiftRange(r: Range, delta: number): Range {
  return { start: { line: r.start.line + delta, character: r.start.character }, end: { line: r.end.line + delta, character: r.end.character } };
}

function shiftDiagnostic(d: Diagnostic, delta: number): Diagnostic {
  const out: Diagnostic = { ...d, range: shiftRange(d.range, delta) };
  if (d.relatedInformation) {
    out.relatedInformation = d.relatedInformation.map((r) => ({ ...r, location: { uri: r.location.uri, range: shiftRange(r.location.range, delta) } }));
  }
  return out;
}

export function toDiagnostic(uri: string, finding: Finding, base: number, lines: LineIndex, docsBaseUrl: string): Diagnostic {
  const data: DiagnosticData = { ruleId: finding.ruleId, messageId: finding.messageId, args: finding.data, ...(finding.fix === undefined ? {} : { fix: finding.fix }) };
  const diagnostic: Diagnostic = {
    range: lines.rangeOf(base, finding.span),
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    codeDescription: { href: `${docsBaseUrl}/${finding.ruleId}.md` },
    message: finding.message,
    data,
  };
  if (finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((r) => ({
      location: { uri, range: lines.rangeOf(base, r.span) },
      message: r.message,
    }));
  }
  return diagnostic;
}

/** Whether the diagnostic came from one of our rules (not a syntax or template notice). */
export function isRuleDiagnostic(d: Diagnostic, rules: ReadonlyMap<string, Rule>): boolean {
  return typeof d.code === 'string' && rules.has(d.code);
}
