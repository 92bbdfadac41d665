import type { FixInput } from '../../rules/types';
import type { ContainerModel, K8sObject, Manifest, ManifestDocument, PodSpecModel } from '../model/types';
import type { NodeRef, Span } from '../parse/nav';
import { editContext } from './nodes';
import type { EditContext } from './nodes';

/** What a quick fix works on: the YAML document holding the diagnostic and the innermost model parts around it. */
export interface FixTarget {
  readonly document: ManifestDocument;
  readonly ctx: EditContext;
  /** Chunk-relative offset of the diagnostic's start. */
  readonly at: number;
  readonly object: K8sObject | undefined;
  readonly pod: PodSpecModel | undefined;
  readonly container: ContainerModel | undefined;
}

const inside = (span: Span, at: number): boolean => at >= span.start && at <= span.end;

/** The YAML document of the manifest that holds an absolute offset. */
export function documentAt(manifest: Manifest, offset: number): ManifestDocument | undefined {
  let found: ManifestDocument | undefined;
  for (const d of manifest.documents) {
    if (offset >= d.source.offset && offset <= d.source.offset + d.source.text.length) found = d;
  }
  return found;
}

/** Locates the document, object, pod spec and container around an absolute offset. */
export function locate(text: string, manifest: Manifest, offset: number): FixTarget | undefined {
  const document = documentAt(manifest, offset);
  if (!document) return undefined;
  const at = offset - document.source.offset;
  const object = smallest(document.objects.filter((o) => inside(o.ref.span, at)), (o) => o.ref.span);
  const pod = smallest(document.podSpecs.filter((p) => inside(p.ref.span, at) || (p.keyRef !== undefined && inside(p.keyRef.span, at))), (p) => p.ref.span);
  const container = pod ? smallest(pod.allContainers.filter((c) => inside(c.ref.span, at)), (c) => c.ref.span) : undefined;
  return { document, ctx: editContext(text, document.source.offset, document.source.text), at, object, pod, container };
}

/** `locate` for a quick fix's input. */
export function locateFix(input: FixInput): FixTarget | undefined {
  return locate(input.text, input.manifest, input.start);
}

function smallest<T>(items: readonly T[], span: (t: T) => Span): T | undefined {
  let best: T | undefined;
  for (const item of items) {
    if (!best) best = item;
    else {
      const a = span(item);
      const b = span(best);
      if (a.end - a.start < b.end - b.start) best = item;
    }
  }
  return best;
}

/** Whether edits may touch the node: not reached through an alias (that would edit the anchor's source, shared by others). */
export function editable(ref: NodeRef | undefined): boolean {
  return ref !== undefined && ref.alias === undefined;
}
