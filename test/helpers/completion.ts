import assert from 'node:assert/strict';
import type { CompletionItem, Diagnostic } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/service/index';
import { expandSnippet } from '../../server/src/service/completion/snippets';
import { applyTextEdits } from './fixTester';

export const service = getLanguageService();

/** Completion items at the `|` cursor of a text (the marker is removed). */
export function complete(marked: string, settings: Record<string, unknown> = {}): { text: string; items: CompletionItem[] } {
  const at = marked.indexOf('|');
  assert.ok(at >= 0, 'a | cursor marker');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  const file = service.parse(text);
  const list = service.doComplete(file, file.lines.positionAt(at), service.settings(settings));
  return { text, items: list.items };
}

/** The item labelled `label`, else the one whose label includes it (exactly one). */
export function pick(items: readonly CompletionItem[], label: string): CompletionItem {
  const exact = items.filter((i) => i.label === label);
  const found = exact.length > 0 ? exact : items.filter((i) => i.label.includes(label));
  assert.equal(found.length, 1, `one item "${label}" among ${JSON.stringify(items.map((i) => i.label))}`);
  return found[0] as CompletionItem;
}

/** Applies an item as the editor would, with every snippet placeholder at its default. */
export function accept(text: string, item: CompletionItem): string {
  const edit = item.textEdit;
  assert.ok(edit && 'range' in edit, 'the item has a text edit');
  const newText = item.insertTextFormat === 2 ? expandSnippet(edit.newText) : edit.newText;
  return applyTextEdits(text, [{ range: edit.range, newText }, ...(item.additionalTextEdits ?? [])]);
}

/** Errors (and, when asked, warnings) the service reports on a text. */
export function problems(text: string, settings: Record<string, unknown> = {}, minSeverity: 1 | 2 = 1): Diagnostic[] {
  const file = service.parse(text);
  return service.doValidation('file:///completion.yaml', file, service.settings(settings)).filter((d) => (d.severity ?? 1) <= minSeverity);
}
