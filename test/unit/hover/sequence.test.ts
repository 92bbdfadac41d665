import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectHover, firstSection, hoverAt } from './hoverHelper';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      ⟦initCon|tainers⟧:
      - name: wait-for-db
        image: busybox:1.36
        command: ["sh", "-c", "until nc -z db 5432; do sleep 2; done"]
      - name: istio-proxy
        image: istio/proxyv2:1.22.0
        restartPolicy: Always
        startupProbe:
          httpGet: {path: /healthz/ready, port: 15021}
      - name: migrate
        image: migrate/migrate:v4.17.0
        args: ["-path", "/migrations", "up"]
      - name: log-shipper
        image: fluent/fluent-bit:3.0
        restartPolicy: Always
      containers:
      - name: app
        image: nginx:1.27
      - name: metrics
        image: prom/statsd-exporter:v0.26.0
`;

describe('hover: initContainers (startup sequence)', () => {
  it('numbers the steps with roles, names what runs during each, and the app containers together', () => {
    const md = firstSection(expectHover(DEPLOYMENT, []));
    assert.equal(
      md,
      [
        '**Startup sequence** · Deployment `web` · Kubernetes 1.36',
        '',
        '1. `wait-for-db` (init) runs to completion',
        '2. `istio-proxy` (sidecar) starts and keeps running; the next step starts after its startup probe passes',
        '3. `migrate` (init) runs to completion, while `istio-proxy` runs',
        '4. `log-shipper` (sidecar) starts and keeps running, while `istio-proxy` runs; the next step starts as soon as it has started (no `startupProbe`)',
        '5. then `app` and `metrics` start together, alongside `istio-proxy` and `log-shipper`',
        '',
        '**On failure** (pod `restartPolicy: Always`, the default): a failing init container is restarted with exponential back-off until it succeeds (`Init:CrashLoopBackOff`); nothing after it starts meanwhile.',
        '',
        '**Shutdown**: the app containers stop first, then the sidecars in reverse start order — `log-shipper`, then `istio-proxy`. A sidecar that exits is restarted whatever the pod’s `restartPolicy`.',
        '',
        '[Init containers](https://kubernetes.io/docs/concepts/workloads/pods/init-containers/) · [Sidecar containers](https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/)',
      ].join('\n'),
    );
  });

  it('Job with restartPolicy Never: the pod fails and the Job retries up to backoffLimit; sidecars do not block completion', () => {
    const job = `apiVersion: batch/v1
kind: Job
metadata:
  name: db-migrate
spec:
  backoffLimit: 2
  template:
    spec:
      restartPolicy: Never
      ⟦initContainers|⟧:
      - name: cloud-sql-proxy
        image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.0
        restartPolicy: Always
      containers:
      - name: migrate
        image: migrate/migrate:v4.17.0
`;
    expectHover(job, [
      '**Startup sequence** · Job `db-migrate`',
      '1. `cloud-sql-proxy` (sidecar) starts and keeps running',
      '2. then `migrate` starts, alongside `cloud-sql-proxy`',
      '**On failure** (pod `restartPolicy: Never`): a failing init container fails the whole pod (phase `Failed`)',
      'creates a new one until [`backoffLimit`]',
      'once every app container has exited, the sidecars are stopped in reverse start order — `cloud-sql-proxy` — so they do not keep the pod from completing',
    ]);
  });

  it('CronJob with OnFailure: restarts count toward backoffLimit', () => {
    const cron = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly-report
spec:
  schedule: "0 2 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          initContainers|:
          - name: fetch
            image: curlimages/curl:8.8.0
            args: ["-o", "/data/in.csv", "https://example.com/in.csv"]
          containers:
          - name: report
            image: ghcr.io/acme/report:2.1.0
`;
    const md = expectHover(cron, ['CronJob `nightly-report`', '1. `fetch` (init) runs to completion', '(pod `restartPolicy: OnFailure`)', "count toward the Job's"]);
    assert.ok(!md.includes('**Shutdown**'), 'no sidecars, no shutdown paragraph');
  });

  it('Kubernetes 1.27: a declared sidecar runs as a blocking init container', () => {
    const md = expectHover(DEPLOYMENT, [
      '2. `istio-proxy` (init) runs to completion — ⚠ declares `restartPolicy: Always`, but native sidecars are off for this version',
      '⚠ Native sidecars (`restartPolicy: Always` on an init container) need Kubernetes 1.29+',
      'selected: 1.27',
    ], { kubernetesVersion: '1.27' });
    assert.ok(!md.includes('**Shutdown**'));
  });

  it('the hover is on the key only, not on the list items', () => {
    const r = hoverAt(DEPLOYMENT.replace('|', '').replace('- name: wait-for-db', '- n|ame: wait-for-db'));
    assert.ok(!r.markdown.includes('**Startup sequence**'));
  });
});

describe('hover: container name (place in the sequence)', () => {
  const at = (name: string): string => DEPLOYMENT.replace('|', '').replace(/[⟦⟧]/g, '').replace(`- name: ${name}`, `- name: ⟦${name.slice(0, 2)}|${name.slice(2)}⟧`);

  it('init container: what it waits for, what runs alongside, what comes next, failure', () => {
    const md = firstSection(expectHover(at('migrate'), []));
    assert.equal(
      md,
      [
        '**`migrate`** — init container, step 3 of 5',
        '',
        '- **Waits for**: `wait-for-db` to complete and `istio-proxy` to pass its startup probe',
        '- **Runs alongside**: sidecar `istio-proxy`',
        '- **Must exit 0**; then `log-shipper` starts',
        '- **If it fails** (pod `restartPolicy: Always`, the default): a failing init container is restarted with exponential back-off until it succeeds (`Init:CrashLoopBackOff`); nothing after it starts meanwhile.',
        '',
        '[Init containers](https://kubernetes.io/docs/concepts/workloads/pods/init-containers/)',
      ].join('\n'),
    );
  });

  it('sidecar: starts after, keeps running alongside, next step, stop order', () => {
    expectHover(at('istio-proxy'), [
      '**`istio-proxy`** — sidecar (`restartPolicy: Always`), step 2 of 5',
      '- **Starts after**: `wait-for-db` to complete',
      '- **Keeps running** for the pod\'s whole life, alongside `migrate`, `log-shipper`, `app` and `metrics`',
      '- **Next step** (`migrate`) starts after its startup probe passes',
      '- **Stops** after the app containers, second of the 2 sidecars (reverse start order)',
    ]);
    expectHover(at('log-shipper'), [
      'step 4 of 5',
      '- **Starts after**: `wait-for-db` and `migrate` to complete and `istio-proxy` to pass its startup probe',
      '- **Next step** (`app` and `metrics`) starts as soon as it has started — add a `startupProbe` if later steps need it ready',
      'first of the 2 sidecars',
    ]);
  });

  it('first init container waits for nothing', () => {
    expectHover(at('wait-for-db'), ['step 1 of 5', '- **Waits for**: nothing — it is the first step', '- **Must exit 0**; then `istio-proxy` starts']);
  });

  it('app container: waits for the init steps, starts with the others, runs alongside sidecars', () => {
    expectHover(at('app'), [
      '**`app`** — app container, starts at step 5 of 5',
      '- **Waits for**: `wait-for-db` and `migrate` to complete and `istio-proxy` and `log-shipper` to be started',
      '- **Starts together with**: `metrics`',
      '- **Runs alongside**: sidecars `istio-proxy` and `log-shipper`, which stop after it',
    ]);
  });

  it('hovering the `name` key gives the same hover over the key', () => {
    const marked = DEPLOYMENT.replace('|', '').replace(/[⟦⟧]/g, '').replace('- name: migrate', '- ⟦na|me⟧: migrate');
    expectHover(marked, ['**`migrate`** — init container, step 3 of 5']);
  });

  it('a StatefulSet pod with a single init container', () => {
    const sts = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: pg
spec:
  serviceName: pg
  selector: {matchLabels: {app: pg}}
  template:
    metadata: {labels: {app: pg}}
    spec:
      initContainers:
      - name: ⟦fix-|perms⟧
        image: busybox:1.36
        command: ["chown", "-R", "999:999", "/var/lib/postgresql/data"]
      containers:
      - name: postgres
        image: postgres:16.3
`;
    expectHover(sts, ['**`fix-perms`** — init container, step 1 of 2', '- **Must exit 0**; then `postgres` starts']);
  });
});
