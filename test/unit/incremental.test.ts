// The incremental paths (reused chunks, models, findings, cross-object findings and diagnostics) must give
// exactly what a fresh parse gives, after every kind of edit.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { getLanguageService } from '../../server/src/service/index';
import type { ParsedFile } from '../../server/src/service/index';

const service = getLanguageService();
const URI = 'file:///incremental.yaml';
const BIG = readFileSync(join(__dirname, '..', 'fixtures', 'corpus', 'tricky', '14-big-multidoc-5000-lines.yaml'), 'utf8');

const CROSS = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels: {pod-security.kubernetes.io/enforce: restricted}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers:
      - name: migrate
        image: migrate/migrate:v4.17.0
        args: [up]
        ports: [{name: metrics, containerPort: 9090}]
      containers:
      - name: app
        image: ghcr.io/acme/web:2.0.0
        ports: [{name: http, containerPort: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports:
  - {name: metrics, port: 9090, targetPort: metrics}
---
apiVersion: v1
kind: LimitRange
metadata: {name: defaults, namespace: shop}
spec:
  limits:
  - type: Container
    default: {cpu: 500m, memory: 256Mi}
`;

/** Applies edits one after the other, checking each incremental result against a fresh parse. */
function check(text: string, edits: ReadonlyArray<(t: string) => string>, workspace = ''): void {
  const ws = workspace ? service.parse(workspace).manifest.documents.flatMap((d) => d.objects) : [];
  let previous: ParsedFile = service.parse(text);
  assert.deepEqual(service.doValidation(URI, previous, undefined, ws), service.doValidation(URI, service.parse(text), undefined, ws));
  let current = text;
  for (const [i, edit] of edits.entries()) {
    current = edit(current);
    previous = service.parse(current, previous);
    const incremental = service.doValidation(URI, previous, undefined, ws);
    const fresh = service.doValidation(URI, service.parse(current), undefined, ws);
    assert.deepEqual(incremental, fresh, `edit ${i + 1}`);
  }
}

const replace = (from: string | RegExp, to: string) => (t: string): string => t.replace(from, to);

describe('incremental analysis gives the same diagnostics as a fresh parse', () => {
  it('on the 5,044-line file: replaced characters, inserted and removed lines and documents', () => {
    const middle = BIG.indexOf('\n---', BIG.length >> 1) + 1;
    check(BIG, [
      replace('replicas: 3', 'replicas: 4'),
      replace('replicas: 4', 'replicas: 3'),
      (t) => `# a comment line on top\n${t}`,
      (t) => t.slice(0, middle) + '---\n# an inserted empty document\n' + t.slice(middle),
      replace('name: wait-for-db', 'name: app'),
      replace(/livenessProbe:/, 'readinessProbe:'),
      (t) => t.replace('# a comment line on top\n', ''),
      (t) => t.slice(0, t.indexOf('\n---', 2000) + 1) + t.slice(t.indexOf('\n---', t.indexOf('\n---', 2000) + 4) + 1),
    ]);
  });

  it('for cross-object findings: a Service, the workload it selects, a Namespace and a LimitRange in other documents', () => {
    check(CROSS, [
      replace('replicas: 3', 'replicas: 2'),
      replace('enforce: restricted', 'enforce: baseline'),
      replace('targetPort: metrics', 'targetPort: http'),
      replace('targetPort: http', 'targetPort: metrics'),
      replace('{labels: {app: web}}', '{labels: {app: api}}'),
      replace('{labels: {app: api}}', '{labels: {app: web}}'),
      replace('name: defaults, namespace: shop', 'name: defaults, namespace: other'),
      replace('kind: LimitRange', 'kind: ConfigMap'),
      replace('name: shop\n', 'name: shop2\n'),
    ]);
  });

  it('with the objects of other open documents as the workspace', () => {
    const [namespace, deployment, service] = CROSS.split('---\n');
    check(`${deployment ?? ''}`, [replace('replicas: 3', 'replicas: 5'), replace('name: metrics', 'name: admin')], `${namespace ?? ''}---\n${service ?? ''}`);
  });
});
