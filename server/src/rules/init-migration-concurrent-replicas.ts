import { defineRule } from './types';
import { sentence } from './commandUtils';
import type { K8sObject, PodSpecModel } from './types';
import { migrationOf } from '../service/command/container';
import { mapValue, scalarText, scalarValue } from '../service/parse/nav';
import { containerAnchor } from './hygieneUtils';

/** How many pods of the workload may run the init container at the same time. */
type Concurrency =
  | { readonly kind: 'replicas'; readonly n: number; readonly owner: string }
  | { readonly kind: 'hpa'; readonly n: number; readonly owner: string; readonly hpa: string }
  | { readonly kind: 'serial'; readonly n: number; readonly owner: string }
  | { readonly kind: 'daemonset'; readonly owner: string }
  | { readonly kind: 'parallelism'; readonly n: number; readonly owner: string };

/**
 * W04: a regular init container that runs a database migration (`manage.py migrate`, `flyway migrate`,
 * golang-migrate, `rake db:migrate`, …) in a workload whose pods start together: Deployment/ReplicaSet/
 * ReplicationController/StatefulSet with `replicas > 1` (or an HPA in the same file/workspace that can
 * scale it above 1), a Parallel StatefulSet, a DaemonSet, or a Job with `parallelism > 1`. An
 * OrderedReady StatefulSet starts pods one at a time, so the migrations do not race there, but each
 * replica still re-runs it and a rolling update migrates while the other pods serve the old version:
 * reported with its own message. A single replica, a bare Pod and a Job without parallelism are silent.
 */
export const initMigrationConcurrentReplicas = defineRule({
  meta: {
    id: 'init-migration-concurrent-replicas',
    catalogueId: 'W04',
    group: 'runtime',
    description: 'A database migration in an init container of a workload that runs several pods at once.',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      concurrent:
        '{{Container}} runs {{tool}}, and init containers run in every pod: {{why}}, so several pods run the migration at the same time (at creation, scale-up and every rollout), and during a rollout the old pods keep serving against the migrated schema. Unless the tool takes a database lock, the migrations race. Run the migration once, in a Job (a Helm `pre-upgrade` hook, an Argo CD `PreSync` hook), and let the init container only wait for the schema version.',
      serial:
        '{{Container}} runs {{tool}} in each of the {{n}} replicas of {{owner}}. With `podManagementPolicy: OrderedReady` the pods start one after another, so the migrations do not race, but every replica re-runs it and a rolling update migrates the schema while the other pods still run the old version. Run the migration once, in a Job (a Helm `pre-upgrade` hook, an Argo CD `PreSync` hook).',
    },
  },
  crossObject: true,
  checkPod(pod, context) {
    const concurrency = concurrencyOf(pod, context.otherObjects);
    if (!concurrency) return;
    for (const container of pod.initContainers) {
      if (container.role !== 'init') continue;
      const tool = migrationOf(container, pod.yaml);
      if (!tool) continue;
      const data = { container: container.label, Container: sentence(container.label), tool, owner: concurrency.owner, n: 'n' in concurrency ? concurrency.n : 0, why: why(concurrency) };
      context.report({ at: containerAnchor(container), messageId: concurrency.kind === 'serial' ? 'serial' : 'concurrent', data });
    }
  },
});

function why(c: Concurrency): string {
  switch (c.kind) {
    case 'replicas':
      return `${c.owner} has ${c.n} replicas`;
    case 'hpa':
      return `the HorizontalPodAutoscaler \`${c.hpa}\` scales ${c.owner} up to ${c.n} replicas`;
    case 'daemonset':
      return `${c.owner} runs one pod on every node`;
    case 'parallelism':
      return `${c.owner} runs ${c.n} pods in parallel`;
    case 'serial':
      return `${c.owner} has ${c.n} replicas`;
  }
}

const REPLICATED = new Set(['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet']);

function concurrencyOf(pod: PodSpecModel, others: readonly K8sObject[]): Concurrency | undefined {
  const w = pod.workload;
  const owner = `${w.kind} \`${pod.owner.name ?? '?'}\``;
  if (w.kind === 'DaemonSet') return { kind: 'daemonset', owner };
  if (w.kind === 'Job' || w.kind === 'CronJob') return (w.parallelism ?? 1) > 1 ? { kind: 'parallelism', n: w.parallelism ?? 1, owner } : undefined;
  if (w.kind === 'Pod' || w.kind === 'PodTemplate') return undefined;
  // Custom workloads (Argo Rollout, OpenShift DeploymentConfig) only when they say `replicas: N`.
  if (!REPLICATED.has(w.kind) && !w.replicasExplicit) return undefined;
  let n = w.replicasExplicit ? (w.replicas ?? 1) : 1;
  let hpa: string | undefined;
  const max = hpaMax(pod.owner, others);
  if (max && max.n > n) {
    n = max.n;
    hpa = max.name;
  }
  if (n <= 1) return undefined;
  if (w.kind === 'StatefulSet' && w.podManagementPolicy !== 'Parallel') return { kind: 'serial', n, owner };
  return hpa ? { kind: 'hpa', n, owner, hpa } : { kind: 'replicas', n, owner };
}

/** The largest `maxReplicas` of a HorizontalPodAutoscaler that targets the object. */
function hpaMax(target: K8sObject, others: readonly K8sObject[]): { n: number; name: string } | undefined {
  let best: { n: number; name: string } | undefined;
  for (const o of others) {
    if (o.kind !== 'HorizontalPodAutoscaler' || (o.namespace ?? 'default') !== (target.namespace ?? 'default')) continue;
    const spec = o.pairs.get('spec')?.value;
    const ref = mapValue(spec, 'scaleTargetRef', o.yaml);
    if (scalarText(mapValue(ref, 'kind', o.yaml)) !== target.kind || scalarText(mapValue(ref, 'name', o.yaml)) !== target.name) continue;
    const max = scalarValue(mapValue(spec, 'maxReplicas', o.yaml));
    if (typeof max === 'number' && (!best || max > best.n)) best = { n: max, name: o.name ?? '?' };
  }
  return best;
}
