import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Range } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/service/index';
import { applyTextEdits } from '../helpers/fixTester';

const service = getLanguageService();
const URI = 'file:///nav.yaml';

/** Removes the `|` cursor marker; returns the text, the parse and the cursor position. */
function cursor(marked: string) {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'a | cursor marker');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const file = service.parse(text);
  return { text, file, position: file.lines.positionAt(offset) };
}

/** The texts the ranges cover, in document order. */
function covered(text: string, ranges: readonly Range[]): string[] {
  const file = service.parse(text);
  return [...ranges]
    .sort((a, b) => a.start.line - b.start.line || a.start.character - b.start.character)
    .map((r) => `${r.start.line}:${text.slice(file.lines.offsetAt(r.start), file.lines.offsetAt(r.end))}`);
}

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers:
      - name: fetch
        image: curlimages/curl:8.10.1
        volumeMounts:
        - name: wo|rk
          mountPath: /workdir
      - name: proxy
        image: envoyproxy/envoy:v1.31.0
        restartPolicy: Always
        volumeMounts: [{name: "work", mountPath: /srv, readOnly: true}]
      containers:
      - name: app
        image: nginx:1.27
        volumeMounts:
        - {name: work, mountPath: /usr/share/nginx/html}
        - {name: cache, mountPath: /cache}
      volumes:
      - name: work
        emptyDir: {}
      - name: cache
        emptyDir: {}
`;

describe('navigation: volumes', () => {
  it('goes from a mount to its volume', () => {
    const { text, file, position } = cursor(DEPLOY);
    assert.deepEqual(covered(text, service.findDefinition(URI, file, position).map((l) => l.range)), ['25:work']);
  });

  it('finds every mount, init, sidecar and app, with or without the declaration', () => {
    const { text, file, position } = cursor(DEPLOY);
    assert.deepEqual(covered(text, service.findReferences(URI, file, position, true).map((l) => l.range)), ['12:work', '17:"work"', '22:work', '25:work']);
    assert.deepEqual(covered(text, service.findReferences(URI, file, position, false).map((l) => l.range)), ['12:work', '17:"work"', '22:work']);
  });

  it('highlights the declaration as a write and the mounts as reads', () => {
    const { file } = cursor(DEPLOY);
    const at = cursor(DEPLOY.replace('wo|rk', 'work').replace('      - name: work\n', '      - name: |work\n'));
    const kinds = service.findDocumentHighlights(at.file, at.position).map((h) => h.kind);
    assert.deepEqual(kinds.sort(), [2, 2, 2, 3]);
    assert.ok(file);
  });

  it('renames a volume everywhere, keeping quotes', () => {
    const { text, file, position } = cursor(DEPLOY);
    assert.deepEqual(service.prepareRename(file, position)?.placeholder, 'work');
    const edit = service.doRename(URI, file, position, 'site');
    assert.ok(edit?.changes);
    assert.equal(
      applyTextEdits(text, edit.changes[URI] ?? []),
      text.replace('        - name: work\n', '        - name: site\n').replace('{name: "work"', '{name: "site"').replace('{name: work, mountPath: /usr', '{name: site, mountPath: /usr').replace('      - name: work\n        emptyDir', '      - name: site\n        emptyDir'),
    );
  });

  it('works on a one-line flow pod spec', () => {
    const { text, file, position } = cursor('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {initContainers: [{name: i, image: "busybox:1.36", volumeMounts: [{name: cfg, mountPath: /c}]}], containers: [{name: a, image: "nginx:1.27", volumeMounts: [{name: c|fg, mountPath: /c}]}], volumes: [{name: cfg, emptyDir: {}}]}\n');
    assert.deepEqual(covered(text, service.findReferences(URI, file, position, true).map((l) => l.range)), ['3:cfg', '3:cfg', '3:cfg']);
    assert.equal(service.findDefinition(URI, file, position).length, 1);
  });

  it('finds nothing away from names', () => {
    const { file, position } = cursor(DEPLOY.replace('wo|rk', 'work').replace('mountPath: /workdir', 'mountPath: /wo|rkdir'));
    assert.deepEqual(service.findDefinition(URI, file, position), []);
    assert.equal(service.prepareRename(file, position), null);
  });
});

const CRONJOB = `apiVersion: batch/v1\r
kind: CronJob\r
metadata: {name: nightly}\r
spec:\r
  schedule: "0 3 * * *"\r
  jobTemplate:\r
    spec:\r
      podFailurePolicy:\r
        rules:\r
        - action: FailJob\r
          onExitCodes: {containerName: main, operator: In, values: [42]}\r
      template:\r
        spec:\r
          restartPolicy: Never\r
          initContainers:\r
          - name: proxy\r
            image: envoyproxy/envoy:v1.31.0\r
            restartPolicy: Always\r
          containers:\r
          - name: ma|in\r
            image: ghcr.io/acme/batch:1.0.0\r
`;

describe('navigation: container names', () => {
  it('goes from a podFailurePolicy containerName to the container (CronJob, CRLF)', () => {
    const { text, file } = cursor(CRONJOB);
    const at = cursor(CRONJOB.replace('ma|in', 'main').replace('containerName: main', 'containerName: m|ain'));
    assert.deepEqual(covered(text, service.findDefinition(URI, at.file, at.position).map((l) => l.range)), ['19:main']);
    assert.ok(file);
  });

  it('renames a container and the podFailurePolicy rule naming it', () => {
    const { text, file, position } = cursor(CRONJOB);
    const edit = service.doRename(URI, file, position, 'batch');
    assert.equal(applyTextEdits(text, edit?.changes?.[URI] ?? []), text.replace('containerName: main', 'containerName: batch').replace('- name: main', '- name: batch'));
  });

  it('does not rename through an alias', () => {
    const { file, position } = cursor('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nx: &n app\nspec:\n  containers:\n  - name: *|n\n    image: nginx:1.27\n');
    assert.equal(service.prepareRename(file, position), null);
  });
});
