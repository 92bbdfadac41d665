/** One pod spec embedded in every workload kind, for per-kind tests of inlay hints, code lenses and symbols. */

export const POD_SPEC = `restartPolicy: RESTART
initContainers:
- name: wait-for-db
  image: busybox:1.36
  command: ["sh", "-c", "until nc -z db 5432; do sleep 2; done"]
  resources: {requests: {cpu: 100m, memory: 32Mi}}
- name: istio-proxy
  image: istio/proxyv2:1.22.0
  restartPolicy: Always
  resources: {requests: {cpu: 100m, memory: 128Mi}}
- name: migrate
  image: migrate/migrate:v4.17.0
  resources: {requests: {cpu: "1", memory: 512Mi}}
containers:
- name: app
  image: nginx:1.27
  resources: {requests: {cpu: 250m, memory: 1Gi}}
- name: metrics
  image: prom/statsd-exporter:v0.26.0
  resources: {requests: {cpu: 100m, memory: 64Mi}}
`;

function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((l) => (l === '' ? l : pad + l))
    .join('\n');
}

export interface Workload {
  readonly kind: string;
  readonly text: string;
  readonly restartPolicy: string;
  readonly podPath: string;
}

function make(kind: string, header: string, depth: number, restartPolicy: string, podPath: string): Workload {
  const spec = POD_SPEC.replace('RESTART', restartPolicy);
  return { kind, text: `${header}\n${indent(spec, depth)}`, restartPolicy, podPath };
}

export const WORKLOADS: readonly Workload[] = [
  make('Pod', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: shop\nspec:', 2, 'Always', 'spec'),
  make('PodTemplate', 'apiVersion: v1\nkind: PodTemplate\nmetadata:\n  name: shop\ntemplate:\n  spec:', 4, 'OnFailure', 'template.spec'),
  make('ReplicationController', 'apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: shop\nspec:\n  replicas: 2\n  selector: {app: shop}\n  template:\n    metadata: {labels: {app: shop}}\n    spec:', 6, 'Always', 'spec.template.spec'),
  make('ReplicaSet', 'apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: shop\nspec:\n  selector: {matchLabels: {app: shop}}\n  template:\n    metadata: {labels: {app: shop}}\n    spec:', 6, 'Always', 'spec.template.spec'),
  make('Deployment', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop\nspec:\n  replicas: 3\n  selector: {matchLabels: {app: shop}}\n  template:\n    metadata: {labels: {app: shop}}\n    spec:', 6, 'Always', 'spec.template.spec'),
  make('StatefulSet', 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: shop\nspec:\n  serviceName: shop\n  selector: {matchLabels: {app: shop}}\n  template:\n    metadata: {labels: {app: shop}}\n    spec:', 6, 'Always', 'spec.template.spec'),
  make('DaemonSet', 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: shop\nspec:\n  selector: {matchLabels: {app: shop}}\n  template:\n    metadata: {labels: {app: shop}}\n    spec:', 6, 'Always', 'spec.template.spec'),
  make('Job', 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: shop\nspec:\n  template:\n    spec:', 6, 'Never', 'spec.template.spec'),
  make('CronJob', 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: shop\nspec:\n  schedule: "*/5 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:', 10, 'OnFailure', 'spec.jobTemplate.spec.template.spec'),
];

/** 0-based line of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`${needle} not found`);
  return text.slice(0, i).split('\n').length - 1;
}
