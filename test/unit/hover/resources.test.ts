import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectHover, firstSection, hoverAt } from './hoverHelper';

/** Worked example 2 of the rule catalogue (§3.4) as a Deployment. */
const EXAMPLE_2 = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: checkout
spec:
  selector:
    matchLabels: {app: checkout}
  template:
    metadata:
      labels: {app: checkout}
    spec:
      runtimeClassName: kata
      overhead:
        cpu: 250m
        memory: 120Mi
      initContainers:
      - name: config-fetch
        image: busybox:1.36
        resources:
          requests: {cpu: 200m, memory: 64Mi}
      - name: istio-proxy
        image: istio/proxyv2:1.22.0
        restartPolicy: Always
        resources:
          requests: {cpu: 100m, memory: 128Mi}
      - name: db-migrate
        image: migrate/migrate:v4.17.0
        resources:
          requests: {cpu: "1", memory: 512Mi}
      - name: log-shipper
        image: fluent/fluent-bit:3.0
        restartPolicy: Always
        resources:
          requests: {cpu: 50m, memory: 64Mi}
      containers:
      - name: app
        image: ghcr.io/acme/checkout:3.2.1
        RESOURCES:
          requests: {cpu: 500m, memory: 1Gi}
`;

const TABLE_2 = [
  '| resource | request | set by | limit | set by |',
  '|---|---|---|---|---|',
  '| cpu | **1350m** | init peak 1100m (`db-migrate` + running sidecars); steady 650m; + overhead 250m | — |  |',
  '| memory | **1336Mi** | steady state 1216Mi (app + sidecars, largest `app`); init peak 640Mi; + overhead 120Mi | — |  |',
];

describe('hover: effective resources', () => {
  it('on `resources` of an app container: the table, QoS and this container', () => {
    const md = firstSection(expectHover(EXAMPLE_2.replace('RESOURCES', '⟦reso|urces⟧'), []));
    assert.equal(
      md,
      [
        '**Effective resources of this pod** · Kubernetes 1.36',
        '',
        ...TABLE_2,
        '',
        'QoS class **Burstable**: not every container sets cpu and memory limits equal to requests (`config-fetch`, `istio-proxy`, `db-migrate`, …).',
        '',
        'This container (`app`): requests cpu 500m, memory 1Gi · limits none.',
        '',
        'Effective = max(steady state, init peak) + overhead; steady state = Σ app containers + Σ sidecars; init peak = max over init containers of (its own + the sidecars started before it).',
        '',
        '[Resource sharing](https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#resource-sharing-within-containers) · [Pod QoS](https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/) · [Resource management](https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/)',
      ].join('\n'),
    );
  });

  it('on `requests` of an init container', () => {
    const marked = EXAMPLE_2.replace('RESOURCES', 'resources').replace('requests: {cpu: "1"', '⟦req|uests⟧: {cpu: "1"');
    expectHover(marked, [...TABLE_2, 'This container (`db-migrate`): requests cpu 1, memory 512Mi · limits none.']);
  });

  it('on a quantity line inside `requests`', () => {
    const marked = `apiVersion: v1
kind: Pod
metadata:
  name: worker
spec:
  containers:
  - name: worker
    image: ghcr.io/acme/worker:1.0.0
    resources:
      requests:
        ⟦c|pu⟧: 250m
        memory: 256Mi
      limits:
        cpu: 250m
        memory: 256Mi
`;
    expectHover(marked, ['| cpu | **250m** | steady state 250m (app) |', 'QoS class **Guaranteed**: every container, init and sidecar included, sets cpu and memory limits equal to its requests.']);
  });

  it('on `limits` — worked example 1 (§3.3): 2 / 576Mi, limits 2 / 1152Mi, init-b dominates', () => {
    const marked = `apiVersion: v1
kind: Pod
metadata:
  name: example-1
spec:
  initContainers:
  - name: init-a
    image: busybox:1.36
    resources: {requests: {cpu: 500m, memory: 256Mi}, limits: {cpu: "1", memory: 512Mi}}
  - name: init-b
    image: busybox:1.36
    resources: {requests: {cpu: "2", memory: 128Mi}, limits: {cpu: "2", memory: 128Mi}}
  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests: {cpu: 250m, memory: 512Mi}
      ⟦lim|its⟧: {cpu: 500m, memory: 1Gi}
  - name: metrics
    image: prom/statsd-exporter:v0.26.0
    resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 200m, memory: 128Mi}}
`;
    expectHover(marked, [
      '| cpu | **2** | init peak 2 (`init-b`); steady 350m | **2** | init peak 2 (`init-b`); steady 700m |',
      '| memory | **576Mi** | steady state 576Mi (app, largest `app`); init peak 256Mi | **1152Mi** | steady state 1152Mi (app, largest `app`); init peak 512Mi |',
      'The init peak of cpu is 5.7× the steady state: the scheduler reserves it for the pod\'s whole life.',
      'QoS class **Burstable**',
      'This container (`app`): requests cpu 250m, memory 512Mi · limits cpu 500m, memory 1Gi.',
    ]);
  });

  it('on pod-level `overhead`', () => {
    const marked = EXAMPLE_2.replace('RESOURCES', 'resources').replace('      overhead:', '      ⟦over|head⟧:');
    const md = expectHover(marked, TABLE_2);
    assert.ok(!md.includes('This container'));
  });

  it('on pod-level `resources` (PodLevelResources, 1.34+): pod-level values replace the aggregate', () => {
    const marked = `apiVersion: v1
kind: Pod
metadata:
  name: batch
spec:
  ⟦resou|rces⟧:
    requests: {cpu: "2", memory: 2Gi}
    limits: {cpu: "4", memory: 2Gi}
  initContainers:
  - name: warm-cache
    image: ghcr.io/acme/warm:1.0.0
    resources: {requests: {cpu: "1", memory: 1Gi}}
  containers:
  - name: worker
    image: ghcr.io/acme/worker:1.0.0
`;
    expectHover(marked, ['| cpu | **2** | pod-level `spec.resources` | **4** | pod-level `spec.resources` |', 'QoS class **Burstable** (from pod-level `spec.resources`)'], { kubernetesVersion: '1.34' });
    expectHover(marked, ['| cpu | **1** | init peak 1 (`warm-cache`) | — |  |'], { kubernetesVersion: '1.33' });
  });

  it('defaulted requests and unlimited notes', () => {
    const marked = `apiVersion: batch/v1
kind: Job
metadata:
  name: etl
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - name: download
        image: curlimages/curl:8.8.0
        ⟦resou|rces⟧:
          limits: {cpu: 500m, memory: 128Mi}
      containers:
      - name: etl
        image: ghcr.io/acme/etl:4.0.0
        resources:
          requests: {cpu: 200m, memory: 256Mi}
`;
    expectHover(marked, [
      'This container (`download`): requests cpu 500m, memory 128Mi (cpu, memory copied from limits) · limits cpu 500m, memory 128Mi.',
      'Note: `etl` sets no cpu limit, so the pod\'s cpu is effectively unlimited at runtime; `etl` sets no memory limit',
    ]);
  });

  it('no resources anywhere: says so, BestEffort', () => {
    const marked = `apiVersion: v1
kind: Pod
metadata:
  name: tiny
spec:
  containers:
  - name: app
    image: nginx:1.27
    resources|: {}
`;
    const r = hoverAt(marked);
    assert.ok(r.markdown.includes('No container of this pod sets requests or limits.'));
    assert.ok(r.markdown.includes('QoS class **BestEffort**'));
  });
});
