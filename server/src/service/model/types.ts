import type { Document } from 'yaml';
import type { NodeRef, PairRef, Span } from '../parse/nav';
import type { YamlDocument } from '../parse/yamlFile';

export type ContainerRole = 'init' | 'sidecar' | 'app' | 'ephemeral';
export type ContainerList = 'initContainers' | 'containers' | 'ephemeralContainers';

/** A Kubernetes object found in a YAML document (a top-level object or an item of a List). */
export interface K8sObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string | undefined;
  readonly namespace: string | undefined;
  /** The object's mapping. */
  readonly ref: NodeRef;
  readonly pairs: ReadonlyMap<string, PairRef>;
  /** Path prefix of the object inside its document: '' for a top-level object, 'items[2].' for a List item. */
  readonly pathPrefix: string;
  readonly podSpecs: readonly PodSpecModel[];
  /** The parsed YAML document the object lives in (needed to resolve aliases). */
  readonly yaml: Document.Parsed;
}

/** A pod spec and everything the rules need about it. */
export interface PodSpecModel {
  readonly owner: K8sObject;
  /** API path of the pod spec relative to the object, e.g. `spec.template.spec`. */
  readonly path: string;
  /** The pod spec mapping. */
  readonly ref: NodeRef;
  /** The key whose value is the pod spec (`spec:`), where pod-level findings without a field are reported. */
  readonly keyRef: NodeRef | undefined;
  readonly pairs: ReadonlyMap<string, PairRef>;
  readonly initContainers: readonly ContainerModel[];
  readonly containers: readonly ContainerModel[];
  readonly ephemeralContainers: readonly ContainerModel[];
  /** Init containers (in order), then app containers, then ephemeral containers. */
  readonly allContainers: readonly ContainerModel[];
  readonly volumes: readonly VolumeModel[];
  /** The pod `restartPolicy` after API defaulting (`Always` when not set). */
  readonly restartPolicy: string;
  readonly restartPolicyPair: PairRef | undefined;
  /** How the object that owns the pod runs it. */
  readonly workload: WorkloadInfo;
  readonly yaml: Document.Parsed;
}

export interface WorkloadInfo {
  /** The kind of the object holding the pod spec (`CronJob` for a CronJob's template). */
  readonly kind: string;
  /** Whether the object is one of the nine core kinds validated by the API server. */
  readonly core: boolean;
  /** Pod `restartPolicy` values the kind's validation allows; undefined for custom resources. */
  readonly allowedRestartPolicies: readonly string[] | undefined;
  /** `spec.replicas` when set as a number; the API default (1) for Deployments and the like otherwise. */
  readonly replicas: number | undefined;
  /** Whether `replicas` was written in the manifest. */
  readonly replicasExplicit: boolean;
  /** StatefulSet `podManagementPolicy` after defaulting (`OrderedReady`). */
  readonly podManagementPolicy: string | undefined;
  /** Job `parallelism` after defaulting (1). */
  readonly parallelism: number | undefined;
  /** Whether the pod runs to completion (Job, CronJob, or a bare Pod with restartPolicy Never/OnFailure). */
  readonly runsToCompletion: boolean;
  /** The Job spec mapping (for Job and CronJob), where `podFailurePolicy` lives. */
  readonly jobSpec: NodeRef | undefined;
}

export interface ContainerModel {
  readonly role: ContainerRole;
  readonly list: ContainerList;
  /** Index in its list. */
  readonly index: number;
  /** The container's mapping. */
  readonly ref: NodeRef;
  readonly pairs: ReadonlyMap<string, PairRef>;
  readonly name: string | undefined;
  readonly image: string | undefined;
  /** Container-level `restartPolicy` as written. */
  readonly restartPolicy: string | undefined;
  /** API path relative to the object, e.g. `spec.template.spec.initContainers[0]`. */
  readonly path: string;
  /** How messages name it: "init container 2 of 3 `migrate`", "sidecar `istio-proxy`", "container `app`". */
  readonly label: string;
  readonly volumeMounts: readonly VolumeMountModel[];
}

export interface VolumeModel {
  readonly index: number;
  readonly name: string | undefined;
  readonly nameRef: NodeRef | undefined;
  readonly ref: NodeRef;
  /** The volume source key (`emptyDir`, `hostPath`, `configMap`, …), if exactly one is present. */
  readonly source: string | undefined;
  readonly sourceRef: NodeRef | undefined;
}

export interface VolumeMountModel {
  readonly index: number;
  readonly name: string | undefined;
  readonly nameRef: NodeRef | undefined;
  readonly mountPath: string | undefined;
  readonly mountPathRef: NodeRef | undefined;
  readonly readOnly: boolean;
  readonly ref: NodeRef;
}

/** One YAML document with the Kubernetes objects found in it. */
export interface ManifestDocument {
  readonly source: YamlDocument;
  /** Index among the non-empty documents (what `doc[N]` counts). */
  readonly docIndex: number;
  /** True when the document's root is a mapping with `apiVersion` and `kind`. */
  readonly isKubernetes: boolean;
  readonly objects: readonly K8sObject[];
  readonly podSpecs: readonly PodSpecModel[];
  /** Chunk-relative offset of a template action when the template could not be parsed even masked; such a document is not analysed. */
  readonly templateAt: number | undefined;
}

export interface Manifest {
  readonly text: string;
  readonly documents: readonly ManifestDocument[];
}

export type { NodeRef, PairRef, Span };
