// Failures the fuzzer and the hostile-input work found, kept as minimal regression inputs. Each goes
// through every property (test/fuzz/properties.ts) plus its own assertion.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dashOf, editContext } from '../../../server/src/service/edits/nodes';
import { checkText, service, URI } from '../../fuzz/properties';

const ALL = { positions: 0, codeActions: 100, fixAll: true, timeBudgetMs: 30_000, seed: 1 };

describe('fuzz regressions', () => {
  it('completion with U+2028 in the line before the cursor (the line regex did not match: TypeError)', () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  labels:\n    pod-s\u2028curity.kubernetes.io/enforce: privileged\n';
    const file = service.parse(text);
    for (let character = 0; character <= 12; character++) assert.doesNotThrow(() => service.doComplete(file, { line: 4, character }));
    checkText(text, { ...ALL, positions: 20 });
  });

  it('moving a container before a first init container whose dash is followed by a comment (the dash was found inside the comment)', () => {
    const text = [
      'apiVersion: batch/v1',
      'kind: Job',
      'metadata:',
      '  name: j',
      'spec:',
      '  template:',
      '    spec:',
      '      restartPolicy: Never',
      '      initContainers:',
      '      - # k8s-init-disable-next-line',
      '        name: setup',
      '        image: busybox',
      '      containers:',
      '      - name: app',
      '        image: app',
      '        command: ["run"]',
      '      - name: proxy',
      '        image: envoy',
      '        command: ["sh", "-c", "exec envoy -c /etc/envoy.yaml"]',
      '',
    ].join('\n');
    const item = text.indexOf('name: setup');
    assert.equal(dashOf(editContext(text, 0), item), text.indexOf('- # k8s'));
    assert.ok(service.doValidation(URI, service.parse(text)).some((d) => d.code === 'job-legacy-sidecar-blocks-completion'));
    checkText(text, ALL);
  });

  it('a suppression quick fix in a document whose aliases fan out (the data was compared by expanding every alias)', () => {
    let text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    x0: &a0 lol\nspec:\n  containers:\n  - name: app\n    image: nginx\n';
    text += '    args: &a1 [*a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0]\n';
    for (let i = 2; i <= 5; i++) text += `    x${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]\n`;
    text += '  initContainers:\n  - name: init\n    image: busybox\n    readinessProbe: {exec: {command: [x]}}\n    command: *a5\n';
    const file = service.parse(text);
    const probe = service.doValidation(URI, file).find((d) => d.code === 'init-probe-forbidden');
    assert.ok(probe);
    const started = performance.now();
    const actions = service.doCodeActions(URI, file, probe.range, { diagnostics: [probe] }, undefined, undefined, { deferFixAll: true });
    assert.ok(actions.some((a) => a.title.startsWith('Suppress')));
    assert.ok(performance.now() - started < 2000, 'no exponential comparison');
  });

  it('two inserts at one position are in array order (LSP), not overlapping edits', () => {
    // Found as a false alarm of the property checker: `timeout 300` written as two inserts at the same offset.
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  initContainers:\n  - name: wait\n    image: busybox:1.36\n    command: ["sh", "-c", "until nc -z db 5432; do sleep 2; done"]\n  containers:\n  - name: app\n    image: nginx:1.27\n';
    checkText(text, ALL);
  });

  it('removing an anchored flow item, or replacing an anchored value, would orphan its aliases: no such fix', () => {
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: p}',
      'spec:',
      '  initContainers:',
      '  - name: setup',
      '    image: busybox:1.36',
      '    command: ["sh", "-c", "true"]',
      '    resources: &r {}',
      '  containers:',
      '  - name: app',
      '    image: nginx:1.27',
      '    env: [&e {name: A, value: "x"}, {name: B, value: "y"}, *e]',
      '    resources: *r',
      '',
    ].join('\n');
    const codes = service.doValidation(URI, service.parse(text)).map((d) => d.code);
    assert.ok(codes.includes('duplicate-env-var') && codes.includes('init-missing-resources'), codes.join());
    checkText(text, ALL);
  });

  it('completion after a lone carriage return (lines split differently from the line index: TypeError)', () => {
    const text = 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\u{13c2d}\n  name: pod-test-1\r\nspec:\r\n  initContainers:\r\n  - name: ';
    const file = service.parse(text);
    const lines = text.split(/\r\n|\r|\n/);
    lines.forEach((l, line) => {
      for (let character = 0; character <= l.length; character++) assert.doesNotThrow(() => service.doComplete(file, { line, character }), `${line}:${character}`);
    });
    checkText(text, { ...ALL, positions: 30 });
  });
});
