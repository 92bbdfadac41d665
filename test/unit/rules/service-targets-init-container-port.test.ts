import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getLanguageService } from '../../../server/src/service/index';
import { serviceTargetsInitContainerPort } from '../../../server/src/rules/service-targets-init-container-port';
import { runRuleTests } from '../../helpers/ruleTester';

const DEPLOYMENT_WITH_SIDECAR_PORT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web, tier: front}}
    spec:
      initContainers:
      - name: envoy
        image: envoyproxy/envoy:v1.31.0
        restartPolicy: Always
        ports: [{name: https, containerPort: 8443}]
      containers:
      - name: app
        image: ghcr.io/acme/web:2.0.0
        ports: [{name: http, containerPort: 8080}]
`;

const SERVICE = (targetPort: string, marked = false): string => `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports:
  - name: https
    port: 443
    targetPort: ${marked ? `⟦${targetPort}⟧` : targetPort}
`;

runRuleTests(serviceTargetsInitContainerPort, {
  valid: [
    { name: 'named port on the app container', yaml: `${SERVICE('http')}---\n${DEPLOYMENT_WITH_SIDECAR_PORT}` },
    { name: 'named port on a sidecar from 1.32 on', yaml: `${SERVICE('https')}---\n${DEPLOYMENT_WITH_SIDECAR_PORT}`, settings: { kubernetesVersion: '1.32' } },
    { name: 'numeric targetPort', yaml: `${SERVICE('8443')}---\n${DEPLOYMENT_WITH_SIDECAR_PORT}`, settings: { kubernetesVersion: '1.30' } },
    { name: 'the selected workload is not in the file: silent', yaml: SERVICE('https'), settings: { kubernetesVersion: '1.30' } },
    {
      name: 'the workload is in another namespace',
      settings: { kubernetesVersion: '1.30' },
      yaml: `${SERVICE('https')}---\n${DEPLOYMENT_WITH_SIDECAR_PORT.replace('namespace: shop', 'namespace: billing')}`,
    },
    {
      name: 'the selector does not match the template labels',
      settings: { kubernetesVersion: '1.30' },
      yaml: `${SERVICE('https').replace('{app: web}', '{app: web, tier: back}')}---\n${DEPLOYMENT_WITH_SIDECAR_PORT}`,
    },
  ],
  invalid: [
    {
      name: 'named port declared on a sidecar before 1.32',
      settings: { kubernetesVersion: '1.31' },
      yaml: `${SERVICE('https', true)}---\n${DEPLOYMENT_WITH_SIDECAR_PORT}`,
      errors: [{ messageId: 'sidecarBefore132', severity: 'warning', messageIncludes: ['Deployment `web` declares only on sidecar `envoy`', 'kubernetes#127958', 'on 1.31'] }],
    },
    {
      name: 'bare Pod: the named port is on a regular init container (any version)',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: api
  labels: {app: api}
spec:
  initContainers:
  - name: bootstrap
    image: ghcr.io/acme/bootstrap:1.0.0
    ports: [{name: admin, containerPort: 9000}]
  containers:
  - name: api
    image: ghcr.io/acme/api:1.0.0
    ports: [{name: http, containerPort: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: api-admin}
spec:
  selector: {app: api}
  ports:
  - {port: 9000, targetPort: ⟦admin⟧}
  - {port: 80, targetPort: http}
`,
      errors: [{ messageId: 'initContainer', messageIncludes: ['Service port `9000` targets the named port `admin`', 'Pod `api` declares only on init container 1 of 1 `bootstrap`'] }],
    },
    {
      name: 'Service and StatefulSet in one List',
      yaml: `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Service
  metadata: {name: db}
  spec:
    selector: {app: db}
    ports: [{name: metrics, port: 9187, targetPort: ⟦metrics⟧}]
- apiVersion: apps/v1
  kind: StatefulSet
  metadata: {name: db}
  spec:
    serviceName: db
    selector: {matchLabels: {app: db}}
    template:
      metadata: {labels: {app: db}}
      spec:
        initContainers:
        - name: init-metrics
          image: quay.io/prometheuscommunity/postgres-exporter:v0.15.0
          ports: [{name: metrics, containerPort: 9187}]
        containers:
        - name: postgres
          image: postgres:16.4
          ports: [{name: pg, containerPort: 5432}]
`,
      errors: [{ messageId: 'initContainer', messageIncludes: 'StatefulSet `db`' }],
    },
  ],
});

describe('service-targets-init-container-port across open documents', () => {
  it('reads the workload from another open document, and is silent without it', () => {
    const service = getLanguageService({ rules: [serviceTargetsInitContainerPort] });
    const settings = service.settings({ kubernetesVersion: '1.31' });
    const workload = service.parse(DEPLOYMENT_WITH_SIDECAR_PORT);
    const objects = workload.manifest.documents.flatMap((d) => d.objects);
    const file = service.parse(SERVICE('https'));
    assert.deepEqual(service.doValidation('file:///svc.yaml', file, settings).map((d) => d.code), []);
    const found = service.doValidation('file:///svc.yaml', file, settings, objects);
    assert.deepEqual(found.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['service-targets-init-container-port', 8, 16]]);
  });
});
