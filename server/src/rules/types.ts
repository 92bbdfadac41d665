import type { Manifest, ManifestDocument, K8sObject, PodSpecModel, ContainerModel } from '../service/model/types';
import type { NodeRef, Span } from '../service/parse/nav';
import type { Severity, Settings } from '../service/settings';

export type RuleGroup = 'api' | 'runtime' | 'hygiene';
export type MessageData = Readonly<Record<string, string | number>>;

export interface RuleMeta<M extends string = string> {
  /** The rule id of the catalogue, e.g. `init-probe-forbidden`; also the file name and the docs page name. */
  readonly id: string;
  /** The catalogue number, e.g. `E01`. */
  readonly catalogueId: string;
  readonly group: RuleGroup;
  /** One sentence: what the rule reports. */
  readonly description: string;
  readonly defaultSeverity: Severity;
  /** Messages by id; `{{name}}` placeholders are filled from the report's data. */
  readonly messages: Readonly<Record<M, string>>;
  /** True when the rule offers a quick fix (then `fix` must be present). */
  readonly fixable: boolean;
  /** Kubernetes versions or feature gates the rule depends on, in words (for docs). */
  readonly versions?: string;
}

/** Where a finding points: a node (reported at its span, or its alias) or a chunk-relative span. */
export type Target = NodeRef | Span;

export interface RelatedReport {
  readonly at: Target;
  readonly message: string;
}

export interface Report<M extends string = string> {
  readonly at: Target;
  readonly messageId: M;
  readonly data?: MessageData;
  /** Overrides the default severity for this finding (e.g. warning for sidecars, information for init containers). */
  readonly severity?: Severity;
  readonly related?: readonly RelatedReport[];
  /** Anything a quick fix needs, kept in `Diagnostic.data.fix`. Must be JSON. */
  readonly fix?: unknown;
}

export interface RuleContext<M extends string = string> {
  readonly settings: Settings;
  readonly manifest: Manifest;
  readonly document: ManifestDocument;
  /** Kubernetes objects of the other documents of the same file and of the workspace's open documents. */
  readonly otherObjects: readonly K8sObject[];
  report(report: Report<M>): void;
}

/** A finding after a rule ran: chunk-relative span, message filled in. */
export interface Finding {
  readonly ruleId: string;
  readonly messageId: string;
  readonly message: string;
  readonly severity: Severity;
  readonly span: Span;
  readonly related: ReadonlyArray<{ readonly span: Span; readonly message: string }>;
  readonly data: MessageData;
  readonly fix?: unknown;
}

/** What a quick fix gets: the diagnostic's data and place, and the current file with its model. */
export interface FixInput {
  readonly text: string;
  readonly manifest: Manifest;
  readonly settings: Settings;
  /** Absolute offsets of the diagnostic. */
  readonly start: number;
  readonly end: number;
  readonly data: DiagnosticData;
}

/** A text edit in absolute offsets of the file. */
export interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface FixAction {
  readonly title: string;
  readonly edits: readonly OffsetEdit[];
  readonly isPreferred?: boolean;
}

/** What every diagnostic of a rule carries in `Diagnostic.data`. */
export interface DiagnosticData {
  readonly ruleId: string;
  readonly messageId: string;
  readonly args: MessageData;
  readonly fix?: unknown;
}

export interface Rule<M extends string = string> {
  readonly meta: RuleMeta<M>;
  /** Runs once per pod spec. */
  readonly checkPod?: (pod: PodSpecModel, context: RuleContext<M>) => void;
  /** Runs once per Kubernetes object (for object-level rules, e.g. Services or Job fields). */
  readonly checkObject?: (object: K8sObject, context: RuleContext<M>) => void;
  /** Set when findings depend on other documents; such rules are never cached per document. */
  readonly crossObject?: boolean;
  /** Quick fixes for one of the rule's diagnostics. */
  readonly fix?: (input: FixInput) => FixAction[];
}

/** Checks message ids while the rule is written; the registry holds rules without their message type. */
export function defineRule<M extends string>(rule: Rule<M>): Rule {
  return rule as unknown as Rule;
}

export type { ContainerModel, PodSpecModel, K8sObject };
