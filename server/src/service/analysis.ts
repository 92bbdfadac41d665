import type { Document } from 'yaml';
import type { Finding, Report, Rule, RuleContext, Target } from '../rules/types';
import type { K8sObject, Manifest, ManifestDocument } from './model/types';
import type { Span } from './parse/nav';
import type { Settings, Severity } from './settings';
import { settingsKey } from './settings';
import { formatMessage } from './messages';
import { findSuppressions, isSuppressed } from './suppression';
import { filterTemplateFindings } from './templateSafety';
import { crossDepsValid, trackedRun } from './crossScope';
import type { CrossScope } from './crossScope';

export interface AnalysisOptions {
  readonly rules: readonly Rule[];
  /** Called when a rule throws; the other rules' findings are still returned. */
  readonly onRuleError?: (ruleId: string, error: unknown) => void;
}

/** The rules to run for one rule set and one settings object, split into per-document and cross-object rules. */
interface Plan {
  readonly key: string;
  readonly local: readonly Rule[];
  readonly cross: readonly Rule[];
  readonly overrides: ReadonlyMap<string, Severity>;
}

interface LocalEntry {
  readonly key: string;
  readonly findings: readonly Finding[];
}

interface CrossEntry {
  readonly key: string;
  readonly signature: string;
  /** The parsed documents of the other objects the rules read beyond kind, apiVersion, name and namespace. */
  readonly deps: ReadonlySet<Document.Parsed> | 'all';
  readonly findings: readonly Finding[];
}

interface ResultEntry {
  readonly local: LocalEntry;
  readonly cross: CrossEntry | undefined;
  readonly findings: readonly Finding[];
}

interface Caches {
  readonly local: WeakMap<Document.Parsed, LocalEntry>;
  readonly cross: WeakMap<Document.Parsed, CrossEntry>;
  readonly result: WeakMap<Document.Parsed, ResultEntry>;
  readonly plans: WeakMap<Settings, Plan>;
}

/**
 * Everything is cached per rule set and per parsed YAML document (the `yaml` Document object, which an
 * unchanged chunk keeps across edits even when its offset moves). Findings of the per-document rules
 * are reused while the settings are the same; findings of cross-object rules while, in addition, the
 * other objects' kinds, names and namespaces are the same and none of the objects they looked into
 * changed.
 */
const caches = new WeakMap<readonly Rule[], Caches>();

function cachesFor(rules: readonly Rule[]): Caches {
  let c = caches.get(rules);
  if (!c) {
    c = { local: new WeakMap(), cross: new WeakMap(), result: new WeakMap(), plans: new WeakMap() };
    caches.set(rules, c);
  }
  return c;
}

function planFor(c: Caches, rules: readonly Rule[], settings: Settings): Plan {
  let plan = c.plans.get(settings);
  if (!plan) {
    const enabled = rules.filter((r) => settings.rules[r.meta.id] !== 'off');
    const overrides = new Map<string, Severity>();
    for (const r of enabled) {
      const o = settings.rules[r.meta.id];
      if (o !== undefined && o !== 'off') overrides.set(r.meta.id, o);
    }
    plan = { key: settingsKey(settings), local: enabled.filter((r) => !r.crossObject), cross: enabled.filter((r) => r.crossObject), overrides };
    c.plans.set(settings, plan);
  }
  return plan;
}

/** Whether the rules look at the document at all (a Kubernetes object that parsed, not an unanalysable template). */
export function isAnalysed(document: ManifestDocument): boolean {
  return document.isKubernetes && document.source.errors.length === 0 && document.templateAt === undefined && document.source.yaml !== undefined;
}

/**
 * Runs the rules on one document. Returns findings with chunk-relative spans, suppressions applied.
 * The same array is returned while nothing the findings depend on changed (callers must not mutate it).
 * `others` is either the other objects (then cross-object findings are always recomputed) or the
 * scope of the whole validation run (then they are cached as described above).
 */
export function analyseDocument(
  manifest: Manifest,
  document: ManifestDocument,
  settings: Settings,
  others: readonly K8sObject[] | CrossScope,
  options: AnalysisOptions,
): readonly Finding[] {
  const yaml = document.source.yaml;
  if (!isAnalysed(document) || yaml === undefined) return [];
  const c = cachesFor(options.rules);
  const plan = planFor(c, options.rules, settings);
  let local = c.local.get(yaml);
  if (!local || local.key !== plan.key) {
    local = { key: plan.key, findings: runRules(plan.local, plan, manifest, document, settings, [], options) };
    c.local.set(yaml, local);
  }
  let cross: CrossEntry | undefined;
  if (plan.cross.length > 0) {
    if (Array.isArray(others)) {
      cross = { key: plan.key, signature: '', deps: 'all', findings: runRules(plan.cross, plan, manifest, document, settings, others as readonly K8sObject[], options) };
    } else {
      const scope = others as CrossScope;
      cross = c.cross.get(yaml);
      if (!cross || cross.key !== plan.key || cross.signature !== scope.signature || !crossDepsValid(cross.deps, scope)) {
        const run = trackedRun(scope, document, (objects, markAll) => runRules(plan.cross, plan, manifest, document, settings, objects, options, markAll));
        cross = { key: plan.key, signature: scope.signature, deps: run.deps, findings: run.result };
        c.cross.set(yaml, cross);
      }
    }
  }
  const previous = c.result.get(yaml);
  if (previous && previous.local === local && previous.cross === cross) return previous.findings;
  const findings = finish(document, local.findings, cross?.findings ?? []);
  c.result.set(yaml, { local, cross, findings });
  return findings;
}

function finish(document: ManifestDocument, local: readonly Finding[], cross: readonly Finding[]): readonly Finding[] {
  const combined = cross.length > 0 ? [...local, ...cross] : local;
  const template = document.source.template;
  const all = template ? filterTemplateFindings([...combined], template) : combined;
  const suppressions = findSuppressions(document.source.text);
  if (suppressions.nextLine.length === 0 && suppressions.rest.length === 0) return all;
  return all.filter((f) => !isSuppressed(suppressions, f.ruleId, f.span));
}

function runRules(
  rules: readonly Rule[],
  plan: Plan,
  manifest: Manifest,
  document: ManifestDocument,
  settings: Settings,
  otherObjects: readonly K8sObject[],
  options: AnalysisOptions,
  onManifest?: () => void,
): Finding[] {
  const findings: Finding[] = [];
  if (rules.length === 0) return findings;
  let current = rules[0] as Rule;
  // One context per document: `report` files findings under the rule that is running.
  const context: RuleContext = {
    settings,
    // A cross-object rule reading the whole manifest depends on every document.
    get manifest() {
      onManifest?.();
      return manifest;
    },
    document,
    otherObjects,
    report(report: Report) {
      findings.push(toFinding(current, report, plan.overrides.get(current.meta.id)));
    },
  };
  for (const rule of rules) {
    current = rule;
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
