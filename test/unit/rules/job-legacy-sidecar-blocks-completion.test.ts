import { jobLegacySidecarBlocksCompletion } from '../../../server/src/rules/job-legacy-sidecar-blocks-completion';
import { runRuleTests } from '../../helpers/ruleTester';

const job = (containers: string, extra = ''): string => `apiVersion: batch/v1
kind: Job
metadata: {name: pi}
spec:${extra}
  template:
    spec:
      restartPolicy: Never
      containers:
${containers}
`;

const main = '      - name: main\n        image: ghcr.io/acme/batch:1.0.0';

runRuleTests(jobLegacySidecarBlocksCompletion, {
  valid: [
    {
      name: 'native sidecar (the fix)',
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: export}
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - name: cloud-sql-proxy
        image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.0
        args: ["acme:eu:db"]
        restartPolicy: Always
      containers:
      - name: main
        image: ghcr.io/acme/batch:1.0.0
`,
    },
    {
      name: 'kubernetes website job-sidecar: native logshipper with tail -F',
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: myjob}
spec:
  template:
    spec:
      containers:
        - name: myjob
          image: alpine:latest
          command: ['sh', '-c', 'echo "logging" > /opt/logs.txt']
      initContainers:
        - name: logshipper
          image: alpine:latest
          restartPolicy: Always
          command: ['sh', '-c', 'tail -F /opt/logs.txt']
      restartPolicy: Never
`,
    },
    { name: 'a single container', yaml: job('      - name: proxy\n        image: envoyproxy/envoy:v1.31.0') },
    { name: 'two finishing containers', yaml: job(`${main}\n      - name: upload\n        image: amazon/aws-cli:2.17.0\n        command: ["aws", "s3", "cp", "/out", "s3://acme/out", "--recursive"]`) },
    { name: 'the main container stops the proxy (/quitquitquit)', yaml: job(`      - name: main\n        image: ghcr.io/acme/batch:1.0.0\n        command: ["sh", "-c", "/app/run; curl -fsS -X POST http://localhost:15020/quitquitquit"]\n      - name: istio-proxy\n        image: docker.io/istio/proxyv2:1.23.2\n        args: ["proxy", "sidecar"]`) },
    { name: 'Istio proxy told to exit on zero connections', yaml: job(`${main}\n      - name: istio-proxy\n        image: docker.io/istio/proxyv2:1.23.2\n        args: ["proxy", "sidecar"]\n        env:\n        - {name: EXIT_ON_ZERO_ACTIVE_CONNECTIONS, value: "true"}`) },
    { name: 'a legacy sidecar that watches for a done-file exits by itself', yaml: job(`${main}\n      - name: shipper\n        image: busybox:1.36\n        command: ["sh", "-c", "while [ ! -f /shared/done ]; do sleep 1; done"]`) },
    {
      name: 'a Deployment may keep running',
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
        image: ghcr.io/acme/web:1.0.0
      - name: envoy
        image: envoyproxy/envoy:v1.31.0
`,
    },
    { name: 'istio-init style args are not the proxy', yaml: job(`${main}\n      - name: iptables\n        image: docker.io/istio/proxyv2:1.23.2\n        args: ["istio-iptables", "-p", "15001"]`) },
  ],
  invalid: [
    {
      name: 'Job: Cloud SQL Auth Proxy as a regular container',
      yaml: job(`${main}\n      - name: ⟦cloud-sql-proxy⟧\n        image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.0\n        args: ["acme:eu:db"]`),
      errors: [{ messageId: 'blocksCompletion', severity: 'warning', messageIncludes: ['Container `cloud-sql-proxy`', 'Cloud SQL Auth Proxy', 'container `main`', 'The Job'] }],
    },
    {
      name: 'injected istio-proxy (old istio) in a Job, fields in another order',
      yaml: job(`      - command: [perl, -Mbignum=bpi, -wle, print bpi(2000)]\n        image: perl\n        name: pi\n      - args: [proxy, sidecar, --domain, $(POD_NAMESPACE).svc.cluster.local]\n        image: registry.istio.io/testing/proxyv2:latest\n        name: ⟦istio-proxy⟧`),
      errors: [{ messageId: 'blocksCompletion', messageIncludes: 'Istio proxy' }],
    },
    {
      name: 'CronJob with concurrencyPolicy Forbid and a fluent-bit log forwarder',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly-report}
spec:
  schedule: "0 3 * * *"
  concurrencyPolicy: Forbid
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: report
              image: registry.example.com/report:3.2.0
            - name: ⟦log-forwarder⟧
              image: fluent/fluent-bit:3.1.9
              args: ["-i", "tail", "-p", "path=/in/*.log", "-o", "stdout"]
`,
      errors: [{ messageId: 'blocksCompletion', messageIncludes: ['Fluent Bit', 'concurrencyPolicy: Forbid'] }],
    },
    {
      name: 'bare Pod with restartPolicy Never and a tail -f helper',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: once}
spec:
  restartPolicy: Never
  containers:
  - name: main
    image: busybox:1.36
    command: ["sh", "-c", "echo done > /logs/out.txt"]
  - name: ⟦shipper⟧
    image: busybox:1.36
    command: ["sh", "-c", "tail -f /logs/out.txt"]
`,
      errors: [{ messageId: 'blocksCompletion', messageIncludes: ['`tail -f /logs/out.txt`', 'restartPolicy: Never'] }],
    },
    {
      name: 'Kubernetes 1.27: no native sidecars, other advice',
      settings: { kubernetesVersion: '1.27' },
      yaml: job(`${main}\n      - name: ⟦envoy⟧\n        image: envoyproxy/envoy:v1.31.0\n        args: ["-c", "/etc/envoy/envoy.yaml"]`),
      errors: [{ messageId: 'blocksCompletionLegacy', messageIncludes: 'Kubernetes 1.27 has no native sidecars' }],
    },
  ],
});
