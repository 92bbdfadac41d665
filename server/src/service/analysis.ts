import type { Finding, Report, Rule, RuleContext, Target } from '../rules/types';
import type { K8sObject, Manifest, ManifestDocument } from './model/types';
import type { Span } from './parse/nav';
import type { Settings } from './settings';
import { settingsKey } from './settings';
import { formatMessage } from './messages';
import { findSuppressions, isSuppressed } from './suppression';
import { filterTemplateFindings } from './templateSafety';
import type { YamlDocument } from './parse/yamlFile';

export interface AnalysisOptions {
  readonly rules: readonly Rule[];
  /** Called when a rule throws; the other rules' findings are still returned. */
  readonly onRuleError?: (ruleId: string, error: unknown) => void;
}

interface CacheEntry {
  readonly key: string;
  readonly findings: readonly Finding[];
}

/** Cached findings of the rules that look only at their own document, per rule set, parsed chunk and settings. */
const caches = new WeakMap<readonly Rule[], WeakMap<YamlDocument, CacheEntry>>();

function cacheFor(rules: readonly Rule[]): WeakMap<YamlDocument, CacheEntry> {
  let cache = caches.get(rules);
  if (!cache) {
    cache = new WeakMap();
    caches.set(rules, cache);
  }
  return cache;
}

/** Runs the rules on one document. Returns findings with chunk-relative spans, suppressions applied. */
export function analyseDocument(
  manifest: Manifest,
  document: ManifestDocument,
  settings: Settings,
  otherObjects: readonly K8sObject[],
  options: AnalysisOptions,
): Finding[] {
  if (!document.isKubernetes || document.source.errors.length > 0 || document.templateAt !== undefined) return [];
  const enabled = options.rules.filter((r) => settings.rules[r.meta.id] !== 'off');
  const key = settingsKey(settings);
  const cache = cacheFor(options.rules);
  let local = cache.get(document.source);
  if (!local || local.key !== key) {
    local = { key, findings: runRules(enabled.filter((r) => !r.crossObject), manifest, document, settings, [], options) };
    cache.set(document.source, local);
  }
  const cross = enabled.filter((r) => r.crossObject);
  const crossFindings = cross.length > 0 ? runRules(cross, manifest, document, settings, otherObjects, options) : [];
  const combined = crossFindings.length > 0 ? [...local.findings, ...crossFindings] : local.findings;
  const all = document.source.template ? filterTemplateFindings(combined, document.source.template) : combined;
  const suppressions = findSuppressions(document.source.text);
  if (suppressions.nextLine.length === 0 && suppressions.rest.length === 0) return [...all];
  return all.filter((f) => !isSuppressed(suppressions, f.ruleId, f.span));
}

function runRules(
  rules: readonly Rule[],
  manifest: Manifest,
  document: ManifestDocument,
  settings: Settings,
  otherObjects: readonly K8sObject[],
  options: AnalysisOptions,
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const override = settings.rules[rule.meta.id];
    const context: RuleContext = {
      settings,
      manifest,
      document,
      otherObjects,
      report(report: Report) {
        findings.push(toFinding(rule, report, override === undefined || override === 'off' ? undefined : override));
      },
    };
    try {
      if (rule.checkObject) for (const object of document.objects) rule.checkObject(object, context);
      if (rule.checkPod) for (const pod of document.podSpecs) rule.checkPod(pod, context);
    } catch (error) {
      options.onRuleError?.(rule.meta.id, error);
    }
  }
  return findings;
}

function toFinding(rule: Rule, report: Report, severityOverride: Finding['severity'] | undefined): Finding {
  const data = report.data ?? {};
  const template = (rule.meta.messages as Record<string, string>)[report.messageId] ?? report.messageId;
  return {
    ruleId: rule.meta.id,
    messageId: report.messageId,
    message: formatMessage(template, data),
    severity: severityOverride ?? report.severity ?? rule.meta.defaultSeverity,
    span: spanOf(report.at),
    related: (report.related ?? []).map((r) => ({ span: spanOf(r.at), message: r.message })),
    data,
    ...(report.fix === undefined ? {} : { fix: report.fix }),
  };
}

export function spanOf(target: Target): Span {
  return 'node' in target ? target.span : target;
}
