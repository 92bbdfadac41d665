import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { DiagnosticData, Finding, Rule } from '../rules/types';
import type { K8sObject, Manifest, ManifestDocument } from './model/types';
import type { LineIndex } from './parse/ranges';
import type { Severity, Settings } from './settings';
import { analyseDocument } from './analysis';
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

/** All diagnostics of a file: syntax errors, a template notice, and the rules' findings. */
export function validateManifest(
  uri: string,
  manifest: Manifest,
  lines: LineIndex,
  settings: Settings,
  workspaceObjects: readonly K8sObject[],
  options: ValidationOptions,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let templateReported = false;
  for (const document of manifest.documents) {
    const base = document.source.offset;
    const errors = document.source.errors;
    const template = document.source.template;
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
    const others = otherObjectsOf(manifest, document, workspaceObjects);
    for (const finding of analyseDocument(manifest, document, settings, others, options)) {
      diagnostics.push(toDiagnostic(uri, finding, base, lines, options.docsBaseUrl));
    }
  }
  return diagnostics;
}

function otherObjectsOf(manifest: Manifest, document: ManifestDocument, workspaceObjects: readonly K8sObject[]): K8sObject[] {
  const out: K8sObject[] = [];
  for (const d of manifest.documents) if (d !== document) out.push(...d.objects);
  out.push(...workspaceObjects);
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
