import assert from 'node:assert/strict';
import { it } from 'node:test';
import { probeOrHookHandlerInvalid, portNameProblem } from '../../../server/src/rules/probe-or-hook-handler-invalid';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(probeOrHookHandlerInvalid, {
  valid: [
    {
      name: 'one handler each; named port; httpGet path is defaulted to /',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: proxy
    image: envoyproxy/envoy:v1.31.0
    restartPolicy: Always
    startupProbe: {tcpSocket: {port: 15001}, periodSeconds: 2, failureThreshold: 30}
    lifecycle: {preStop: {sleep: {seconds: 5}}}
  containers:
  - name: app
    image: nginx:1.27
    ports: [{name: http, containerPort: 80}]
    livenessProbe: {httpGet: {port: http, httpHeaders: [{name: X-Probe, value: "1"}]}}
    readinessProbe: {grpc: {port: 9090}}
    lifecycle: {postStart: {exec: {command: ["sh", "-c", "echo started"]}}}
`,
    },
    {
      name: 'a plain init container is init-probe-forbidden, not this rule',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers: [{name: setup, image: busybox:1.36, startupProbe: {periodSeconds: 2}}]
  containers: [{name: app, image: nginx:1.27}]
`,
    },
  ],
  invalid: [
    {
      name: 'catalogue examples: no handler, two handlers (Pod sidecar)',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: proxy
    image: envoyproxy/envoy:v1.31.0
    restartPolicy: Always
    ⟦startupProbe⟧: {periodSeconds: 2}
    livenessProbe: {exec: {command: [x]}, ⟦tcpSocket⟧: {port: 80}}
  containers: [{name: app, image: nginx:1.27}]
`,
      errors: [
        { messageId: 'noHandler', severity: 'error', messageIncludes: ['The `startupProbe` of sidecar `proxy`', 'spec.initContainers[0].startupProbe: Required value: must specify a handler type'] },
        { messageId: 'extraHandler', messageIncludes: ['`exec` is used', 'spec.initContainers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type'] },
      ],
    },
    {
      name: 'exec without command, bad ports and header (Deployment)',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: app
        image: nginx:1.27
        startupProbe: {⟦exec⟧: {command: []}}
        livenessProbe: {httpGet: {path: /healthz, port: ⟦"8080"⟧, httpHeaders: [{name: ⟦"X Probe"⟧, value: "1"}]}}
        readinessProbe: {tcpSocket: {port: ⟦70000⟧}}
        lifecycle:
          preStop: {httpGet: {path: /drain, port: ⟦Admin_Port⟧}}
`,
      errors: [
        { messageId: 'execCommand', messageIncludes: 'spec.template.spec.containers[0].startupProbe.exec.command: Required value' },
        { messageId: 'portName', messageIncludes: ['a quoted number is read as a port *name*', 'Invalid value: "8080": must contain at least one letter (a-z)'] },
        { messageId: 'headerName', messageIncludes: 'livenessProbe.httpGet.httpHeaders: Invalid value: "X Probe"' },
        { messageId: 'portNumber', messageIncludes: 'readinessProbe.tcpSocket.port: Invalid value: 70000: must be between 1 and 65535, inclusive' },
        { messageId: 'portName', messageIncludes: ['the `preStop` hook', 'lifecycle.preStop.httpGet.port', 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)'] },
      ],
    },
    {
      name: 'hook with no handler and a hook with sleep plus exec (CronJob sidecar)',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: report}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          initContainers:
          - name: log-shipper
            image: fluent/fluent-bit:3.1.9
            restartPolicy: Always
            lifecycle:
              ⟦postStart⟧: {}
              preStop: {exec: {command: ["sh", "-c", "sleep 5"]}, ⟦sleep⟧: {seconds: 5}}
          containers: [{name: report, image: "registry.example.com/report:3.2.0"}]
`,
      errors: [
        { messageId: 'noHandler', messageIncludes: ['The `postStart` hook of sidecar `log-shipper`', '`exec`, `httpGet`, `sleep`'] },
        { messageId: 'extraHandler', messageIncludes: 'lifecycle.preStop.sleep: Forbidden' },
      ],
    },
  ],
});

it('port names follow IANA_SVC_NAME', () => {
  assert.equal(portNameProblem('http'), undefined);
  assert.equal(portNameProblem('metrics-9090'), undefined);
  assert.equal(portNameProblem('a-very-long-port-name'), 'must be no more than 15 characters');
  assert.equal(portNameProblem('a--b'), 'must not contain consecutive hyphens');
  assert.equal(portNameProblem('-ab'), 'must not begin or end with a hyphen');
  assert.equal(portNameProblem('443'), 'must contain at least one letter (a-z)');
});
