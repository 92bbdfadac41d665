import type { Document } from 'yaml';
import type { K8sObject, Manifest, ManifestDocument, PodSpecModel } from './model/types';

/**
 * The objects cross-object rules can see during one validation run: those of the file's documents and
 * of the workspace's other open documents. Rules get them as tracking views: reading an object's
 * `kind`, `apiVersion`, `name`, `namespace`, `pathPrefix` or `podSpecs.length` is free, reading anything else (its mapping,
 * pairs, pod specs…) records a dependency on the object's parsed YAML document. A document's
 * cross-object findings stay valid while the identity fields of all objects are the same (`signature`)
 * and every recorded dependency is still there, unchanged (an edited chunk gets a new parsed document).
 */
export interface CrossScope {
  readonly signature: string;
  /** The parsed documents of every object in scope. */
  readonly yamls: ReadonlySet<Document.Parsed>;
  readonly entries: readonly ScopeEntry[];
}

interface ScopeEntry {
  readonly view: K8sObject;
  /** The document of the file the object belongs to; undefined for workspace objects. */
  readonly owner: ManifestDocument | undefined;
}

/** The dependencies recorded by the run in progress (runs never nest: rules are synchronous). */
let tracking: Set<Document.Parsed> | 'all' | undefined;

function track(object: K8sObject): void {
  if (tracking !== undefined && tracking !== 'all') tracking.add(object.yaml);
}

const views = new WeakMap<K8sObject, K8sObject>();

/** The object's pod specs with the length readable for free and each element recording the dependency. */
function trackedPodSpecs(object: K8sObject): readonly PodSpecModel[] {
  const specs = object.podSpecs;
  if (specs.length === 0) return specs;
  const tracked: PodSpecModel[] = [];
  specs.forEach((spec, i) => {
    Object.defineProperty(tracked, i, {
      enumerable: true,
      get() {
        track(object);
        return spec;
      },
    });
  });
  return Object.freeze(tracked);
}

/**
 * What a rule sees of another object: identity fields as plain data, everything else through getters
 * that record the dependency; `podSpecs.length` is free too (it is part of the signature), reading a pod
 * spec is not. Plain objects of one shape keep the rules' loops over thousands of objects fast.
 */
class ObjectView implements K8sObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string | undefined;
  readonly namespace: string | undefined;
  readonly pathPrefix: string;
  readonly podSpecs: readonly PodSpecModel[];
  readonly #object: K8sObject;

  constructor(object: K8sObject) {
    this.apiVersion = object.apiVersion;
    this.kind = object.kind;
    this.name = object.name;
    this.namespace = object.namespace;
    this.pathPrefix = object.pathPrefix;
    this.podSpecs = trackedPodSpecs(object);
    this.#object = object;
  }

  get ref(): K8sObject['ref'] {
    track(this.#object);
    return this.#object.ref;
  }

  get pairs(): K8sObject['pairs'] {
    track(this.#object);
    return this.#object.pairs;
  }

  get yaml(): K8sObject['yaml'] {
    track(this.#object);
    return this.#object.yaml;
  }
}

function viewOf(object: K8sObject): K8sObject {
  let view = views.get(object);
  if (!view) {
    view = new ObjectView(object);
    views.set(object, view);
  }
  return view;
}

export function buildCrossScope(manifest: Manifest, workspaceObjects: readonly K8sObject[]): CrossScope {
  const entries: ScopeEntry[] = [];
  const yamls = new Set<Document.Parsed>();
  const parts: string[] = [];
  const add = (object: K8sObject, owner: ManifestDocument | undefined): void => {
    entries.push({ view: viewOf(object), owner });
    yamls.add(object.yaml);
    parts.push(`${object.kind}\u0001${object.apiVersion}\u0001${object.name ?? '\u0002'}\u0001${object.namespace ?? '\u0002'}\u0001${object.pathPrefix}\u0001${object.podSpecs.length}\u0001${owner ? 'f' : 'w'}`);
  };
  for (const d of manifest.documents) for (const o of d.objects) add(o, d);
  for (const o of workspaceObjects) add(o, undefined);
  return { signature: parts.join('\u0000'), yamls, entries };
}

/** Whether the objects a cached run depended on are all still in scope, unchanged. */
export function crossDepsValid(deps: ReadonlySet<Document.Parsed> | 'all', scope: CrossScope): boolean {
  if (deps === 'all') return false;
  for (const d of deps) if (!scope.yamls.has(d)) return false;
  return true;
}

/** Runs `run` with the other objects of `document` (as tracking views) and returns what it read. */
export function trackedRun<T>(
  scope: CrossScope,
  document: ManifestDocument,
  run: (others: readonly K8sObject[], markAll: () => void) => T,
): { result: T; deps: Set<Document.Parsed> | 'all' } {
  const others: K8sObject[] = [];
  for (const e of scope.entries) if (e.owner !== document) others.push(e.view);
  const outer = tracking;
  const deps = new Set<Document.Parsed>();
  tracking = deps;
  let all = false;
  try {
    const result = run(others, () => {
      all = true;
      tracking = 'all';
    });
    return { result, deps: all ? 'all' : deps };
  } finally {
    tracking = outer;
  }
}
