import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SHOW_STARTUP_TIMELINE_COMMAND as PROTOCOL_COMMAND } from '../../../server/src/protocol';
import { SHOW_STARTUP_TIMELINE_COMMAND } from '../../../server/src/service/codeLens';
import { getLanguageService } from '../../../server/src/service/index';
import { normalizeSettings } from '../../../server/src/service/settings';
import { WORKLOADS, lineOf } from './workloads';

const service = getLanguageService();

describe('code lens above initContainers, per workload kind', () => {
  for (const w of WORKLOADS) {
    it(w.kind, () => {
      const uri = `file:///work/${w.kind}.yaml`;
      const lenses = service.getCodeLenses(uri, service.parse(w.text), normalizeSettings({}));
      assert.equal(lenses.length, 1);
      const lens = lenses[0]!;
      const line = lineOf(w.text, 'initContainers:');
      const character = (w.text.split('\n')[line] ?? '').indexOf('initContainers');
      assert.deepEqual(lens.range, { start: { line, character }, end: { line, character: character + 'initContainers'.length } });
      // requests: init peak cpu 1100m (migrate 1 + istio-proxy 100m) vs steady 450m; memory steady 1216Mi vs peak 640Mi
      assert.deepEqual(lens.command, {
        title: 'startup: wait-for-db → istio-proxy (sidecar) → migrate → app + metrics · requests 1100m / 1216Mi · Burstable',
        command: 'k8sInit.showStartupTimeline',
        arguments: [uri, { line, character }],
      });
    });
  }

  it('the issue example: startup: wait-for-db → migrate → app · requests 1350m / 1336Mi · Burstable', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: example
spec:
  overhead: {cpu: 250m, memory: 120Mi}
  initContainers:
  - name: wait-for-db
    image: busybox:1.36
    resources: {requests: {cpu: 100m, memory: 16Mi}}
  - name: migrate
    image: migrate/migrate:v4.17.0
    resources: {requests: {cpu: 1100m, memory: 640Mi}}
  containers:
  - name: app
    image: nginx:1.27
    resources: {requests: {cpu: 650m, memory: 1216Mi}, limits: {memory: 2Gi}}
`;
    const [lens] = service.getCodeLenses('file:///x.yaml', service.parse(text), normalizeSettings({}));
    assert.equal(lens?.command?.title, 'startup: wait-for-db → migrate → app · requests 1350m / 1336Mi · Burstable');
  });

  it('the command id matches the protocol module', () => assert.equal(SHOW_STARTUP_TIMELINE_COMMAND, PROTOCOL_COMMAND));

  it('off with codeLens.enabled: false; none without initContainers; one per pod spec', () => {
    const w = WORKLOADS[0]!;
    assert.deepEqual(service.getCodeLenses('file:///x.yaml', service.parse(w.text), normalizeSettings({ codeLens: { enabled: false } })), []);
    const plain = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: app, image: nginx:1.27}]\n';
    assert.deepEqual(service.getCodeLenses('file:///x.yaml', service.parse(plain), normalizeSettings({})), []);
    const two = `${WORKLOADS[4]!.text}---\n${WORKLOADS[8]!.text}`;
    assert.equal(service.getCodeLenses('file:///x.yaml', service.parse(two), normalizeSettings({})).length, 2);
  });

  it('without cpu/memory requests: says so; Guaranteed pods', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
  - {name: init, image: busybox:1.36, resources: {limits: {cpu: 100m, memory: 64Mi}}}
  containers:
  - {name: app, image: nginx:1.27, resources: {limits: {cpu: 500m, memory: 256Mi}}}
`;
    const [lens] = service.getCodeLenses('file:///x.yaml', service.parse(text), normalizeSettings({}));
    assert.equal(lens?.command?.title, 'startup: init → app · requests 500m / 256Mi · Guaranteed');
    const none = text.replace(/resources: \{limits: \{[^}]*\}\}/g, 'resources: {}');
    const [lens2] = service.getCodeLenses('file:///x.yaml', service.parse(none), normalizeSettings({}));
    assert.equal(lens2?.command?.title, 'startup: init → app · no requests · BestEffort');
  });
});
