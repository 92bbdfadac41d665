import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFile } from '../../../server/src/service/parsedFile';
import { normalizeSettings } from '../../../server/src/service/settings';
import type { PodSpecModel } from '../../../server/src/service/model/types';
import { computeEffectiveResources, formatQuantity } from '../../../server/src/service/resources/index';
import type { AggregateResult, EffectiveResources } from '../../../server/src/service/resources/index';

function podOf(yaml: string): PodSpecModel {
  const pod = parseFile(yaml).manifest.documents[0]?.podSpecs[0];
  assert.ok(pod, 'no pod spec');
  return pod;
}

function fmt(r: AggregateResult): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, f] of r.figures) out[name] = formatQuantity(f.effective);
  return out;
}

function initName(e: EffectiveResources, index: number | undefined): string | undefined {
  return index === undefined ? undefined : e.pod.initContainers[index]?.name;
}

const EXAMPLE_1 = `apiVersion: v1
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
    resources: {requests: {cpu: 250m, memory: 512Mi}, limits: {cpu: 500m, memory: 1Gi}}
  - name: metrics
    image: prom/statsd-exporter:v0.26.0
    resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 200m, memory: 128Mi}}
`;

const EXAMPLE_2 = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: example-2
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      runtimeClassName: kata
      overhead: {cpu: 250m, memory: 120Mi}
      initContainers:
      - name: config-fetch
        image: busybox:1.36
        resources: {requests: {cpu: 200m, memory: 64Mi}}
      - name: istio-proxy
        image: istio/proxyv2:1.22.0
        restartPolicy: Always
        resources: {requests: {cpu: 100m, memory: 128Mi}}
      - name: db-migrate
        image: migrate/migrate:v4.17.0
        resources: {requests: {cpu: "1", memory: 512Mi}}
      - name: log-shipper
        image: fluent/fluent-bit:3.0
        restartPolicy: Always
        resources: {requests: {cpu: 50m, memory: 64Mi}}
      containers:
      - name: app
        image: nginx:1.27
        resources: {requests: {cpu: 500m, memory: 1Gi}}
`;

/** Example 2 with db-migrate moved before istio-proxy. */
const EXAMPLE_2B = EXAMPLE_2.replace(
  /(      - name: istio-proxy\n(?:        .*\n){3})(      - name: db-migrate\n(?:        .*\n){2})/,
  '$2$1',
);

describe('effective resources: worked example 1 (§3.3)', () => {
  const e = computeEffectiveResources(podOf(EXAMPLE_1));
  it('requests 2 / 576Mi', () => assert.deepEqual(fmt(e.requests), { cpu: '2', memory: '576Mi' }));
  it('limits 2 / 1152Mi', () => assert.deepEqual(fmt(e.limits), { cpu: '2', memory: '1152Mi' }));
  it('cpu is set by the init peak of init-b; memory by the steady state', () => {
    const cpu = e.requests.figures.get('cpu');
    assert.equal(cpu?.phase, 'init');
    assert.equal(initName(e, cpu?.initPeakIndex), 'init-b');
    assert.equal(formatQuantity(cpu!.steady!), '350m');
    assert.equal(formatQuantity(cpu!.initPeak!), '2');
    const mem = e.requests.figures.get('memory');
    assert.equal(mem?.phase, 'steady');
    assert.equal(formatQuantity(mem!.initPeak!), '256Mi');
    assert.equal(e.limits.figures.get('cpu')?.phase, 'init');
    assert.equal(e.limits.figures.get('memory')?.phase, 'steady');
  });
  it('QoS Burstable', () => assert.equal(e.qos, 'Burstable'));
});

describe('effective resources: worked example 2 (§3.4)', () => {
  const e = computeEffectiveResources(podOf(EXAMPLE_2));
  it('requests 1350m / 1336Mi', () => assert.deepEqual(fmt(e.requests), { cpu: '1350m', memory: '1336Mi' }));
  it('no limits (overhead not added to absent limits)', () => assert.deepEqual(fmt(e.limits), {}));
  it('QoS Burstable', () => assert.equal(e.qos, 'Burstable'));
  it('cpu set by db-migrate at the init peak; memory by the steady state', () => {
    const cpu = e.requests.figures.get('cpu');
    assert.equal(cpu?.phase, 'init');
    assert.equal(initName(e, cpu?.initPeakIndex), 'db-migrate');
    assert.equal(formatQuantity(cpu!.overhead!), '250m');
    assert.equal(e.requests.figures.get('memory')?.phase, 'steady');
  });
  it('reproduces the trace table', () => {
    const rows = e.requests.steps.map((s) => [
      `${formatQuantity(s.sidecarSum.get('cpu') ?? { nano: 0n, format: 'DecimalSI' })} / ${formatQuantity(s.sidecarSum.get('memory') ?? { nano: 0n, format: 'DecimalSI' })}`,
      `${formatQuantity(s.use.get('cpu')!)} / ${formatQuantity(s.use.get('memory')!)}`,
      `${formatQuantity(s.initPeak.get('cpu')!)} / ${formatQuantity(s.initPeak.get('memory')!)}`,
      `${formatQuantity(s.result.get('cpu')!)} / ${formatQuantity(s.result.get('memory')!)}`,
    ]);
    assert.deepEqual(rows, [
      ['0 / 0', '200m / 64Mi', '200m / 64Mi', '500m / 1Gi'],
      ['100m / 128Mi', '100m / 128Mi', '200m / 128Mi', '600m / 1152Mi'],
      ['100m / 128Mi', '1100m / 640Mi', '1100m / 640Mi', '600m / 1152Mi'],
      ['150m / 192Mi', '150m / 192Mi', '1100m / 640Mi', '650m / 1216Mi'],
    ]);
  });
  it('re-ordered variant: 1250m / 1336Mi', () => {
    assert.notEqual(EXAMPLE_2B, EXAMPLE_2);
    const pod = podOf(EXAMPLE_2B);
    assert.deepEqual(pod.initContainers.map((c) => c.name), ['config-fetch', 'db-migrate', 'istio-proxy', 'log-shipper']);
    assert.deepEqual(fmt(computeEffectiveResources(pod).requests), { cpu: '1250m', memory: '1336Mi' });
  });
  it('with the SidecarContainers gate off the sidecars count as regular init containers', () => {
    const old = computeEffectiveResources(podOf(EXAMPLE_2), normalizeSettings({ kubernetesVersion: '1.27' }));
    // pre-sidecar formula: max(1000m, 500m) + 250m / max(512Mi, 1024Mi) + 120Mi
    assert.deepEqual(fmt(old.requests), { cpu: '1250m', memory: '1144Mi' });
  });
});

describe('effective resources: details', () => {
  const base = (containerResources: string, extra = ''): string => `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:${extra}
  initContainers:
  - name: init
    image: busybox:1.36
    resources: {limits: {cpu: "1", memory: 256Mi}}
  containers:
  - name: app
    image: nginx:1.27
    resources: ${containerResources}
`;
  it('requests default from limits; all Guaranteed containers make a Guaranteed pod', () => {
    const e = computeEffectiveResources(podOf(base('{limits: {cpu: 500m, memory: 1Gi}}')));
    assert.deepEqual(fmt(e.requests), { cpu: '1', memory: '1Gi' });
    assert.deepEqual(e.containers[0]?.defaultedRequests, ['cpu', 'memory']);
    assert.equal(e.qos, 'Guaranteed');
  });
  it('one un-sized container makes the pod Burstable', () => {
    const e = computeEffectiveResources(podOf(base('{}')));
    assert.equal(e.qos, 'Burstable');
  });
  it('no resources anywhere: BestEffort', () => {
    const e = computeEffectiveResources(podOf(base('{}').replace('resources: {limits: {cpu: "1", memory: 256Mi}}', 'resources: {}')));
    assert.equal(e.qos, 'BestEffort');
    assert.equal(e.requests.figures.size, 0);
  });
  it('overhead is added to requests always and to non-zero limits only', () => {
    const e = computeEffectiveResources(
      podOf(base('{limits: {cpu: 500m, memory: "0"}}', '\n  overhead: {cpu: 100m, memory: 10Mi, ephemeral-storage: 1Gi}')),
    );
    assert.deepEqual(fmt(e.requests), { cpu: '1100m', memory: '266Mi', 'ephemeral-storage': '1Gi' });
    assert.deepEqual(fmt(e.limits), { cpu: '1100m', memory: '266Mi' });
    const zero = computeEffectiveResources(
      podOf(
        base('{limits: {cpu: 500m, memory: "0"}}', '\n  overhead: {cpu: 100m, memory: 10Mi}').replace(
          'resources: {limits: {cpu: "1", memory: 256Mi}}',
          'resources: {limits: {cpu: "1", memory: "0"}}',
        ),
      ),
    );
    assert.deepEqual(fmt(zero.limits), { cpu: '1100m', memory: '0' });
    assert.equal(zero.limits.figures.get('memory')?.overhead, undefined);
  });
  it('pod-level resources replace the aggregate for cpu/memory (gate on) and not otherwise', () => {
    const yaml = base('{requests: {cpu: 200m, memory: 128Mi, ephemeral-storage: 1Gi}}', '\n  resources: {requests: {cpu: "3"}, limits: {cpu: "4", memory: 2Gi}}');
    const e = computeEffectiveResources(podOf(yaml), normalizeSettings({ kubernetesVersion: '1.34' }));
    assert.deepEqual(fmt(e.requests), { cpu: '3', memory: '256Mi', 'ephemeral-storage': '1Gi' });
    assert.equal(e.requests.figures.get('cpu')?.phase, 'pod-level');
    assert.equal(e.requests.figures.get('memory')?.phase, 'init');
    assert.deepEqual(fmt(e.limits), { cpu: '4', memory: '2Gi' });
    assert.equal(e.qos, 'Burstable');
    const off = computeEffectiveResources(podOf(yaml), normalizeSettings({ kubernetesVersion: '1.33' }));
    assert.deepEqual(fmt(off.requests), { cpu: '1', memory: '256Mi', 'ephemeral-storage': '1Gi' });
  });
  it('pod-level requests default to pod-level limits when no container requests the resource', () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  resources: {limits: {cpu: "2", memory: 1Gi}}
  containers:
  - name: app
    image: nginx:1.27
`;
    const e = computeEffectiveResources(podOf(yaml));
    assert.deepEqual(fmt(e.requests), { cpu: '2', memory: '1Gi' });
    assert.equal(e.qos, 'Guaranteed');
  });
  it('invalid quantities are ignored and reported', () => {
    const e = computeEffectiveResources(podOf(base('{requests: {cpu: 1e3m, memory: 64Mi}}')));
    assert.deepEqual(e.containers[1]?.invalid.map((i) => i.resource), ['cpu']);
    assert.deepEqual(fmt(e.requests), { cpu: '1', memory: '256Mi' });
  });
  it('YAML numbers are quantities', () => {
    const e = computeEffectiveResources(podOf(base('{requests: {cpu: 0.5, memory: 1e9}}')));
    assert.equal(formatQuantity(e.requests.figures.get('cpu')!.steady!), '500m');
    assert.equal(formatQuantity(e.requests.figures.get('memory')!.effective), '1e9');
  });
});
