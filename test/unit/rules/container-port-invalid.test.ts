import { containerPortInvalid } from '../../../server/src/rules/container-port-invalid';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(containerPortInvalid, {
  valid: [
    {
      name: 'named ports, unique per container (the same name in two containers is fine)',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: proxy
    image: envoyproxy/envoy:v1.31.0
    restartPolicy: Always
    ports: [{name: http, containerPort: 15001}, {name: admin, containerPort: 15000, protocol: TCP}]
  containers:
  - name: app
    image: nginx:1.27
    ports: [{name: http, containerPort: 80}, {name: dns-udp, containerPort: 5353, protocol: UDP}, {name: sctp1, containerPort: 9999, protocol: SCTP}]
`,
    },
    {
      name: 'protocol empty or null is defaulted to TCP; hostPort 0 means none',
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
        ports:
        - {containerPort: 80, protocol: "", hostPort: 0}
        - {containerPort: 81, protocol: ~}
        - {containerPort: 65535, name: a-b-c}
`,
    },
    {
      name: 'a non-integer containerPort is left to the schema checks',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - {name: app, image: nginx:1.27, ports: [{containerPort: "8080"}]}
`,
    },
  ],
  invalid: [
    {
      name: 'duplicate port name inside an init container',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: fetch
    image: curlimages/curl:8.10.1
    command: ["curl", "-fsS", "http://config/"]
    ports:
    - name: http
      containerPort: 8080
    - name: ⟦http⟧
      containerPort: 8081
  containers: [{name: app, image: nginx:1.27}]
`,
      errors: [{ messageId: 'nameDuplicate', severity: 'error', messageIncludes: ['init container 1 of 1 `fetch`', '`spec.initContainers[0].ports[1].name: Duplicate value: "http"`'] }],
    },
    {
      name: 'invalid port names: too long, uppercase, digits only',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers:
      - name: proxy
        image: envoyproxy/envoy:v1.31.0
        restartPolicy: Always
        ports: [{name: ⟦envoy-admin-interface⟧, containerPort: 15000}]
      containers:
      - name: app
        image: nginx:1.27
        ports: [{name: ⟦HTTP⟧, containerPort: 80}, {name: ⟦"8080"⟧, containerPort: 8080}]
`,
      errors: [
        { messageId: 'nameInvalid', messageIncludes: ['sidecar `proxy`', 'Invalid value: "envoy-admin-interface": must be no more than 15 characters'] },
        { messageId: 'nameInvalid', messageIncludes: ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'must contain at least one letter (a-z)'] },
        { messageId: 'nameInvalid', messageIncludes: 'must contain at least one letter (a-z)' },
      ],
    },
    {
      name: 'containerPort missing, zero or out of range; hostPort out of range',
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: migrate}
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - name: migrate
        image: ghcr.io/acme/migrate:3.2.0
        ports:
        - ⟦name⟧: metrics
        - containerPort: ⟦0⟧
        - containerPort: ⟦70000⟧
          hostPort: ⟦-1⟧
      containers: [{name: main, image: ghcr.io/acme/batch:1.0.0}]
`,
      errors: [
        { messageId: 'containerPortRequired', messageIncludes: '`spec.template.spec.initContainers[0].ports[0].containerPort: Required value`' },
        { messageId: 'containerPortRequired', messageIncludes: '0 means' },
        { messageId: 'portOutOfRange', messageIncludes: '`spec.template.spec.initContainers[0].ports[2].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive`' },
        { messageId: 'portOutOfRange', messageIncludes: 'hostPort: Invalid value: -1' },
      ],
    },
    {
      name: 'lowercase protocol in a CronJob',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: report}
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - {name: main, image: "ghcr.io/acme/report:1.0.0", ports: [{containerPort: 514, protocol: ⟦udp⟧}]}
`,
      errors: [{ messageId: 'protocolUnsupported', messageIncludes: '`spec.jobTemplate.spec.template.spec.containers[0].ports[0].protocol: Unsupported value: "udp": supported values: "SCTP", "TCP", "UDP"`' }],
    },
  ],
});
