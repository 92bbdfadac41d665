/**
 * Document symbols: each Kubernetes object (`Deployment web`), its pod specs (`pod spec` with their path) and
 * their containers in startup order with their roles (`1 wait-for-db` · init, `2 istio-proxy` · sidecar,
 * `app` · app, then ephemeral containers). Kinds: object Class, pod spec Struct, init container Event,
 * sidecar Object, app container Method, ephemeral container Field.
 */
import { SymbolKind } from 'vscode-languageserver-types';
import type { DocumentSymbol, Range } from 'vscode-languageserver-types';
import type { ContainerModel, K8sObject, PodSpecModel } from './model/types';
import type { Span } from './parse/nav';
import type { ParsedFile } from './parsedFile';
import type { Settings } from './settings';
import { startupSequence, stepLabel } from './startup';

const CONTAINER_KIND: Readonly<Record<string, SymbolKind>> = {
  init: SymbolKind.Event,
  sidecar: SymbolKind.Object,
  app: SymbolKind.Method,
  ephemeral: SymbolKind.Field,
};

export function getDocumentSymbols(file: ParsedFile, settings: Settings): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const document of file.manifest.documents) {
    const base = document.source.offset;
    const range = (span: Span): Range => file.lines.rangeOf(base, span);
    for (const object of document.objects) out.push(objectSymbol(object, range, settings));
  }
  return out;
}

function objectSymbol(object: K8sObject, range: (s: Span) => Range, settings: Settings): DocumentSymbol {
  const full = range(object.ref.span);
  const selection = selectionIn(full, range(pairValueSpan(object, 'kind') ?? object.ref.span));
  return {
    name: object.name ? `${object.kind} ${object.name}` : object.kind || '(no kind)',
    detail: [object.apiVersion, object.namespace ? `namespace ${object.namespace}` : ''].filter(Boolean).join(' · '),
    kind: SymbolKind.Class,
    range: full,
    selectionRange: selection,
    children: object.podSpecs.map((pod) => podSymbol(pod, range, settings)),
  };
}

function pairValueSpan(object: K8sObject, key: string): Span | undefined {
  return object.pairs.get(key)?.value?.span;
}

function podSymbol(pod: PodSpecModel, range: (s: Span) => Range, settings: Settings): DocumentSymbol {
  const seq = startupSequence(pod, settings);
  const full = range(unionSpan(pod.ref.span, pod.keyRef?.span));
  const selection = selectionIn(full, range(pod.keyRef?.span ?? pod.ref.span));
  const containers = [...pod.initContainers, ...pod.containers, ...pod.ephemeralContainers];
  return {
    name: 'pod spec',
    detail: `${pod.path} · restartPolicy ${pod.restartPolicy}`,
    kind: SymbolKind.Struct,
    range: full,
    selectionRange: selection,
    children: containers.map((c) => containerSymbol(c, seq.steps.find((s) => s.container === c)?.role ?? c.role, stepLabel(seq, c), range)),
  };
}

function containerSymbol(c: ContainerModel, role: string, label: string, range: (s: Span) => Range): DocumentSymbol {
  const full = range(c.ref.span);
  const nameSpan = c.pairs.get('name')?.value?.span;
  const step = label.split(' ')[0] ?? '';
  const prefix = /^\d+$/.test(step) ? `${step} ` : '';
  return {
    name: `${prefix}${c.name ?? `${c.list}[${c.index}]`}`,
    detail: role === 'app' ? 'app' : role,
    kind: CONTAINER_KIND[role] ?? SymbolKind.Field,
    range: full,
    selectionRange: selectionIn(full, nameSpan ? range(nameSpan) : full),
  };
}

function unionSpan(a: Span, b: Span | undefined): Span {
  return b ? { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) } : a;
}

/** A selection range must lie inside the full range (aliases can point elsewhere): fall back to the full range. */
function selectionIn(full: Range, sel: Range): Range {
  const le = (a: Range['start'], b: Range['start']): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(full.start, sel.start) && le(sel.end, full.end) ? sel : { start: full.start, end: full.start };
}
