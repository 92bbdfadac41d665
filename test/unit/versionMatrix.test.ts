import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/service/index';
import { BUNDLED_VERSIONS } from '../../server/src/service/settings';
import { FIXTURES } from '../helpers/fixtures';

/**
 * Version matrix of the version- and feature-gate-dependent rules. The table is the spec (rule catalogue §2
 * and §5/§6): for each realistic manifest, the severity of the rule's finding on every bundled version
 * 1.27 … 1.36 (E error, W warning, I information, - nothing), plus explicit `featureGates` overrides.
 * Every rule runs (the whole registry), so findings of other rules cannot hide or duplicate these.
 */

type Cell = 'E' | 'W' | 'I' | '-';

interface GateCase {
  readonly version: string;
  readonly gates: Readonly<Record<string, boolean>>;
  readonly expect: Cell;
}

interface Row {
  readonly rule: string;
  readonly name: string;
  readonly yaml: string;
  /** One cell per bundled version, 1.27 … 1.36, separated by spaces. */
  readonly versions: string;
  readonly gates?: readonly GateCase[];
  /** The text the finding covers (per severity when it moves). */
  readonly at: string | Partial<Record<Cell, string>>;
  /** What the message must say, for the version and gates it ran with. */
  readonly says?: (version: string, gates: Readonly<Record<string, boolean>>) => readonly string[];
}

const SEVERITY: Record<number, Cell> = { 1: 'E', 2: 'W', 3: 'I', 4: 'I' };
const before = (v: string, w: string): boolean => Number(v.split('.')[1]) < Number(w.split('.')[1]);

// ---------------------------------------------------------------------------------------------------------
// Manifests
// ---------------------------------------------------------------------------------------------------------

const PLAIN_INIT_PROBE = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers:
      - name: wait-db
        image: busybox:1.36.1
        command: ["sh", "-c", "for i in $(seq 1 60); do nc -z db 5432 && exit 0; sleep 2; done; exit 1"]
        readinessProbe: {tcpSocket: {port: 5432}}
      containers:
      - {name: app, image: ghcr.io/acme/web:2.4.1}
`;

const SIDECAR_PROBE = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: envoy
    image: envoyproxy/envoy:v1.31.0
    restartPolicy: Always
    startupProbe: {tcpSocket: {port: 15001}, periodSeconds: 1, failureThreshold: 30}
  containers:
  - {name: app, image: nginx:1.27.3}
`;

const PLAIN_INIT_LIFECYCLE = `apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly-report}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          initContainers:
          - name: setup
            image: busybox:1.36.1
            command: ["sh", "-c", "cp /src/* /workdir/"]
            lifecycle: {preStop: {exec: {command: ["true"]}}}
          containers:
          - {name: report, image: ghcr.io/acme/report:1.8.0}
`;

const SIDECAR_LIFECYCLE = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: log-shipper
    image: fluent/fluent-bit:3.1.9
    restartPolicy: Always
    lifecycle: {preStop: {exec: {command: ["sh", "-c", "sleep 5"]}}}
  containers:
  - {name: app, image: nginx:1.27.3}
`;

const initRestartPolicy = (value: string): string => `apiVersion: batch/v1
kind: Job
metadata: {name: import}
spec:
  backoffLimit: 2
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - name: fetch
        image: curlimages/curl:8.10.1
        restartPolicy: ${value}
        command: ["curl", "-fsSo", "/work/data.csv", "https://data.example.com/data.csv"]
      containers:
      - {name: importer, image: ghcr.io/acme/importer:3.2.0}
`;

const APP_RESTART_POLICY = `apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
      - {name: app, image: ghcr.io/acme/api:2.4.1}
      - name: cloud-sql-proxy
        image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.0
        restartPolicy: Always
`;

const restartRules = (containerPolicy: boolean): string => `apiVersion: batch/v1
kind: Job
metadata: {name: train}
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: trainer
        image: ghcr.io/acme/trainer:1.4.2${containerPolicy ? '\n        restartPolicy: Never' : ''}
        restartPolicyRules:
        - action: Restart
          exitCodes: {operator: ${containerPolicy ? 'Equals' : 'In'}, values: [42]}
`;

const SIDECAR_RESIZE = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers:
      - name: envoy
        image: envoyproxy/envoy:v1.31.0
        restartPolicy: Always
        resizePolicy: [{resourceName: cpu, restartPolicy: NotRequired}]
        startupProbe: {tcpSocket: {port: 15001}}
      containers:
      - {name: app, image: nginx:1.27.3}
`;

const INIT_RESIZE = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: migrate
    image: ghcr.io/acme/migrate:3.2.0
    resizePolicy: [{resourceName: memory, restartPolicy: NotRequired}]
  containers:
  - {name: app, image: nginx:1.27.3}
`;

// Rule catalogue §3.4 / E24: aggregate cpu request 1100m before overhead.
const POD_LEVEL_RESOURCES = `apiVersion: v1
kind: Pod
metadata: {name: batch}
spec:
  resources: {requests: {cpu: "1", memory: 2Gi}}
  initContainers:
  - {name: istio-proxy, image: istio/proxyv2:1.23.2, restartPolicy: Always, resources: {requests: {cpu: 100m}}}
  - {name: db-migrate, image: ghcr.io/acme/migrate:3.2.0, resources: {requests: {cpu: "1"}}}
  containers:
  - {name: app, image: ghcr.io/acme/app:3.2.0, resources: {requests: {cpu: 500m}}}
`;

const JOB_SIDECAR = `apiVersion: batch/v1
kind: Job
metadata: {name: export}
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - name: cloud-sql-proxy
        image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.0
        restartPolicy: Always
        args: ["--port=5432", "acme:eu:db"]
      containers:
      - {name: export, image: ghcr.io/acme/export:1.0.0}
`;

const serviceTargeting = (sidecar: boolean): string => `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports:
  - {name: metrics, port: 9102, targetPort: metrics}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers:
      - name: statsd-exporter
        image: prom/statsd-exporter:v0.27.1${sidecar ? '\n        restartPolicy: Always' : ''}
        ports: [{name: metrics, containerPort: 9102}]
      containers:
      - {name: app, image: nginx:1.27.3, ports: [{name: http, containerPort: 80}]}
`;

const SIDECAR_SLEEP = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  terminationGracePeriodSeconds: 30
  containers:
  - name: app
    image: nginx:1.27.3
    lifecycle: {preStop: {sleep: {seconds: 5}}}
`;

// ---------------------------------------------------------------------------------------------------------
// The table (1.27 1.28 1.29 1.30 1.31 1.32 1.33 1.34 1.35 1.36)
// ---------------------------------------------------------------------------------------------------------

const SC_OFF = { SidecarContainers: false };
const SC_ON = { SidecarContainers: true };
const CRR_ON = { ContainerRestartRules: true };
const CRR_OFF = { ContainerRestartRules: false };

export const MATRIX: readonly Row[] = [
  {
    rule: 'init-probe-forbidden',
    name: 'E01 probe on a regular init container: wording changes in 1.28',
    yaml: PLAIN_INIT_PROBE,
    versions: 'E E E E E E E E E E',
    at: 'readinessProbe',
    says: (v) => (before(v, '1.28') ? ['no native sidecars', 'must not be set for init containers'] : ['Forbidden: may not be set for init containers without restartPolicy=Always']),
  },
  {
    rule: 'init-probe-forbidden',
    name: 'E01 probe on a sidecar: rejected where `restartPolicy: Always` is unknown or dropped',
    yaml: SIDECAR_PROBE,
    versions: 'E E - - - - - - - -',
    gates: [
      { version: '1.28', gates: SC_ON, expect: '-' },
      { version: '1.30', gates: SC_OFF, expect: 'E' },
      { version: '1.33', gates: SC_OFF, expect: '-' },
    ],
    at: 'startupProbe',
    says: (v) => (before(v, '1.28') ? ['Kubernetes 1.27 has no native sidecars'] : ['`SidecarContainers` feature gate', 'drops']),
  },
  {
    rule: 'init-lifecycle-forbidden',
    name: 'E02 lifecycle on a regular init container: wording changes in 1.28',
    yaml: PLAIN_INIT_LIFECYCLE,
    versions: 'E E E E E E E E E E',
    at: 'lifecycle',
    says: (v) => (before(v, '1.28') ? ['no native sidecars', 'must not be set for init containers'] : ['Forbidden: may not be set for init containers without restartPolicy=Always']),
  },
  {
    rule: 'init-lifecycle-forbidden',
    name: 'E02 lifecycle on a sidecar: rejected where `restartPolicy: Always` is unknown or dropped',
    yaml: SIDECAR_LIFECYCLE,
    versions: 'E E - - - - - - - -',
    gates: [{ version: '1.28', gates: SC_ON, expect: '-' }],
    at: 'lifecycle',
  },
  {
    rule: 'init-restart-policy-unsupported',
    name: 'E03 init restartPolicy OnFailure: error until 1.34, warning from 1.35 (1.27: unknown field, 1.28: dropped with the gate off)',
    yaml: initRestartPolicy('OnFailure'),
    versions: '- - E E E E E E W W',
    gates: [
      { version: '1.28', gates: SC_ON, expect: 'E' },
      { version: '1.34', gates: CRR_ON, expect: 'W' },
      { version: '1.35', gates: CRR_OFF, expect: 'E' },
      { version: '1.36', gates: CRR_OFF, expect: 'E' },
    ],
    at: 'OnFailure',
    says: () => ['Rejected by Kubernetes before 1.35'],
  },
  {
    rule: 'init-restart-policy-unsupported',
    name: 'E03 init restartPolicy that is no restart policy: rejected by every version that knows the field',
    yaml: initRestartPolicy('Sometimes'),
    versions: '- - E E E E E E E E',
    at: 'Sometimes',
    says: (v, g) => ['ejected by every Kubernetes version', before(v, '1.35') || g['ContainerRestartRules'] === false ? 'supported values: "Always"`' : 'supported values: "Always", "OnFailure", "Never"`'],
  },
  {
    rule: 'container-restart-policy-forbidden',
    name: 'E04 restartPolicy on an app container: error 1.28–1.34, warning from 1.35',
    yaml: APP_RESTART_POLICY,
    versions: '- E E E E E E E W W',
    gates: [
      { version: '1.34', gates: CRR_ON, expect: 'W' },
      { version: '1.35', gates: CRR_OFF, expect: 'E' },
      { version: '1.28', gates: SC_OFF, expect: 'E' },
    ],
    at: 'restartPolicy',
    says: () => ['Rejected by Kubernetes before 1.35', 'move it to `initContainers`'],
  },
  {
    rule: 'restart-rules-require-restart-policy',
    name: 'E05 restartPolicyRules without a container restartPolicy: only where the gate is on',
    yaml: restartRules(false),
    versions: '- - - - - - - - E E',
    gates: [
      { version: '1.34', gates: CRR_ON, expect: 'E' },
      { version: '1.35', gates: CRR_OFF, expect: '-' },
    ],
    at: 'restartPolicyRules',
    says: () => ['Rejected by Kubernetes 1.35 and later'],
  },
  {
    rule: 'restart-rules-invalid',
    name: 'E06 exit-code operator Equals: dropped (warning) on 1.34, rejected from 1.35',
    yaml: restartRules(true),
    versions: '- - - - - - - W E E',
    gates: [
      { version: '1.34', gates: CRR_ON, expect: 'E' },
      { version: '1.35', gates: CRR_OFF, expect: 'W' },
    ],
    at: { E: 'Equals', W: 'restartPolicyRules' },
    says: (v, g) => (before(v, '1.35') !== (g['ContainerRestartRules'] === true) || g['ContainerRestartRules'] === false ? ['silently drops', '1.35'] : ['Rejected by Kubernetes 1.35 and later']),
  },
  {
    rule: 'init-resize-policy-forbidden',
    name: 'E22 resizePolicy on a sidecar: rejected before 1.33 and with the gate off',
    yaml: SIDECAR_RESIZE,
    versions: 'E E E E E E - - - -',
    gates: [
      { version: '1.32', gates: { InPlacePodVerticalScaling: true }, expect: 'E' },
      { version: '1.33', gates: { InPlacePodVerticalScaling: false }, expect: 'E' },
      { version: '1.36', gates: { InPlacePodVerticalScaling: false }, expect: 'E' },
    ],
    at: 'resizePolicy',
    says: (v) => (before(v, '1.33') ? ['rejected by Kubernetes before 1.33'] : ['InPlacePodVerticalScaling is off']),
  },
  {
    rule: 'init-resize-policy-forbidden',
    name: 'E22 resizePolicy on a regular init container: rejected by every version',
    yaml: INIT_RESIZE,
    versions: 'E E E E E E E E E E',
    gates: [{ version: '1.36', gates: { InPlacePodVerticalScaling: true }, expect: 'E' }],
    at: 'resizePolicy',
  },
  {
    rule: 'pod-level-requests-below-aggregate',
    name: 'E24 pod-level requests below the aggregate: gate PodLevelResources (alpha 1.32, on from 1.34)',
    yaml: POD_LEVEL_RESOURCES,
    versions: '- - - - - - - E E E',
    gates: [
      { version: '1.32', gates: { PodLevelResources: true }, expect: 'E' },
      { version: '1.33', gates: { PodLevelResources: true }, expect: 'E' },
      { version: '1.34', gates: { PodLevelResources: false }, expect: '-' },
      { version: '1.31', gates: { PodLevelResources: true }, expect: '-' },
    ],
    at: '"1"',
    says: (v) => (before(v, '1.34') ? ['Rejected by Kubernetes 1.3', 'PodLevelResources gate is on in your settings', '1100m'] : ['Rejected by Kubernetes 1.34 and later', '1100m']),
  },
  {
    rule: 'native-sidecar-min-version',
    name: 'W02 native sidecar: unknown before 1.28 (error), dropped on 1.28 with the gate off (warning)',
    yaml: JOB_SIDECAR,
    versions: 'E W - - - - - - - -',
    gates: [
      { version: '1.28', gates: SC_OFF, expect: 'W' },
      { version: '1.28', gates: SC_ON, expect: '-' },
      { version: '1.30', gates: SC_OFF, expect: 'W' },
      { version: '1.33', gates: SC_OFF, expect: '-' },
    ],
    at: 'restartPolicy',
    says: (v) => (before(v, '1.28') ? ['strict decoding error: unknown field', 'arrive in 1.28'] : ['`SidecarContainers` feature gate is off', '1.29']),
  },
  {
    rule: 'service-targets-init-container-port',
    name: 'W11 Service targetPort named only on a sidecar: no endpoints before 1.32',
    yaml: serviceTargeting(true),
    versions: 'W W W W W - - - - -',
    at: 'metrics',
    says: () => ['Before Kubernetes 1.32'],
  },
  {
    rule: 'service-targets-init-container-port',
    name: 'W11 Service targetPort named only on a regular init container: every version',
    yaml: serviceTargeting(false),
    versions: 'W W W W W W W W W W',
    at: 'metrics',
  },
  {
    rule: 'pod-spec-schema',
    name: 'S01 init-container restartPolicy (not Always) is unknown before 1.28',
    yaml: initRestartPolicy('OnFailure'),
    versions: 'E - - - - - - - - -',
    at: 'restartPolicy',
    says: () => ['known from Kubernetes 1.28; you selected 1.27', 'init container 1 of 1 `fetch`'],
  },
  {
    rule: 'pod-spec-schema',
    name: 'S01 sidecar restartPolicy before 1.28 is native-sidecar-min-version\'s finding, not a schema one',
    yaml: JOB_SIDECAR,
    versions: '- - - - - - - - - -',
    at: 'restartPolicy',
  },
  {
    rule: 'pod-spec-schema',
    name: 'S01 app-container restartPolicy is unknown before 1.28',
    yaml: APP_RESTART_POLICY,
    versions: 'E - - - - - - - - -',
    at: 'restartPolicy',
    says: () => ['known from Kubernetes 1.28', 'container `cloud-sql-proxy`'],
  },
  {
    rule: 'pod-spec-schema',
    name: 'S01 restartPolicyRules is unknown before 1.34',
    yaml: restartRules(false),
    versions: 'E E E E E E E - - -',
    at: 'restartPolicyRules',
    says: () => ['known from Kubernetes 1.34', 'container `trainer`'],
  },
  {
    rule: 'pod-spec-schema',
    name: 'S01 pod-level resources are unknown before 1.32',
    yaml: POD_LEVEL_RESOURCES,
    versions: 'E E E E E - - - - -',
    at: 'resources',
    says: () => ['known from Kubernetes 1.32', 'the pod spec'],
  },
  {
    rule: 'pod-spec-schema',
    name: 'S01 the preStop sleep action is unknown before 1.29',
    yaml: SIDECAR_SLEEP,
    versions: 'E E - - - - - - - -',
    at: 'sleep',
    says: () => ['known from Kubernetes 1.29', 'container `app`'],
  },
];

// ---------------------------------------------------------------------------------------------------------

const service = getLanguageService({ onRuleError: (id, e) => { throw new Error(`rule ${id} threw: ${String(e)}`); } });

function run(text: string, version: string, gates: Readonly<Record<string, boolean>>): Diagnostic[] {
  return service.doValidation('file:///matrix.yaml', service.parse(text), service.settings({ kubernetesVersion: version, featureGates: gates }));
}

function check(row: Row, version: string, gates: Readonly<Record<string, boolean>>, expect: Cell): void {
  const parsed = service.parse(row.yaml);
  const found = run(row.yaml, version, gates).filter((d) => d.code === row.rule);
  const label = `${row.rule} on ${version}${Object.keys(gates).length > 0 ? ` ${JSON.stringify(gates)}` : ''}`;
  if (expect === '-') {
    assert.deepEqual(found.map((d) => d.message), [], `${label}: no finding expected`);
    return;
  }
  assert.equal(found.length, 1, `${label}: one finding expected, got ${found.length}`);
  const d = found[0] as Diagnostic;
  assert.equal(SEVERITY[d.severity ?? 1], expect, `${label}: severity (${d.message})`);
  const at = typeof row.at === 'string' ? row.at : row.at[expect];
  const covered = row.yaml.slice(parsed.lines.offsetAt(d.range.start), parsed.lines.offsetAt(d.range.end));
  assert.equal(covered, at, `${label}: range`);
  assert.doesNotMatch(d.message, /\{\{\w+\}\}/, `${label}: unfilled placeholder`);
  for (const part of row.says?.(version, gates) ?? []) assert.ok(d.message.includes(part), `${label}: message should include ${JSON.stringify(part)}: ${d.message}`);
}

describe('version matrix', () => {
  it('covers every bundled version', () => assert.deepEqual([...BUNDLED_VERSIONS], ['1.27', '1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36']));
  for (const row of MATRIX) {
    it(row.name, () => {
      const cells = row.versions.split(/\s+/) as Cell[];
      assert.equal(cells.length, BUNDLED_VERSIONS.length, 'one cell per bundled version');
      BUNDLED_VERSIONS.forEach((version, i) => check(row, version, {}, cells[i] as Cell));
      for (const g of row.gates ?? []) check(row, g.version, g.gates, g.expect);
    });
  }
});

/** EXPECTED.md (tricky/03, 04, 10) lists init `restartPolicy: Never`/`OnFailure` as errors: true up to 1.34; warnings from 1.35. */
describe('version matrix on the corpus: init restartPolicy Never/OnFailure', () => {
  const cases = [
    { file: 'tricky/03-flow-style.yaml', line: 4, character: 216, note: 'T03-b Never' },
    { file: 'tricky/04-crlf.yaml', line: 24, character: 25, note: 'T04-a OnFailure' },
    { file: 'tricky/10-cronjob-nested.yaml', line: 33, character: 29, note: 'T10-a OnFailure' },
  ];
  for (const c of cases) {
    for (const [version, expect] of [['1.28', '-'], ['1.29', 'E'], ['1.34', 'E'], ['1.35', 'W'], ['1.36', 'W']] as const) {
      it(`${c.file} ${c.note} on ${version}: ${expect}`, () => {
        const text = readFileSync(join(FIXTURES, 'corpus', c.file), 'utf8');
        const found = run(text, version, {}).filter((d) => d.code === 'init-restart-policy-unsupported' && d.range.start.line === c.line && d.range.start.character === c.character);
        if (expect === '-') assert.equal(found.length, 0);
        else {
          assert.equal(found.length, 1);
          assert.equal(SEVERITY[found[0]?.severity ?? 1], expect);
          assert.ok(found[0]?.message.includes('before 1.35'), found[0]?.message);
        }
      });
    }
  }
});
