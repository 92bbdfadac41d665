import { probeOrHookHandlerInvalid } from '../../../server/src/rules/probe-or-hook-handler-invalid';
import { runFixTests } from '../../helpers/fixTester';

runFixTests(probeOrHookHandlerInvalid, [
  {
    name: 'two handlers on a sidecar startupProbe: the extra one goes',
    yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: proxy
    image: envoyproxy/envoy:v1.31.2
    restartPolicy: Always
    startupProbe:
      exec: {command: ["true"]}
      ⟦tcpSocket⟧: {port: 15001}
      periodSeconds: 1
  containers:
  - name: app
    image: nginx:1.27.2
`,
    fixes: [{ title: 'Remove `tcpSocket` (keep `exec`)', output: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: proxy
    image: envoyproxy/envoy:v1.31.2
    restartPolicy: Always
    startupProbe:
      exec: {command: ["true"]}
      periodSeconds: 1
  containers:
  - name: app
    image: nginx:1.27.2
` }],
  },
]);
