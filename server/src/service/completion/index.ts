import { isMap } from 'yaml';
import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind } from 'vscode-languageserver-types';
import type { CompletionItem, CompletionList, Position, TextEdit } from 'vscode-languageserver-types';
import type { OffsetEdit } from '../../rules/types';
import { gateEnabled } from '../featureGates';
import { addToSeqOf, editContext, findPair } from '../edits/index';
import { detectStyle } from '../edits/render';
import { eolOf, lineStartOf } from '../edits/text';
import { documentAt } from '../edits/locate';
import type { ContainerRole, PodSpecModel } from '../model/types';
import { parseFile } from '../parsedFile';
import type { ParsedFile } from '../parsedFile';
import type { Settings } from '../settings';
import { cursorContext, keyPath, lineEntries } from './context';
import type { CursorContext } from './context';
import { containerKeyItems, containerValueItems } from './fields';
import { INIT_SNIPPETS, renderBlockMap, renderFlowMap } from './snippets';
import type { InitSnippet } from './snippets';

const CONTAINER_LISTS = new Set(['initContainers', 'containers', 'ephemeralContainers']);

/** Completion: init-container snippets, role-aware container keys, enum values and name references. */
export function doComplete(file: ParsedFile, position: Position, settings: Settings): CompletionList {
  const offset = file.lines.offsetAt(position);
  const ctx = cursorContext(file, offset);
  const items: CompletionItem[] = [];
  if (ctx) {
    const keys = keyPath(ctx.path);
    const last = ctx.path.at(-1);
    const list = keys.at(-1);
    if ((ctx.mode === 'item' || ctx.mode === 'flowItem') && list === 'initContainers' && (ctx.mode === 'flowItem' || last?.kind === 'key')) {
      items.push(...snippetItems(file, ctx, settings));
    }
    const inContainer = last?.kind === 'item' && list !== undefined && CONTAINER_LISTS.has(list);
    if (ctx.mode === 'key' && inContainer) items.push(...keyItems(file, ctx, settings, list));
    if (ctx.mode === 'item' && ctx.afterDash && last?.kind === 'key' && list !== undefined && CONTAINER_LISTS.has(list)) {
      // The first key of a new container: `- na|`.
      const start = ctx.replaceStart + (ctx.typed.length - ctx.typed.replace(/^-[ \t]*/, '').length);
      items.push(...keyItems(file, { ...ctx, replaceStart: start, col: ctx.col + 2 }, settings, list, true));
    }
    if (ctx.mode === 'value') items.push(...valueItems(file, ctx, settings, keys));
  }
  return { isIncomplete: false, items };
}

function textEditOf(file: ParsedFile, start: number, end: number, newText: string): TextEdit {
  return { range: { start: file.lines.positionAt(start), end: file.lines.positionAt(end) }, newText };
}

/** The role of the container being written: from the model when the document parses, else from its lines. */
function roleAt(file: ParsedFile, ctx: CursorContext, list: string): { role: ContainerRole; present: Set<string> } {
  // Lines as LineIndex (and LSP) count them: a lone \r breaks a line too (found by the fuzzer).
  const lines = file.text.split(/\r\n|\r|\n/);
  const line = file.lines.positionAt(ctx.replaceStart).line;
  const item = ctx.path.at(-1);
  const itemCol = item?.kind === 'item' ? item.col : ctx.col - 2;
  const keyCol = itemCol + 2;
  let first = line;
  while (first > 0 && !lineEntries(lines[first] as string).entries.some((e) => e.kind === 'dash' && e.col === itemCol)) first--;
  const present = new Set<string>();
  let restartPolicy: string | undefined;
  for (let i = first; i < lines.length; i++) {
    const { entries, blank } = lineEntries(lines[i] as string);
    if (blank || i === line) continue;
    if (i > first && entries.some((e) => e.col <= itemCol)) break;
    const key = entries.find((e) => e.kind === 'key' && e.col === keyCol);
    if (key?.key) {
      present.add(key.key);
      if (key.key === 'restartPolicy') restartPolicy = /restartPolicy:\s*["']?(\w+)/.exec(lines[i] as string)?.[1];
    }
  }
  const role: ContainerRole = list === 'initContainers' ? (restartPolicy === 'Always' ? 'sidecar' : 'init') : list === 'containers' ? 'app' : 'ephemeral';
  return { role, present };
}

function keyItems(file: ParsedFile, ctx: CursorContext, settings: Settings, list: string, firstKey = false): CompletionItem[] {
  const { role, present } = roleAt(file, ctx, list);
  if (firstKey) present.clear();
  const style = detectStyle(ctx.document?.source.text ?? file.text, eolOf(file.text));
  return containerKeyItems({ role, present, settings, col: ctx.col, indent: style.indent, indentSeq: style.indentSeq, eol: style.eol, range: { start: ctx.replaceStart, end: ctx.replaceEnd } }).map(({ offsets, insertText, ...item }) => ({
    ...item,
    textEdit: textEditOf(file, offsets.start, offsets.end, insertText ?? item.label),
  }));
}

function valueItems(file: ParsedFile, ctx: CursorContext, settings: Settings, keys: readonly string[]): CompletionItem[] {
  const key = ctx.key ?? '';
  const last = ctx.path.at(-1);
  const list = keys.at(-1);
  const edit = (label: string): TextEdit => textEditOf(file, ctx.replaceStart, ctx.replaceEnd, label);
  let items: CompletionItem[] = [];
  const pod = podAt(file, ctx.replaceStart);
  if (last?.kind === 'item' && list === 'volumeMounts' && key === 'name') {
    items = (pod?.volumes ?? [])
      .filter((v) => v.name !== undefined)
      .map((v) => ({ label: v.name as string, kind: CompletionItemKind.Reference, detail: `volume (${v.source ?? 'unknown source'})` }));
  } else if (key === 'containerName' && keys.includes('podFailurePolicy')) {
    const object = pod?.owner ?? documentAt(file.manifest, ctx.replaceStart)?.objects[0];
    items = (object?.podSpecs[0]?.allContainers ?? [])
      .filter((c) => c.name !== undefined && c.role !== 'ephemeral')
      .map((c) => ({ label: c.name as string, kind: CompletionItemKind.Reference, detail: c.label }));
  } else if (last?.kind === 'item' && list !== undefined && CONTAINER_LISTS.has(list)) {
    items = containerValueItems(key, roleAt(file, ctx, list).role, settings);
  } else if (key === 'restartPolicy' && keys.at(-1) === 'spec' && pod) {
    const allowed = pod.workload.allowedRestartPolicies ?? ['Always', 'OnFailure', 'Never'];
    items = allowed.map((v, i) => ({ label: v, kind: CompletionItemKind.EnumMember, sortText: `${i}`, detail: `pod restart policy a ${pod.workload.kind} accepts` }));
  }
  return items.map((i) => ({ ...i, textEdit: edit(i.label) }));
}

/** The pod spec around an offset. */
function podAt(file: ParsedFile, offset: number): PodSpecModel | undefined {
  const document = documentAt(file.manifest, offset);
  return document ? podSpecBefore(document.podSpecs, offset - document.source.offset) : undefined;
}

/**
 * The pod spec the cursor writes in: the last one starting before it (a block mapping's range ends at
 * its last value, so a cursor on a new line below it is still in it).
 */
function podSpecBefore(pods: readonly PodSpecModel[], at: number): PodSpecModel | undefined {
  let best: PodSpecModel | undefined;
  for (const p of pods) if (p.ref.span.start <= at && (!best || p.ref.span.start > best.ref.span.start)) best = p;
  return best;
}

function snippetItems(file: ParsedFile, ctx: CursorContext, settings: Settings): CompletionItem[] {
  const sidecars = gateEnabled(settings, 'SidecarContainers');
  const style = detectStyle(ctx.document?.source.text ?? file.text, eolOf(file.text));
  return INIT_SNIPPETS.filter((s) => !s.sidecar || sidecars).map((s, i) => {
    const text = ctx.mode === 'flowItem' ? renderFlowMap(s.body) : `- ${renderBlockMap(s.body, ctx.col + 2, style)}`;
    const extra = volumeEdits(file, ctx, s);
    return {
      label: s.label,
      kind: CompletionItemKind.Snippet,
      detail: s.detail,
      documentation: { kind: MarkupKind.Markdown, value: s.documentation },
      filterText: ctx.mode === 'flowItem' ? s.id : `${ctx.typed.startsWith('-') ? '- ' : ''}${s.id} ${s.label}`,
      sortText: `0${i}`,
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.asIs,
      textEdit: textEditOf(file, ctx.replaceStart, ctx.replaceEnd, text),
      ...(extra.length > 0 ? { additionalTextEdits: extra.map((e) => textEditOf(file, e.start, e.end, e.newText)) } : {}),
    };
  });
}

/**
 * The volume a snippet mounts (an `emptyDir`, unless the pod has one of that name) and the app
 * container's mount of it, computed on the text without the word being typed.
 */
function volumeEdits(file: ParsedFile, ctx: CursorContext, snippet: InitSnippet): OffsetEdit[] {
  const need = snippet.volume;
  if (!need) return [];
  const removed = ctx.replaceEnd - ctx.replaceStart;
  const text = file.text.slice(0, ctx.replaceStart) + file.text.slice(ctx.replaceEnd);
  const reparsed = removed > 0 ? parseFile(text) : file;
  const document = documentAt(reparsed.manifest, ctx.replaceStart);
  if (!document || document.source.errors.length > 0) return [];
  const at = ctx.replaceStart - document.source.offset;
  const pod = podSpecBefore(document.podSpecs, at);
  if (!pod || pod.ref.alias || !isMap(pod.ref.node)) return [];
  const ectx = editContext(text, document.source.offset, document.source.text);
  const edits: OffsetEdit[] = [];
  if (!pod.volumes.some((v) => v.name === need.name) && !pod.pairs.get('volumes')?.merged) {
    let add = addToSeqOf(ectx, pod.ref.node, 'volumes', { name: need.name, emptyDir: {} });
    const cursorLine = lineStartOf(text, ctx.replaceStart);
    if (add.some((e) => e.start >= cursorLine && e.start <= ctx.replaceStart) && !findPair(pod.ref.node, 'volumes')) {
      // `volumes:` would land on the line being written (the list is the pod's last field): put it before the list.
      add = addToSeqOf(ectx, pod.ref.node, 'volumes', { name: need.name, emptyDir: {} }, { before: ['initContainers'] });
    }
    edits.push(...add);
  }
  // The app's mount goes first: at the end of the text both insert at the same offset, and the inner
  // (the app container) must come before the outer (`volumes:` of the pod).
  const app = pod.containers[0];
  if (need.appMountPath && app && !app.ref.alias && isMap(app.ref.node) && !app.volumeMounts.some((m) => m.name === need.name) && !app.pairs.get('volumeMounts')?.merged) {
    edits.unshift(...addToSeqOf(ectx, app.ref.node, 'volumeMounts', { name: need.name, mountPath: need.appMountPath, ...(need.appReadOnly ? { readOnly: true } : {}) }, { after: ['image', 'name'] }));
  }
  // Back to offsets of the real text; an edit touching the typed word is dropped.
  return edits
    .filter((e) => e.end <= ctx.replaceStart || e.start >= ctx.replaceStart)
    .map((e) => (e.start >= ctx.replaceStart && removed > 0 ? { start: e.start + removed, end: e.end + removed, newText: e.newText } : e))
    .filter((e) => e.end < ctx.replaceStart || e.start > ctx.replaceEnd);
}
