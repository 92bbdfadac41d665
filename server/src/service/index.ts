import type { CodeAction, CodeActionContext, CodeLens, CompletionList, Diagnostic, DocumentHighlight, DocumentSymbol, Hover, InlayHint, Location, Position, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import type { StartupTimeline } from '../protocol';
import { getCodeLenses } from './codeLens';
import { doHover } from './hover';
import { getInlayHints } from './inlayHints';
import { getStartupTimeline } from './startupTimeline';
import { getDocumentSymbols } from './symbols';
import { getCodeActions, resolveCodeAction } from './codeActions';
import { doComplete } from './completion/index';
import { doRename, findDefinition, findDocumentHighlights, findReferences, prepareRename } from './navigation';
import { RULES, RULES_BY_ID } from '../rules/index';
import type { Rule } from '../rules/types';
import type { K8sObject } from './model/types';
import { parseFile, parseFileSteps } from './parsedFile';
import type { ParsedFile } from './parsedFile';
import type { Settings } from './settings';
import { DEFAULT_SETTINGS, normalizeSettings } from './settings';
import { validateManifest, validationSteps } from './validation';

export const DEFAULT_DOCS_BASE_URL = 'https://github.com/k8s-init-containers/k8s-init-containers/blob/main/docs/rules';

export interface LanguageServiceOptions {
  /** The rules to run (default: all registered rules). */
  readonly rules?: readonly Rule[];
  readonly docsBaseUrl?: string;
  /** Called when a rule throws while checking; its findings are dropped, the others kept. */
  readonly onRuleError?: (ruleId: string, error: unknown) => void;
}

export interface LanguageService {
  /** Parses a document's text, reusing unchanged YAML documents of `previous`. */
  parse(text: string, previous?: ParsedFile): ParsedFile;
  /** Diagnostics for a parsed document. `workspaceObjects` are the objects of other open documents. */
  doValidation(uri: string, file: ParsedFile, settings?: Settings, workspaceObjects?: readonly K8sObject[]): Diagnostic[];
  /** `parse`, one YAML document per step: a server can spread a very large file over several event-loop turns. */
  parseSteps(text: string, previous?: ParsedFile): Generator<void, ParsedFile, void>;
  /** `doValidation`, one YAML document per step. */
  validationSteps(uri: string, file: ParsedFile, settings?: Settings, workspaceObjects?: readonly K8sObject[]): Generator<void, Diagnostic[], void>;
  /** Settings from a client's `k8sInit` section (any shape; invalid parts fall back to defaults). */
  settings(raw: unknown): Settings;
  /** Quick fixes (keyed on Diagnostic.code/data), fix-all and suppression actions for a range. */
  doCodeActions(uri: string, file: ParsedFile, range: Range, context: CodeActionContext, settings?: Settings, workspaceObjects?: readonly K8sObject[], options?: { deferFixAll?: boolean }): CodeAction[];
  /** Computes the edit of a "fix all" action returned with `deferFixAll`. */
  resolveCodeAction(action: CodeAction, uri: string, file: ParsedFile, settings?: Settings, workspaceObjects?: readonly K8sObject[]): CodeAction;
  /** Hover at a position: this pod's startup order, effective resources, field docs, and the rule behind a diagnostic. */
  doHover(uri: string, file: ParsedFile, position: Position, settings?: Settings, workspaceObjects?: readonly K8sObject[]): Hover | null;
  /** Step/role hints before each init and app container (`1 init`, `2 sidecar`, `app`), within `range` if given. */
  getInlayHints(file: ParsedFile, range?: Range, settings?: Settings): InlayHint[];
  /** A startup/requests/QoS summary lens above each `initContainers` (command `k8sInit.showStartupTimeline`). */
  getCodeLenses(uri: string, file: ParsedFile, settings?: Settings): CodeLens[];
  /** Outline: objects → pod specs → containers in startup order with roles. */
  getDocumentSymbols(file: ParsedFile, settings?: Settings): DocumentSymbol[];
  /** `k8sInit/startupTimeline`: phases, containers and effective resources of the pod at `position`. */
  getStartupTimeline(uri: string, file: ParsedFile, position: Position, settings?: Settings): StartupTimeline | null;
  /** Completion: init-container snippets, role-aware container keys, enum values, volume and container names. */
  doComplete(file: ParsedFile, position: Position, settings?: Settings): CompletionList;
  /** Go to definition: from `volumeMounts[].name` to the volume, from a Job `containerName` to the container. */
  findDefinition(uri: string, file: ParsedFile, position: Position): Location[];
  /** References of a volume (every mount, init and app) or a container name. */
  findReferences(uri: string, file: ParsedFile, position: Position, includeDeclaration: boolean): Location[];
  findDocumentHighlights(file: ParsedFile, position: Position): DocumentHighlight[];
  prepareRename(file: ParsedFile, position: Position): { range: Range; placeholder: string } | null;
  /** Renames a volume or container name consistently within its pod. */
  doRename(uri: string, file: ParsedFile, position: Position, newName: string): WorkspaceEdit | null;
  readonly rules: readonly Rule[];
}

/** The facade of the pure language service: no connection, no I/O. */
export function getLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const rules = options.rules ?? RULES;
  const validationOptions = {
    rules,
    docsBaseUrl: options.docsBaseUrl ?? DEFAULT_DOCS_BASE_URL,
    ...(options.onRuleError ? { onRuleError: options.onRuleError } : {}),
  };
  return {
    rules,
    settings: normalizeSettings,
    parse: (text, previous) => parseFile(text, previous),
    doValidation: (uri, file, settings = DEFAULT_SETTINGS, workspaceObjects = []) =>
      validateManifest(uri, file.manifest, file.lines, settings, workspaceObjects, validationOptions),
    parseSteps: (text, previous) => parseFileSteps(text, previous),
    validationSteps: (uri, file, settings = DEFAULT_SETTINGS, workspaceObjects = []) =>
      validationSteps(uri, file.manifest, file.lines, settings, workspaceObjects, validationOptions),
    doCodeActions: (uri, file, range, context, settings = DEFAULT_SETTINGS, workspaceObjects = [], options = {}) =>
      getCodeActions({ uri, file, range, context, settings, rules: new Map(rules.map((r) => [r.meta.id, r])), ...options,
        validate: (f) => validateManifest(uri, f.manifest, f.lines, settings, workspaceObjects, validationOptions) }),
    resolveCodeAction: (action, uri, file, settings = DEFAULT_SETTINGS, workspaceObjects = []) =>
      resolveCodeAction(action, { uri, file, settings, rules: new Map(rules.map((r) => [r.meta.id, r])),
        validate: (f) => validateManifest(uri, f.manifest, f.lines, settings, workspaceObjects, validationOptions) }),
    doHover: (uri, file, position, settings = DEFAULT_SETTINGS, workspaceObjects = []) =>
      doHover(file, position, settings, {
        diagnostics: validateManifest(uri, file.manifest, file.lines, settings, workspaceObjects, validationOptions),
        rules: new Map(rules.map((r) => [r.meta.id, r])),
      }),
    getInlayHints: (file, range, settings = DEFAULT_SETTINGS) => getInlayHints(file, range, settings),
    getCodeLenses: (uri, file, settings = DEFAULT_SETTINGS) => getCodeLenses(uri, file, settings),
    getDocumentSymbols: (file, settings = DEFAULT_SETTINGS) => getDocumentSymbols(file, settings),
    getStartupTimeline: (uri, file, position, settings = DEFAULT_SETTINGS) => getStartupTimeline(uri, file, position, settings),
    doComplete: (file, position, settings = DEFAULT_SETTINGS) => doComplete(file, position, settings),
    findDefinition,
    findReferences,
    findDocumentHighlights,
    prepareRename: (file, position) => prepareRename(file, position) ?? null,
    doRename: (uri, file, position, newName) => doRename(uri, file, position, newName) ?? null,
  };
}

export { RULES, RULES_BY_ID, DEFAULT_SETTINGS, parseFile };
export type { ParsedFile, Settings };
