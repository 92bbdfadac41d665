import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getLanguageService } from '../../../server/src/service/index';
import { normalizeSettings } from '../../../server/src/service/settings';
import { WORKLOADS, lineOf } from './workloads';

const service = getLanguageService();

describe('inlay hints: step and role before each container, per workload kind', () => {
  for (const w of WORKLOADS) {
    it(w.kind, () => {
      const file = service.parse(w.text);
      const hints = service.getInlayHints(file, undefined, normalizeSettings({}));
      const item = (name: string): { line: number; character: number } => {
        const line = lineOf(w.text, `- name: ${name}`);
        return { line, character: (w.text.split('\n')[line] ?? '').indexOf('name:') };
      };
      assert.deepEqual(
        hints.map((h) => ({ label: h.label, position: h.position, paddingRight: h.paddingRight })),
        [
          { label: '1 init', position: item('wait-for-db'), paddingRight: true },
          { label: '2 sidecar', position: item('istio-proxy'), paddingRight: true },
          { label: '3 init', position: item('migrate'), paddingRight: true },
          { label: 'app', position: item('app'), paddingRight: true },
          { label: 'app', position: item('metrics'), paddingRight: true },
        ],
      );
      assert.equal(hints[1]?.tooltip, 'sidecar `istio-proxy`: step 2 sidecar');
    });
  }

  it('off with inlayHints.enabled: false', () => {
    const file = service.parse(WORKLOADS[0]!.text);
    assert.deepEqual(service.getInlayHints(file, undefined, normalizeSettings({ inlayHints: { enabled: false } })), []);
  });

  it('only the hints inside the requested range', () => {
    const w = WORKLOADS[4]!;
    const file = service.parse(w.text);
    const from = lineOf(w.text, '- name: migrate');
    const hints = service.getInlayHints(file, { start: { line: from, character: 0 }, end: { line: from + 5, character: 0 } }, normalizeSettings({}));
    assert.deepEqual(hints.map((h) => h.label), ['3 init', 'app']);
  });

  it('with native sidecars off (1.27) a declared sidecar is an init step, and the tooltip says why', () => {
    const file = service.parse(WORKLOADS[0]!.text);
    const hints = service.getInlayHints(file, undefined, normalizeSettings({ kubernetesVersion: '1.27' }));
    assert.deepEqual(hints.map((h) => h.label), ['1 init', '2 init', '3 init', 'app', 'app']);
    assert.match(String(hints[1]?.tooltip), /native sidecars are off for Kubernetes 1\.27/);
  });

  it('flow-style lists, several documents, no hints for non-pod objects or ephemeral containers', () => {
    const text = `apiVersion: v1
kind: Service
metadata: {name: shop}
spec:
  ports: [{port: 80}]
---
apiVersion: v1
kind: Pod
metadata: {name: flow}
spec:
  initContainers: [{name: a, image: busybox:1.36}, {name: b, image: busybox:1.36, restartPolicy: Always}]
  containers: [{name: c, image: nginx:1.27}]
  ephemeralContainers: [{name: dbg, image: busybox:1.36}]
`;
    const hints = service.getInlayHints(service.parse(text), undefined, normalizeSettings({}));
    const lines = text.split('\n');
    assert.equal(lines[10]?.[19], '{');
    assert.equal(lines[10]?.slice(51, 59), '{name: b');
    assert.equal(lines[11]?.[15], '{');
    assert.deepEqual(
      hints.map((h) => [h.label, h.position.line, h.position.character]),
      [
        ['1 init', 10, 19],
        ['2 sidecar', 10, 51],
        ['app', 11, 15],
      ],
    );
  });
});
