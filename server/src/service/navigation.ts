import { isScalar } from 'yaml';
import { DocumentHighlightKind } from 'vscode-languageserver-types';
import type { DocumentHighlight, Location, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { ManifestDocument, PodSpecModel } from './model/types';
import { mapPath, mapValue, scalarText, seqItems } from './parse/nav';
import type { NodeRef } from './parse/nav';
import type { ParsedFile } from './parsedFile';
import { documentAt } from './edits/locate';
import { editContext, replaceScalar } from './edits/index';
import type { Scalar } from 'yaml';

export type SymbolKind = 'volume' | 'container';

/** One written occurrence of a volume or container name. */
export interface NameOccurrence {
  readonly ref: NodeRef;
  /** True where the name is declared (`volumes[].name`, a container's `name`). */
  readonly declaration: boolean;
}

/** The name under the cursor and every occurrence of it in its pod spec. */
export interface NameSymbol {
  readonly kind: SymbolKind;
  readonly name: string;
  readonly document: ManifestDocument;
  readonly at: NameOccurrence;
  readonly occurrences: readonly NameOccurrence[];
}

/** Volume names: declarations (`volumes[].name`, StatefulSet claim templates) and every container's mounts. */
function volumeOccurrences(pod: PodSpecModel): Array<NameOccurrence & { name: string }> {
  const out: Array<NameOccurrence & { name: string }> = [];
  for (const v of pod.volumes) if (v.nameRef && v.name !== undefined) out.push({ ref: v.nameRef, declaration: true, name: v.name });
  for (const c of pod.allContainers) {
    for (const m of c.volumeMounts) if (m.nameRef && m.name !== undefined) out.push({ ref: m.nameRef, declaration: false, name: m.name });
  }
  return out;
}

/** Container names: each container's `name` and Job `podFailurePolicy.rules[].onExitCodes.containerName`. */
function containerOccurrences(pod: PodSpecModel): Array<NameOccurrence & { name: string }> {
  const out: Array<NameOccurrence & { name: string }> = [];
  for (const c of pod.allContainers) {
    const ref = c.pairs.get('name')?.value;
    if (ref && c.name !== undefined) out.push({ ref, declaration: true, name: c.name });
  }
  const rules = mapPath(pod.workload.jobSpec, ['podFailurePolicy', 'rules'], pod.yaml);
  for (const { ref: rule } of seqItems(rules, pod.yaml)) {
    const ref = mapValue(mapValue(rule, 'onExitCodes', pod.yaml), 'containerName', pod.yaml);
    const name = scalarText(ref);
    if (ref && name !== undefined) out.push({ ref, declaration: false, name });
  }
  return out;
}

const within = (ref: NodeRef, at: number): boolean => at >= ref.span.start && at <= ref.span.end;

/** The volume or container name at an offset, with all its occurrences in the pod. */
export function symbolAt(file: ParsedFile, offset: number): NameSymbol | undefined {
  const document = documentAt(file.manifest, offset);
  if (!document) return undefined;
  const at = offset - document.source.offset;
  for (const pod of document.podSpecs) {
    for (const [kind, list] of [['volume', volumeOccurrences(pod)], ['container', containerOccurrences(pod)]] as const) {
      const hit = list.find((o) => isScalar(o.ref.node) && within(o.ref, at));
      if (!hit) continue;
      const occurrences = list.filter((o) => o.name === hit.name).map(({ ref, declaration }) => ({ ref, declaration }));
      return { kind, name: hit.name, document, at: { ref: hit.ref, declaration: hit.declaration }, occurrences };
    }
  }
  return undefined;
}

function rangeOf(file: ParsedFile, symbol: NameSymbol, ref: NodeRef): Range {
  return file.lines.rangeOf(symbol.document.source.offset, ref.span);
}

function lookup(file: ParsedFile, position: Position): NameSymbol | undefined {
  return symbolAt(file, file.lines.offsetAt(position));
}

/** Go to definition: from a mount to its volume, from a `containerName` to the container. */
export function findDefinition(uri: string, file: ParsedFile, position: Position): Location[] {
  const symbol = lookup(file, position);
  if (!symbol) return [];
  return symbol.occurrences.filter((o) => o.declaration).map((o) => ({ uri, range: rangeOf(file, symbol, o.ref) }));
}

/** Find references: every mount of a volume (init, sidecar and app containers), every use of a container name. */
export function findReferences(uri: string, file: ParsedFile, position: Position, includeDeclaration: boolean): Location[] {
  const symbol = lookup(file, position);
  if (!symbol) return [];
  return symbol.occurrences.filter((o) => includeDeclaration || !o.declaration).map((o) => ({ uri, range: rangeOf(file, symbol, o.ref) }));
}

export function findDocumentHighlights(file: ParsedFile, position: Position): DocumentHighlight[] {
  const symbol = lookup(file, position);
  if (!symbol) return [];
  return symbol.occurrences.map((o) => ({ range: rangeOf(file, symbol, o.ref), kind: o.declaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }));
}

/** The range and current name to rename, or undefined where nothing can be renamed (or it is written through an alias). */
export function prepareRename(file: ParsedFile, position: Position): { range: Range; placeholder: string } | undefined {
  const symbol = lookup(file, position);
  if (!symbol || symbol.at.ref.alias) return undefined;
  return { range: rangeOf(file, symbol, symbol.at.ref), placeholder: symbol.name };
}

/** Renames a volume or a container consistently (declaration, mounts, `podFailurePolicy` names); occurrences through aliases are left alone. */
export function doRename(uri: string, file: ParsedFile, position: Position, newName: string): WorkspaceEdit | undefined {
  const symbol = lookup(file, position);
  if (!symbol || symbol.at.ref.alias) return undefined;
  const ctx = editContext(file.text, symbol.document.source.offset, symbol.document.source.text);
  const edits: TextEdit[] = [];
  for (const o of symbol.occurrences) {
    if (o.ref.alias || !isScalar(o.ref.node)) continue;
    const e = replaceScalar(ctx, o.ref.node as Scalar, newName);
    edits.push({ range: { start: file.lines.positionAt(e.start), end: file.lines.positionAt(e.end) }, newText: e.newText });
  }
  return { changes: { [uri]: edits } };
}
