import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getLanguageService } from '../../../server/src/service/index';
import { normalizeSettings } from '../../../server/src/service/settings';
import { WORKLOADS, lineOf } from './workloads';

const service = getLanguageService();

describe('startup timeline (k8sInit/startupTimeline)', () => {
  it('describes the pod at the position: containers, phases, effective resources, QoS', () => {
    const w = WORKLOADS.find((x) => x.kind === 'Deployment')!;
    const file = service.parse(w.text);
    const line = lineOf(w.text, 'initContainers:');
    const t = service.getStartupTimeline('file:///d.yaml', file, { line, character: 8 }, normalizeSettings({}));
    assert.ok(t);
    assert.deepEqual(t.object, { kind: 'Deployment', name: 'shop' });
    assert.equal(t.podPath, 'spec.template.spec');
    assert.equal(t.restartPolicy, 'Always');
    assert.equal(t.podCount, 1);
    assert.deepEqual(
      t.containers.map((c) => [c.name, c.role, c.index, c.requests]),
      [
        ['wait-for-db', 'init', 0, { cpu: '100m', memory: '32Mi' }],
        ['istio-proxy', 'sidecar', 1, { cpu: '100m', memory: '128Mi' }],
        ['migrate', 'init', 2, { cpu: '1', memory: '512Mi' }],
        ['app', 'app', 0, { cpu: '250m', memory: '1Gi' }],
        ['metrics', 'app', 1, { cpu: '100m', memory: '64Mi' }],
      ],
    );
    assert.equal(t.containers[2]?.range.start.line, lineOf(w.text, '- name: migrate'));
    assert.deepEqual(t.phases, [
      { kind: 'init', initIndex: 0, requests: { cpu: '100m', memory: '32Mi' } },
      { kind: 'init', initIndex: 1, requests: { cpu: '100m', memory: '128Mi' } },
      { kind: 'init', initIndex: 2, requests: { cpu: '1100m', memory: '640Mi' } },
      { kind: 'steady', requests: { cpu: '450m', memory: '1216Mi' } },
    ]);
    assert.deepEqual(t.effectiveRequests, [
      { resource: 'cpu', value: '1100m', phase: 'init', initIndex: 2 },
      { resource: 'memory', value: '1216Mi', phase: 'steady' },
    ]);
    assert.deepEqual(t.effectiveLimits, []);
    assert.equal(t.qos, 'Burstable');
  });

  it('outside any pod spec: the first pod spec of the file; null without any', () => {
    const two = `apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}]}\n---\n${WORKLOADS[7]!.text}---\n${WORKLOADS[8]!.text}`;
    const file = service.parse(two);
    const t = service.getStartupTimeline('file:///x.yaml', file, { line: 0, character: 0 }, normalizeSettings({}));
    assert.equal(t?.object.kind, 'Job');
    assert.equal(t?.podCount, 2);
    const inCron = service.getStartupTimeline('file:///x.yaml', file, { line: lineOf(two, 'schedule:'), character: 4 }, normalizeSettings({}));
    assert.equal(inCron?.object.kind, 'CronJob');
    assert.equal(inCron?.restartPolicy, 'OnFailure');
    const none = service.parse('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n');
    assert.equal(service.getStartupTimeline('file:///c.yaml', none, { line: 0, character: 0 }, normalizeSettings({})), null);
  });

  it('overhead is reported with the effective figure', () => {
    const text = WORKLOADS[0]!.text.replace('spec:\n', 'spec:\n  overhead: {cpu: 250m, memory: 120Mi}\n');
    const t = service.getStartupTimeline('file:///p.yaml', service.parse(text), { line: 0, character: 0 }, normalizeSettings({}));
    assert.deepEqual(t?.effectiveRequests, [
      { resource: 'cpu', value: '1350m', phase: 'init', initIndex: 2, overhead: '250m' },
      { resource: 'memory', value: '1336Mi', phase: 'steady', overhead: '120Mi' },
    ]);
  });
});
