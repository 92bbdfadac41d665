import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LspSession } from '../helpers/lspClient';
import type { PublishedDiagnostics } from '../helpers/lspClient';

const TEST_TIMEOUT = { timeout: 20_000 };
const RULE = 'service-targets-init-container-port';

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: api-admin
spec:
  selector:
    app: api
  ports:
    - port: 9000
      targetPort: admin
`;

const deployment = (portName: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      initContainers:
        - name: bootstrap
          image: ghcr.io/acme/bootstrap:1.0.0
          ports:
            - name: ${portName}
              containerPort: 9000
      containers:
        - name: api
          image: ghcr.io/acme/api:1.0.0
          ports:
            - name: http
              containerPort: 8080
`;

const hasCross = (p: PublishedDiagnostics): boolean => p.diagnostics.some((d) => d.code === RULE);

describe('language server: other open documents are the workspace of cross-object rules', TEST_TIMEOUT, () => {
  it('re-validates an open Service when the Deployment it selects is opened, edited and closed', TEST_TIMEOUT, async () => {
    const session = await LspSession.start();
    try {
      const service = 'file:///work/ws/service.yaml';
      const workload = 'file:///work/ws/deployment.yaml';
      await session.open(service, SERVICE);
      assert.equal(hasCross(await session.diagnostics(service)), false, 'alone, the Service selects nothing');

      let mark = session.published.length;
      await session.open(workload, deployment('admin'));
      const withDeployment = await session.diagnostics(service, () => true, 5000, mark);
      assert.ok(hasCross(withDeployment), 'the Service is re-published once the Deployment is open');
      assert.deepEqual(withDeployment.diagnostics.find((d) => d.code === RULE)?.range.start, { line: 9, character: 18 });

      mark = session.published.length;
      // Rename the init container's port (line 15 `            - name: admin`): the Service no longer hits it.
      await session.change(workload, 2, [{ range: { start: { line: 15, character: 20 }, end: { line: 15, character: 25 } }, text: 'setup' }]);
      assert.equal(hasCross(await session.diagnostics(service, () => true, 5000, mark)), false);

      await session.change(workload, 3, [{ range: { start: { line: 15, character: 20 }, end: { line: 15, character: 25 } }, text: 'admin' }]);
      await session.diagnostics(service, hasCross, 5000, mark);

      mark = session.published.length;
      await session.close(workload);
      assert.equal(hasCross(await session.diagnostics(service, () => true, 5000, mark)), false, 'closing the Deployment removes it from the workspace');
    } finally {
      await session.stop();
    }
  });
});
