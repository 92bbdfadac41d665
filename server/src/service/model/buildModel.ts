import type { Document } from 'yaml';
import { mapPairs, mapValue, rootRef, scalarText, seqItems, isMapRef } from '../parse/nav';
import type { NodeRef, PairRef } from '../parse/nav';
import type { YamlDocument, YamlFile } from '../parse/yamlFile';
import type { K8sObject, Manifest, ManifestDocument, PodSpecModel } from './types';
import { coreKindInfo, TEMPLATE_CRD_PATH } from './workloadKinds';
import { buildPodSpec } from './podSpec';

/**
 * Models per parsed YAML document: an unchanged chunk keeps its parsed document across edits (even when
 * lines are inserted above it and its offset moves), and so its model and objects.
 */
const cache = new WeakMap<object, Omit<ManifestDocument, 'docIndex'>>();

/** Builds the model of a parsed file. Per-document models are reused for unchanged documents. */
export function buildManifest(file: YamlFile): Manifest {
  const steps = buildManifestSteps(file);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** The same as buildManifest, yielding after each document it had to model. */
export function* buildManifestSteps(file: YamlFile): Generator<void, Manifest, void> {
  const documents: ManifestDocument[] = [];
  let docIndex = 0;
  for (const source of file.documents) {
    if (source.yaml === undefined && source.template === undefined && source.declined === undefined) continue;
    const key = source.yaml ?? source;
    let model = cache.get(key);
    if (!model) {
      model = buildDocument(source);
      cache.set(key, model);
      documents.push({ ...model, source, docIndex: docIndex++ });
      yield;
      continue;
    }
    documents.push({ ...model, source, docIndex: docIndex++ });
  }
  return { text: file.text, documents };
}

function buildDocument(source: YamlDocument): Omit<ManifestDocument, 'docIndex'> {
  const templateAt = source.template && !source.template.analysable ? source.template.at : undefined;
  if (templateAt !== undefined || source.yaml === undefined) {
    return { source, isKubernetes: false, objects: [], podSpecs: [], templateAt };
  }
  const yaml = source.yaml;
  const root = rootRef(yaml);
  const pairs = pairMap(root, yaml);
  const isKubernetes = pairs.has('apiVersion') && pairs.has('kind');
  if (!isKubernetes || !root) return { source, isKubernetes: false, objects: [], podSpecs: [], templateAt: undefined };
  const objects: K8sObject[] = [];
  collectObjects(root, pairs, yaml, '', objects, 0);
  return { source, isKubernetes, objects, podSpecs: objects.flatMap((o) => o.podSpecs), templateAt: undefined };
}

function collectObjects(ref: NodeRef, pairs: ReadonlyMap<string, PairRef>, yaml: Document.Parsed, prefix: string, out: K8sObject[], depth: number): void {
  const kind = scalarText(pairs.get('kind')?.value) ?? '';
  const apiVersion = scalarText(pairs.get('apiVersion')?.value) ?? '';
  const items = pairs.get('items')?.value;
  if ((kind === 'List' || kind.endsWith('List')) && items && depth < 4) {
    for (const { index, ref: item } of seqItems(items, yaml)) {
      const itemPairs = pairMap(item, yaml);
      if (itemPairs.has('kind')) collectObjects(item, itemPairs, yaml, `${prefix}items[${index}].`, out, depth + 1);
    }
    return;
  }
  const metadata = pairs.get('metadata')?.value;
  const object: { -readonly [K in keyof K8sObject]: K8sObject[K] } = {
    apiVersion,
    kind,
    name: scalarText(mapValue(metadata, 'name', yaml)),
    namespace: scalarText(mapValue(metadata, 'namespace', yaml)),
    ref,
    pairs,
    pathPrefix: prefix,
    podSpecs: [],
    yaml,
  };
  object.podSpecs = findPodSpecs(object, yaml);
  out.push(object);
}

function findPodSpecs(object: K8sObject, yaml: Document.Parsed): PodSpecModel[] {
  const info = coreKindInfo(object.apiVersion, object.kind);
  const path = info ? info.podSpecPath : TEMPLATE_CRD_PATH;
  let parent: NodeRef | undefined = object.ref;
  let keyRef: NodeRef | undefined;
  for (const key of path) {
    const pair: PairRef | undefined = mapPairs(parent, yaml).find((p) => p.keyText === key);
    if (!pair) return [];
    keyRef = pair.key;
    parent = pair.value;
  }
  if (!isMapRef(parent)) return [];
  if (!info) {
    // A custom resource: only treat `spec.template.spec` as a pod spec when it looks like one.
    const specPairs = pairMap(parent, yaml);
    if (!specPairs.has('containers') && !specPairs.has('initContainers')) return [];
  }
  return [buildPodSpec(object, parent, keyRef, path.join('.'), info, yaml)];
}

export function pairMap(ref: NodeRef | undefined, yaml: Document.Parsed): Map<string, PairRef> {
  const out = new Map<string, PairRef>();
  for (const p of mapPairs(ref, yaml)) out.set(p.keyText, p);
  return out;
}
