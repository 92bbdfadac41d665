import { CodeActionKind, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { CodeAction, CodeActionContext, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import type { DiagnosticData, FixAction, OffsetEdit, Rule } from '../rules/types';
import { applyEdits, movedRanges } from './edits/text';
import { fixAll, newErrorCodes } from './fixAll';
import { suppressionEdit } from './edits/suppress';
import type { ParsedFile } from './parsedFile';
import { parseFile } from './parsedFile';
import { unresolvedAliases } from './parse/treeIndex';
import type { Settings } from './settings';

/** Kind of the "fix everything this server can" source action. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.k8s-init`;

export interface CodeActionRequest {
  readonly uri: string;
  readonly file: ParsedFile;
  readonly range: Range;
  readonly context: CodeActionContext;
  readonly settings: Settings;
  readonly rules: ReadonlyMap<string, Rule>;
  /** Diagnostics of a parse of the file (fix-all re-validates after each round). */
  readonly validate: (file: ParsedFile) => Diagnostic[];
  /**
   * Leave the edits of "fix all" actions to `codeAction/resolve` (they re-validate the file several
   * times): the actions carry `data` for `resolveCodeAction` instead.
   */
  readonly deferFixAll?: boolean;
}

/** What a deferred "fix all" action carries in `CodeAction.data`. */
export interface FixAllData {
  readonly k8sInitFixAll: { readonly uri: string; readonly ruleId?: string };
}

/** Which diagnostics a "fix all" action fixes: one rule's, or every error and warning. */
function fixAllMatcher(ruleId: string | undefined): (d: Diagnostic) => boolean {
  // Everything at once applies only fixes of errors and warnings: informational findings (pull policy,
  // seccomp, …) are matters of policy, fixed one by one or per rule.
  return ruleId ? (d) => d.code === ruleId : (d) => (d.severity ?? DiagnosticSeverity.Error) <= DiagnosticSeverity.Warning;
}

/** Computes the edit of a deferred "fix all" action; other actions are returned as they are. */
export function resolveCodeAction(action: CodeAction, request: Omit<CodeActionRequest, 'range' | 'context'>): CodeAction {
  const data = (action.data as Partial<FixAllData> | undefined)?.k8sInitFixAll;
  if (!data || data.uri !== request.uri || action.edit) return action;
  const edit = fixAll({ ...request, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }, fixAllMatcher(data.ruleId))?.edit;
  return { ...action, edit: { changes: { [request.uri]: edit ? [{ range: { start: request.file.lines.positionAt(edit.start), end: request.file.lines.positionAt(edit.end) }, newText: edit.newText }] : [] } } };
}

/** The quick fixes, fix-all and suppression actions for a range. */
export function getCodeActions(request: CodeActionRequest): CodeAction[] {
  const { uri, file, context, rules } = request;
  const wanted = (kind: string): boolean => !context.only || context.only.some((o) => kind === o || kind.startsWith(`${o}.`));
  let candidates = context.diagnostics.filter((d) => dataOf(d, rules) !== undefined);
  let all: Diagnostic[] | undefined;
  const allDiagnostics = (): Diagnostic[] => (all ??= request.validate(file));
  if (candidates.length === 0 && context.diagnostics.length === 0) {
    candidates = allDiagnostics().filter((d) => overlaps(d.range, request.range) && dataOf(d, rules) !== undefined);
  }
  const actions: CodeAction[] = [];
  const fixAllOffered = new Set<string>();
  for (const diagnostic of candidates) {
    const data = dataOf(diagnostic, rules) as DiagnosticData;
    const rule = rules.get(data.ruleId) as Rule;
    if (wanted(CodeActionKind.QuickFix)) {
      for (const fix of safeFixes(request, fixesFor(rule, file, diagnostic, data, request.settings), allDiagnostics)) {
        actions.push(toCodeAction(uri, file, fix.title, CodeActionKind.QuickFix, fix.edits, [diagnostic], fix.isPreferred));
      }
      if (rule.fix && rule.meta.fixable && !fixAllOffered.has(rule.meta.id)) {
        fixAllOffered.add(rule.meta.id);
        const sameRule = allDiagnostics().filter((d) => d.code === rule.meta.id);
        if (sameRule.length > 1) actions.push(...fixAllAction(request, `Fix all ${rule.meta.id} problems in this file`, CodeActionKind.QuickFix, sameRule, rule.meta.id));
      }
      const start = file.lines.offsetAt(diagnostic.range.start);
      const suppress = suppressionEdit(file.text, file.manifest, start, rule.meta.id);
      if (suppress) actions.push(toCodeAction(uri, file, `Suppress ${rule.meta.id} for this line`, CodeActionKind.QuickFix, [suppress], [diagnostic]));
    }
  }
  if (wanted(FIX_ALL_KIND) && (context.only !== undefined || candidates.length > 0)) {
    actions.push(...fixAllAction(request, 'Fix all auto-fixable k8s-init problems', FIX_ALL_KIND, [], undefined));
  }
  return actions;
}

/** A "fix all" action: computed now, or (deferred) with the data `resolveCodeAction` needs. */
function fixAllAction(request: CodeActionRequest, title: string, kind: string, diagnostics: Diagnostic[], ruleId: string | undefined): CodeAction[] {
  if (request.deferFixAll) {
    const data: FixAllData = { k8sInitFixAll: { uri: request.uri, ...(ruleId ? { ruleId } : {}) } };
    return [{ title, kind, ...(diagnostics.length > 0 ? { diagnostics } : {}), data }];
  }
  const edit = fixAll(request, fixAllMatcher(ruleId))?.edit;
  return edit ? [toCodeAction(request.uri, request.file, title, kind, [edit], diagnostics)] : [];
}

export function dataOf(d: Diagnostic, rules: ReadonlyMap<string, Rule>): DiagnosticData | undefined {
  const data = d.data as Partial<DiagnosticData> | undefined;
  if (typeof d.code !== 'string' || !rules.has(d.code)) return undefined;
  if (!data || typeof data !== 'object' || data.ruleId !== d.code || typeof data.messageId !== 'string') return undefined;
  return { ruleId: data.ruleId, messageId: data.messageId, args: data.args ?? {}, ...(data.fix === undefined ? {} : { fix: data.fix }) };
}

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']): boolean => x.line < y.line || (x.line === y.line && x.character <= y.character);
  return before(a.start, b.end) && before(b.start, a.end);
}

/** The rule's fixes for one diagnostic; a throwing or invalid fix yields nothing. */
export function fixesFor(rule: Rule, file: ParsedFile, diagnostic: Diagnostic, data: DiagnosticData, settings: Settings): FixAction[] {
  if (!rule.fix || !rule.meta.fixable) return [];
  try {
    const actions = rule.fix({
      text: file.text,
      manifest: file.manifest,
      settings,
      start: file.lines.offsetAt(diagnostic.range.start),
      end: file.lines.offsetAt(diagnostic.range.end),
      data,
    });
    return actions.filter((a) => a.edits.length > 0 && a.edits.every((e) => e.start >= 0 && e.end >= e.start && e.end <= file.text.length));
  } catch {
    return [];
  }
}

/** The fixes whose result has no more errors of any rule than now (a safety net under every rule's fix). */
function safeFixes(request: CodeActionRequest, fixes: readonly FixAction[], current: () => Diagnostic[]): FixAction[] {
  if (fixes.length === 0) return [];
  return fixes.filter((fix) => {
    const file = parseFile(applyEdits(request.file.text, fix.edits), request.file);
    // An edit that leaves an alias without its anchor (removed, or moved after it) silently loses data.
    if (unresolvedAliases(file.yaml.documents) > unresolvedAliases(request.file.yaml.documents)) return false;
    return newErrorCodes(current(), request.validate(file), file, movedRanges(fix.edits)).length === 0;
  });
}

function toCodeAction(uri: string, file: ParsedFile, title: string, kind: string, edits: readonly OffsetEdit[], diagnostics: Diagnostic[], preferred?: boolean): CodeAction {
  const textEdits: TextEdit[] = edits.map((e) => ({ range: { start: file.lines.positionAt(e.start), end: file.lines.positionAt(e.end) }, newText: e.newText }));
  return {
    title,
    kind,
    ...(diagnostics.length > 0 ? { diagnostics } : {}),
    ...(preferred ? { isPreferred: true } : {}),
    edit: { changes: { [uri]: textEdits } },
  };
}
