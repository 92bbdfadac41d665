import { hostPortConflict } from '../../../server/src/rules/host-port-conflict';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(hostPortConflict, {
  valid: [
    {
      name: 'different host ports on two app containers',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - {name: a, image: nginx:1.27, ports: [{containerPort: 80, hostPort: 8080}]}
  - {name: b, image: nginx:1.27, ports: [{containerPort: 81, hostPort: 8081}]}
`,
    },
    {
      name: 'same host port, different protocol or hostIP',
      yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: dns}
spec:
  selector: {matchLabels: {app: dns}}
  template:
    metadata: {labels: {app: dns}}
    spec:
      containers:
      - name: udp
        image: coredns/coredns:1.11.3
        ports: [{containerPort: 53, hostPort: 53, protocol: UDP}]
      - name: tcp
        image: coredns/coredns:1.11.3
        ports: [{containerPort: 53, hostPort: 53}]
      - name: other-ip
        image: coredns/coredns:1.11.3
        ports: [{containerPort: 54, hostPort: 53, hostIP: 10.0.0.1}]
`,
    },
    {
      name: 'an init container and an app container share a host port (they never run together)',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: warmup, image: busybox:1.36, command: ["true"], ports: [{containerPort: 80, hostPort: 8080}]}
  containers:
  - {name: app, image: nginx:1.27, ports: [{containerPort: 80, hostPort: 8080}]}
`,
    },
    {
      name: 'a sidecar and an app container share a host port: not an API error (sidecar-port-conflict)',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers:
      - {name: proxy, image: envoyproxy/envoy:v1.31.0, restartPolicy: Always, ports: [{containerPort: 15001, hostPort: 9000}]}
      - {name: other-init, image: busybox:1.36, command: ["true"], ports: [{containerPort: 15002, hostPort: 9000}]}
      containers:
      - {name: app, image: nginx:1.27, ports: [{containerPort: 80, hostPort: 9000}]}
`,
    },
    {
      name: 'hostNetwork in a template from 1.28: hostPort is not defaulted',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      hostNetwork: true
      containers:
      - {name: a, image: nginx:1.27, ports: [{containerPort: 80}]}
      - {name: b, image: nginx:1.27, ports: [{containerPort: 80}]}
`,
    },
    {
      name: 'containerPort only, no hostPort',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - {name: a, image: nginx:1.27, ports: [{containerPort: 80}]}
  - {name: b, image: nginx:1.27, ports: [{containerPort: 80}]}
`,
    },
  ],
  invalid: [
    {
      name: 'two app containers of a Pod bind the same host port',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: a
    image: nginx:1.27
    ports:
    - containerPort: 80
      hostPort: 8080
  - name: b
    image: nginx:1.27
    ports:
    - containerPort: 81
      hostPort: ⟦8080⟧
`,
      errors: [{ messageId: 'appDuplicate', severity: 'error', messageIncludes: ['container `b`', 'container `a`', '`spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"`'] }],
    },
    {
      name: 'Deployment: protocol defaulted to TCP matches an explicit TCP',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - {name: a, image: nginx:1.27, ports: [{containerPort: 80, hostPort: 8080, protocol: TCP}]}
      - {name: b, image: nginx:1.27, ports: [{containerPort: 81, hostPort: ⟦8080⟧}]}
`,
      errors: [{ messageId: 'appDuplicate', messageIncludes: 'spec.template.spec.containers[1].ports[0].hostPort' }],
    },
    {
      name: 'one init container binds a host port twice; the API path says [0]',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: report}
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          initContainers:
          - {name: first, image: busybox:1.36, command: ["true"]}
          - name: probe-host
            image: busybox:1.36
            command: ["true"]
            ports:
            - {containerPort: 8080, hostPort: 8080, hostIP: 127.0.0.1}
            - {containerPort: 8081, hostPort: ⟦8080⟧, hostIP: 127.0.0.1}
          containers: [{name: main, image: "ghcr.io/acme/report:1.0.0"}]
`,
      errors: [
        {
          messageId: 'initDuplicate',
          messageIncludes: ['init container 2 of 2 `probe-host`', '`spec.jobTemplate.spec.template.spec.initContainers[0].ports[1].hostPort: Duplicate value: "TCP/127.0.0.1/8080"`'],
        },
      ],
    },
    {
      name: 'a sidecar binds a host port twice',
      yaml: `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      initContainers:
      - name: exporter
        image: prom/node-exporter:v1.8.2
        restartPolicy: Always
        ports: [{containerPort: 9100, hostPort: 9100, protocol: UDP}, {containerPort: 9101, hostPort: ⟦9100⟧, protocol: UDP}]
      containers: [{name: db, image: postgres:16.4}]
`,
      errors: [{ messageId: 'initDuplicate', messageIncludes: ['sidecar `exporter`', '"UDP//9100"'] }],
    },
    {
      name: 'bare Pod with hostNetwork: hostPort defaults to containerPort',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: agent}
spec:
  hostNetwork: true
  containers:
  - {name: a, image: nginx:1.27, ports: [{containerPort: 9090}]}
  - {name: b, image: nginx:1.27, ports: [{containerPort: ⟦9090⟧}]}
`,
      errors: [{ messageId: 'appDuplicate', messageIncludes: ['`hostNetwork: true`', '"TCP//9090"'] }],
    },
    {
      name: 'template with hostNetwork on Kubernetes 1.27: defaulted too',
      settings: { kubernetesVersion: '1.27' },
      yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      hostNetwork: true
      containers:
      - {name: a, image: nginx:1.27, ports: [{containerPort: 9090}]}
      - {name: b, image: nginx:1.27, ports: [{containerPort: ⟦9090⟧}]}
`,
      errors: [{ messageId: 'appDuplicate' }],
    },
  ],
});
