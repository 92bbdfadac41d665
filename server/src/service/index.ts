import type { CodeAction, CodeActionContext, Diagnostic, Range } from 'vscode-languageserver-types';
import { getCodeActions } from './codeActions';
import { RULES, RULES_BY_ID } from '../rules/index';
import type { Rule } from '../rules/types';
import type { K8sObject } from './model/types';
import { parseFile } from './parsedFile';
import type { ParsedFile } from './parsedFile';
import type { Settings } from './settings';
import { DEFAULT_SETTINGS, normalizeSettings } from './settings';
import { validateManifest } from './validation';

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
  /** Settings from a client's `k8sInit` section (any shape; invalid parts fall back to defaults). */
  settings(raw: unknown): Settings;
  /** Quick fixes (keyed on Diagnostic.code/data), fix-all and suppression actions for a range. */
  doCodeActions(uri: string, file: ParsedFile, range: Range, context: CodeActionContext, settings?: Settings, workspaceObjects?: readonly K8sObject[]): CodeAction[];
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
    doCodeActions: (uri, file, range, context, settings = DEFAULT_SETTINGS, workspaceObjects = []) =>
      getCodeActions({ uri, file, range, context, settings, rules: new Map(rules.map((r) => [r.meta.id, r])),
        validate: (f) => validateManifest(uri, f.manifest, f.lines, settings, workspaceObjects, validationOptions) }),
  };
}

export { RULES, RULES_BY_ID, DEFAULT_SETTINGS, parseFile };
export type { ParsedFile, Settings };
