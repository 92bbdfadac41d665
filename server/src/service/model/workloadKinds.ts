/** Where each core kind keeps its pod spec, and what pod `restartPolicy` its validation allows (rule catalogue §1). */
export interface KindInfo {
  readonly podSpecPath: readonly string[];
  readonly allowedRestartPolicies: readonly string[];
  readonly hasReplicas: boolean;
}

const APPS: Omit<KindInfo, 'hasReplicas'> = { podSpecPath: ['spec', 'template', 'spec'], allowedRestartPolicies: ['Always'] };
const JOB_POLICIES = ['OnFailure', 'Never'];
const ANY_POLICY = ['Always', 'OnFailure', 'Never'];

export const CORE_KINDS: Readonly<Record<string, KindInfo>> = {
  Pod: { podSpecPath: ['spec'], allowedRestartPolicies: ANY_POLICY, hasReplicas: false },
  PodTemplate: { podSpecPath: ['template', 'spec'], allowedRestartPolicies: ANY_POLICY, hasReplicas: false },
  ReplicationController: { ...APPS, hasReplicas: true },
  ReplicaSet: { ...APPS, hasReplicas: true },
  Deployment: { ...APPS, hasReplicas: true },
  StatefulSet: { ...APPS, hasReplicas: true },
  DaemonSet: { ...APPS, hasReplicas: false },
  Job: { podSpecPath: ['spec', 'template', 'spec'], allowedRestartPolicies: JOB_POLICIES, hasReplicas: false },
  CronJob: { podSpecPath: ['spec', 'jobTemplate', 'spec', 'template', 'spec'], allowedRestartPolicies: JOB_POLICIES, hasReplicas: false },
};

/** Core API groups: an object of a core kind is only validated as such with its real apiVersion. */
const CORE_API_VERSIONS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['v1'],
  PodTemplate: ['v1'],
  ReplicationController: ['v1'],
  ReplicaSet: ['apps/v1', 'extensions/v1beta1', 'apps/v1beta2'],
  Deployment: ['apps/v1', 'extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2'],
  StatefulSet: ['apps/v1', 'apps/v1beta1', 'apps/v1beta2'],
  DaemonSet: ['apps/v1', 'extensions/v1beta1', 'apps/v1beta2'],
  Job: ['batch/v1'],
  CronJob: ['batch/v1', 'batch/v1beta1'],
};

export function coreKindInfo(apiVersion: string, kind: string): KindInfo | undefined {
  const info = CORE_KINDS[kind];
  if (!info) return undefined;
  const versions = CORE_API_VERSIONS[kind];
  if (versions && !versions.includes(apiVersion)) return undefined;
  return info;
}

/** Custom resources known to embed a pod template at `spec.template.spec` (Argo Rollout, DeploymentConfig, Knative Service, …). */
export const TEMPLATE_CRD_PATH: readonly string[] = ['spec', 'template', 'spec'];
