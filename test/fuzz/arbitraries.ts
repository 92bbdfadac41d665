// fast-check arbitraries for Kubernetes manifests: every workload kind, a List and a custom resource
// with a pod template, init containers, native sidecars, app and ephemeral containers, volumes and
// mounts, resources in every quantity form, anchors/aliases/merge keys, block and flow style, CRLF,
// a BOM and astral characters.
import fc from 'fast-check';
import { CORE_KINDS } from '../../server/src/service/model/workloadKinds';
import { fromData, joinDocuments, map, render, s, seq } from './yamlModel';
import type { RenderStyle, Y } from './yamlModel';

const API_VERSION: Record<string, string> = {
  Pod: 'v1',
  PodTemplate: 'v1',
  ReplicationController: 'v1',
  ReplicaSet: 'apps/v1',
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  Job: 'batch/v1',
  CronJob: 'batch/v1',
};
/** Every core workload kind, and a custom resource with `spec.template.spec`. */
export const KINDS = [...Object.keys(CORE_KINDS), 'Rollout'];

const name = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('app', 'init', 'wait-db', 'migrate', 'istio-proxy', 'log-shipper', 'setup', 'vault-agent') },
  { weight: 1, arbitrary: fc.constantFrom('', 'Bad_Name', 'a'.repeat(64), 'x-🚀', '-lead', '1abc') },
);
const image = fc.constantFrom('busybox:1.36', 'nginx', 'nginx:latest', 'registry.k8s.io/pause:3.9', 'ghcr.io/org/app@sha256:' + 'a'.repeat(64), ' busybox ', '', 'alpine:3.19');

/** Quantities in every form the API accepts (and a few it rejects), as strings and as YAML numbers. */
export const quantity = fc.oneof(
  fc.constantFrom('100m', '0.5', '1', '250m', '1Gi', '512Mi', '1e3', '1E3', '2k', '1.5G', '.5', '+1', '1Ki', '1m', '64M', '2Ti', '1.5', '0', '0m', '10e-3', '1Ei'),
  fc.constantFrom('-1', 'abc', '1.2.3', '0x10', '1 Gi', '1gi', '', '∞'),
  fc.constantFrom(1, 0.25, 2, 0, 1e3, 1.5),
);
const resourceList = fc.dictionary(fc.constantFrom('cpu', 'memory', 'ephemeral-storage', 'nvidia.com/gpu', 'hugepages-2Mi'), quantity, { maxKeys: 3 });
const resources = fc.option(fc.record({ requests: fc.option(resourceList, { nil: undefined }), limits: fc.option(resourceList, { nil: undefined }) }, { requiredKeys: [] }), { nil: undefined });

const probe = fc.constantFrom(
  { tcpSocket: { port: 5432 } },
  { httpGet: { path: '/healthz', port: 8080 } },
  { exec: { command: ['cat', '/tmp/ready'] }, periodSeconds: 5 },
  { grpc: { port: 9090 }, failureThreshold: 30 },
);
const command = fc.constantFrom(
  ['sh', '-c', 'until nc -z db 5432; do sleep 2; done'],
  ['sh', '-c', 'for i in $(seq 1 30); do nc -z db 5432 && exit 0; sleep 2; done; exit 1'],
  ['/bin/migrate', '--up'],
  ['sh', '-c', 'cp -r /src/. /work/ && echo done >> /work/log'],
  ['sh', '-c', 'exec envoy -c /etc/envoy.yaml'],
);

export interface ContainerPlan {
  readonly role: 'init' | 'sidecar' | 'app' | 'ephemeral';
  readonly name: string;
  readonly image: string | undefined;
  readonly restartPolicy: string | undefined;
  readonly command: readonly string[] | undefined;
  readonly script: boolean;
  readonly resources: unknown;
  readonly probes: ReadonlyArray<readonly [string, unknown]>;
  readonly mounts: ReadonlyArray<{ readonly volume: number; readonly path: string; readonly readOnly: boolean | undefined }>;
  readonly ports: readonly number[];
  readonly env: ReadonlyArray<readonly [string, string]>;
  readonly securityContext: unknown;
  readonly extra: ReadonlyArray<readonly [string, unknown]>;
}

const container = (role: ContainerPlan['role']): fc.Arbitrary<ContainerPlan> =>
  fc.record({
    role: fc.constant(role),
    name,
    image: fc.option(image, { nil: undefined, freq: 8 }),
    restartPolicy: role === 'sidecar' ? fc.constantFrom('Always', 'Always', 'Always', 'OnFailure', 'Sometimes') : fc.option(fc.constantFrom('Always', 'Never', 'OnFailure'), { nil: undefined, freq: 6 }),
    command: fc.option(command, { nil: undefined, freq: 2 }),
    script: fc.boolean(),
    resources,
    probes: fc.uniqueArray(fc.tuple(fc.constantFrom('readinessProbe', 'livenessProbe', 'startupProbe'), probe), { maxLength: 2, selector: (p) => p[0] }),
    mounts: fc.array(fc.record({ volume: fc.nat(5), path: fc.constantFrom('/data', '/work', '/etc/config', '/var/run/secrets', '/data', '/var/log/𝔘𝔫𝔦𝔠𝔬𝔡𝔢'), readOnly: fc.option(fc.boolean(), { nil: undefined }) }), { maxLength: 3 }),
    ports: fc.array(fc.constantFrom(80, 8080, 9090, 15001, 0, 70000), { maxLength: 2 }),
    env: fc.array(fc.tuple(fc.constantFrom('A', 'B', 'DB_HOST', 'A', 'ÉMOJI_😀'), fc.constantFrom('1', 'x', '$(B)', '')), { maxLength: 3 }),
    securityContext: fc.option(
      fc.constantFrom({ runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } }, { privileged: true }, { capabilities: { add: ['NET_ADMIN', 'NET_RAW'] }, runAsUser: 0 }),
      { nil: undefined },
    ),
    extra: fc.uniqueArray(
      fc.constantFrom<readonly [string, unknown]>(['lifecycle', { preStop: { exec: { command: ['sleep', '5'] } } }], ['imagePullPolicy', 'Always'], ['imagePullPolicy', 'IfNotPresent'], ['restartPolicyRules', [{ action: 'Restart', exitCodes: { operator: 'In', values: [42] } }]], ['tty', true], ['workingDir', '/work'], ['unknownField', 1], ['stdin', 'yes']),
      { maxLength: 2, selector: (e) => e[0] },
    ),
  });

export interface PodPlan {
  readonly init: readonly ContainerPlan[];
  readonly apps: readonly ContainerPlan[];
  readonly ephemeral: readonly ContainerPlan[];
  readonly volumes: ReadonlyArray<{ readonly name: string; readonly type: number }>;
  readonly restartPolicy: string | undefined;
  readonly podResources: unknown;
  readonly extra: ReadonlyArray<readonly [string, unknown]>;
}

export const podPlan: fc.Arbitrary<PodPlan> = fc.record({
  init: fc.array(fc.oneof(container('init'), container('sidecar')), { maxLength: 4 }),
  apps: fc.array(container('app'), { minLength: 0, maxLength: 3 }),
  ephemeral: fc.array(container('ephemeral'), { maxLength: 1 }),
  volumes: fc.array(fc.record({ name: fc.constantFrom('data', 'work', 'config', 'secrets', 'data', 'cache'), type: fc.nat(4) }), { maxLength: 4 }),
  restartPolicy: fc.option(fc.constantFrom('Always', 'OnFailure', 'Never'), { nil: undefined }),
  podResources: fc.option(fc.record({ requests: resourceList }), { nil: undefined, freq: 6 }),
  extra: fc.uniqueArray(fc.constantFrom<readonly [string, unknown]>(['shareProcessNamespace', true], ['hostNetwork', true], ['terminationGracePeriodSeconds', 30], ['activeDeadlineSeconds', 600], ['securityContext', { seccompProfile: { type: 'RuntimeDefault' } }]), { maxLength: 2, selector: (e) => e[0] }),
});

const VOLUME_TYPES = [{ emptyDir: {} }, { configMap: { name: 'cfg' } }, { hostPath: { path: '/var/run/docker.sock' } }, { persistentVolumeClaim: { claimName: 'pvc' } }, { emptyDir: { medium: 'Memory', sizeLimit: '1Gi' } }];

function containerTree(c: ContainerPlan, volumes: PodPlan['volumes']): Y {
  const scriptCommand = c.command && c.script ? ['sh', '-c', `${c.command[c.command.length - 1] ?? ''}\necho done`] : c.command;
  return map([
    ['name', s(c.name)],
    ['image', c.image === undefined ? undefined : s(c.image)],
    ['restartPolicy', c.restartPolicy === undefined ? undefined : s(c.restartPolicy)],
    ['command', scriptCommand ? fromData(scriptCommand) : undefined],
    ['resources', c.resources === undefined ? undefined : fromData(c.resources)],
    ...c.probes.map(([k, v]) => [k, fromData(v)] as const),
    ['volumeMounts', c.mounts.length ? seq(c.mounts.map((m) => map([['name', s(volumes[m.volume]?.name ?? 'missing')], ['mountPath', s(m.path)], ['readOnly', m.readOnly === undefined ? undefined : s(m.readOnly)]]))) : undefined],
    ['ports', c.ports.length ? seq(c.ports.map((p) => map([['containerPort', s(p)]]))) : undefined],
    ['env', c.env.length ? seq(c.env.map(([n, v]) => map([['name', s(n)], ['value', s(v, 'double')]]))) : undefined],
    ['securityContext', c.securityContext === undefined ? undefined : fromData(c.securityContext)],
    ...c.extra.map(([k, v]) => [k, fromData(v)] as const),
  ]);
}

export function podSpecTree(p: PodPlan): Y {
  return map([
    ['restartPolicy', p.restartPolicy === undefined ? undefined : s(p.restartPolicy)],
    ['initContainers', p.init.length ? seq(p.init.map((c) => containerTree(c, p.volumes))) : undefined],
    ['containers', seq(p.apps.map((c) => containerTree(c, p.volumes)))],
    ['ephemeralContainers', p.ephemeral.length ? seq(p.ephemeral.map((c) => containerTree(c, p.volumes))) : undefined],
    ['volumes', p.volumes.length ? seq(p.volumes.map((v) => map([['name', s(v.name)], ...Object.entries(VOLUME_TYPES[v.type] ?? {}).map(([k, x]) => [k, fromData(x)] as const)]))) : undefined],
    ['resources', p.podResources === undefined ? undefined : fromData(p.podResources)],
    ...p.extra.map(([k, v]) => [k, fromData(v)] as const),
  ]);
}

/** Wraps a pod spec into an object of `kind` (a `List` holds several). */
export function objectTree(kind: string, pod: Y, index: number): Y {
  const meta = map([['name', s(`obj-${index}`)], ['namespace', index % 3 === 0 ? s('prod') : undefined], ['labels', map([['app', s('web')]])]]);
  const template = map([['metadata', map([['labels', map([['app', s('web')]])]])], ['spec', pod]]);
  const head = (apiVersion: string): Array<readonly [string, Y]> => [['apiVersion', s(apiVersion)], ['kind', s(kind)], ['metadata', meta]];
  switch (kind) {
    case 'Pod':
      return map([...head('v1'), ['spec', pod]]);
    case 'PodTemplate':
      return map([...head('v1'), ['template', template]]);
    case 'Job':
      return map([...head('batch/v1'), ['spec', map([['backoffLimit', s(3)], ['template', template]])]]);
    case 'CronJob':
      return map([...head('batch/v1'), ['spec', map([['schedule', s('*/5 * * * *', 'double')], ['jobTemplate', map([['spec', map([['template', template]])]])]])]]);
    case 'Rollout':
      return map([...head('argoproj.io/v1alpha1'), ['spec', map([['replicas', s(2)], ['template', template]])]]);
    default:
      return map([...head(API_VERSION[kind] ?? 'apps/v1'), ['spec', map([['replicas', kind === 'DaemonSet' ? undefined : s(3)], ['selector', map([['matchLabels', map([['app', s('web')]])]])], ['template', template]])]]);
  }
}

/** Adds anchors to some collections and replaces later equal subtrees by aliases; some maps merge an earlier one. */
export function withAliases(root: Y, choose: (n: number) => number): Y {
  const anchored: Array<{ key: string; name: string; tree: Y }> = [];
  let next = 0;
  const walk = (y: Y): Y => {
    if (y.t === 'scalar' || y.t === 'alias') return y;
    const key = JSON.stringify(y);
    const earlier = anchored.find((a) => a.key === key);
    if (earlier && choose(2) === 0) return { t: 'alias', name: earlier.name };
    const inner: Y = y.t === 'seq' ? { ...y, items: y.items.map(walk) } : { ...y, pairs: y.pairs.map(([k, v]) => [k, walk(v)] as const) };
    if (inner.t === 'map' && inner.pairs.length > 2 && choose(6) === 0) {
      const base = anchored.find((a) => a.tree.t === 'map');
      if (base) return { ...inner, merge: [base.name] };
    }
    if (choose(4) === 0) {
      const named = { ...inner, anchor: `a${next++}` } as Y;
      anchored.push({ key, name: `a${next - 1}`, tree: named });
      return named;
    }
    return inner;
  };
  return walk(root);
}

export const renderStyle: fc.Arbitrary<RenderStyle> = fc.record({
  indent: fc.constantFrom(2 as const, 4 as const, 3 as const),
  compactSeqs: fc.boolean(),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  flow: fc.constantFrom(0, 0, 0.1, 0.5, 1),
  comments: fc.boolean(),
  trailingSpaces: fc.boolean(),
});

export interface ManifestCase {
  readonly text: string;
  readonly kinds: readonly string[];
}

/** A whole file: 1–3 documents (workload objects, a `List`, non-Kubernetes YAML), rendered in one style. */
export const manifestFile: fc.Arbitrary<ManifestCase> = fc
  .record({
    docs: fc.array(fc.record({ kind: fc.constantFrom(...KINDS, 'List', 'ConfigMap'), pods: fc.array(podPlan, { minLength: 1, maxLength: 2 }), aliases: fc.boolean() }), { minLength: 1, maxLength: 3 }),
    style: renderStyle,
    leadingMarker: fc.boolean(),
    seed: fc.integer(),
  })
  .map(({ docs, style, leadingMarker, seed }) => {
    let state = seed >>> 0 || 1;
    const choose = (n: number): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return (state >>> 8) % n;
    };
    const texts = docs.map((d, i) => {
      let tree: Y;
      if (d.kind === 'List') {
        const items = d.pods.map((p, j) => objectTree(KINDS[(i + j) % KINDS.length] as string, podSpecTree(p), i * 10 + j));
        tree = map([['apiVersion', s('v1')], ['kind', s('List')], ['items', seq(items)]]);
      } else if (d.kind === 'ConfigMap') {
        tree = map([['apiVersion', s('v1')], ['kind', s('ConfigMap')], ['metadata', map([['name', s('cfg')]])], ['data', map([['key', s('välue 🙂')], ['script', s('#!/bin/sh\necho hi\n')]])]]);
      } else {
        tree = objectTree(d.kind, podSpecTree(d.pods[0] as PodPlan), i);
      }
      return render(d.aliases ? withAliases(tree, choose) : tree, style, choose);
    });
    return { text: joinDocuments(texts, style, leadingMarker), kinds: docs.map((d) => d.kind) };
  });
