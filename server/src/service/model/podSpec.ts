import type { Document } from 'yaml';
import { mapPairs, mapValue, scalarText, scalarValue, seqItems } from '../parse/nav';
import type { NodeRef, PairRef } from '../parse/nav';
import type { ContainerList, ContainerModel, ContainerRole, K8sObject, PodSpecModel, VolumeModel, VolumeMountModel, WorkloadInfo } from './types';
import type { KindInfo } from './workloadKinds';

export function buildPodSpec(
  owner: K8sObject,
  ref: NodeRef,
  keyRef: NodeRef | undefined,
  path: string,
  info: KindInfo | undefined,
  yaml: Document.Parsed,
): PodSpecModel {
  const pairs = toMap(mapPairs(ref, yaml));
  const fullPath = owner.pathPrefix + path;
  const restartPolicyPair = pairs.get('restartPolicy');
  const restartPolicy = scalarText(restartPolicyPair?.value) ?? 'Always';
  const workload = workloadInfo(owner, info, restartPolicy, yaml);
  const initContainers = buildContainers(pairs.get('initContainers')?.value, 'initContainers', fullPath, yaml);
  const containers = buildContainers(pairs.get('containers')?.value, 'containers', fullPath, yaml);
  const ephemeralContainers = buildContainers(pairs.get('ephemeralContainers')?.value, 'ephemeralContainers', fullPath, yaml);
  return {
    owner,
    path: fullPath,
    ref,
    keyRef,
    pairs,
    initContainers,
    containers,
    ephemeralContainers,
    allContainers: [...initContainers, ...containers, ...ephemeralContainers],
    volumes: [...buildVolumes(pairs.get('volumes')?.value, yaml), ...claimTemplateVolumes(owner, yaml)],
    restartPolicy,
    restartPolicyPair,
    workload,
    yaml,
  };
}

function workloadInfo(owner: K8sObject, info: KindInfo | undefined, restartPolicy: string, yaml: Document.Parsed): WorkloadInfo {
  const spec = owner.pairs.get('spec')?.value;
  const replicasValue = scalarValue(mapValue(spec, 'replicas', yaml));
  const replicasExplicit = typeof replicasValue === 'number';
  const kind = owner.kind;
  const jobSpec = kind === 'Job' ? spec : kind === 'CronJob' ? mapValue(mapValue(spec, 'jobTemplate', yaml), 'spec', yaml) : undefined;
  const parallelismValue = scalarValue(mapValue(jobSpec, 'parallelism', yaml));
  const pmp = scalarText(mapValue(spec, 'podManagementPolicy', yaml));
  return {
    kind,
    core: info !== undefined,
    allowedRestartPolicies: info?.allowedRestartPolicies,
    replicas: replicasExplicit ? (replicasValue as number) : info?.hasReplicas ? 1 : undefined,
    replicasExplicit,
    podManagementPolicy: kind === 'StatefulSet' ? (pmp ?? 'OrderedReady') : undefined,
    parallelism: jobSpec ? (typeof parallelismValue === 'number' ? parallelismValue : 1) : undefined,
    runsToCompletion: kind === 'Job' || kind === 'CronJob' || ((kind === 'Pod' || kind === 'PodTemplate') && restartPolicy !== 'Always'),
    jobSpec,
  };
}

function buildContainers(list: NodeRef | undefined, listKey: ContainerList, podPath: string, yaml: Document.Parsed): ContainerModel[] {
  const items = seqItems(list, yaml);
  const total = items.length;
  return items.map(({ index, ref }) => {
    const pairs = toMap(mapPairs(ref, yaml));
    const name = scalarText(pairs.get('name')?.value);
    const restartPolicy = scalarText(pairs.get('restartPolicy')?.value);
    const role: ContainerRole =
      listKey === 'initContainers' ? (restartPolicy === 'Always' ? 'sidecar' : 'init') : listKey === 'containers' ? 'app' : 'ephemeral';
    return {
      role,
      list: listKey,
      index,
      ref,
      pairs,
      name,
      image: scalarText(pairs.get('image')?.value),
      restartPolicy,
      path: `${podPath}.${listKey}[${index}]`,
      label: containerLabel(role, index, total, name),
      volumeMounts: buildMounts(pairs.get('volumeMounts')?.value, yaml),
    };
  });
}

/** How findings name a container: "init container 2 of 3 `migrate`", "sidecar `istio-proxy`", "container `app`". */
export function containerLabel(role: ContainerRole, index: number, total: number, name: string | undefined): string {
  const named = name ? ` \`${name}\`` : '';
  switch (role) {
    case 'init':
      return `init container ${index + 1} of ${total}${named}`;
    case 'sidecar':
      return `sidecar${named}`;
    case 'app':
      return `container${named}`;
    case 'ephemeral':
      return `ephemeral container${named}`;
  }
}

function buildMounts(list: NodeRef | undefined, yaml: Document.Parsed): VolumeMountModel[] {
  return seqItems(list, yaml).map(({ index, ref }) => {
    const pairs = toMap(mapPairs(ref, yaml));
    const nameRef = pairs.get('name')?.value;
    const mountPathRef = pairs.get('mountPath')?.value;
    return {
      index,
      name: scalarText(nameRef),
      nameRef,
      mountPath: scalarText(mountPathRef),
      mountPathRef,
      readOnly: scalarValue(pairs.get('readOnly')?.value) === true,
      ref,
    };
  });
}

function buildVolumes(list: NodeRef | undefined, yaml: Document.Parsed): VolumeModel[] {
  return seqItems(list, yaml).map(({ index, ref }) => {
    const pairs = mapPairs(ref, yaml);
    const nameRef = pairs.find((p) => p.keyText === 'name')?.value;
    const sources = pairs.filter((p) => p.keyText !== 'name');
    const source = sources.length === 1 ? sources[0] : undefined;
    return { index, name: scalarText(nameRef), nameRef, ref, source: source?.keyText, sourceRef: source?.value };
  });
}

/** A StatefulSet's `volumeClaimTemplates` are volumes of its pods, named by `metadata.name`. */
function claimTemplateVolumes(owner: K8sObject, yaml: Document.Parsed): VolumeModel[] {
  if (owner.kind !== 'StatefulSet') return [];
  const templates = mapValue(owner.pairs.get('spec')?.value, 'volumeClaimTemplates', yaml);
  return seqItems(templates, yaml).map(({ index, ref }) => {
    const nameRef = mapValue(mapValue(ref, 'metadata', yaml), 'name', yaml);
    return { index, name: scalarText(nameRef), nameRef, ref, source: 'volumeClaimTemplate', sourceRef: ref };
  });
}

function toMap(pairs: PairRef[]): Map<string, PairRef> {
  const out = new Map<string, PairRef>();
  for (const p of pairs) out.set(p.keyText, p);
  return out;
}
