import { sidecarTerminationBudget } from '../../../server/src/rules/sidecar-termination-budget';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(sidecarTerminationBudget, {
  valid: [
    {
      name: 'sidecar with the default grace period and no hooks',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: log-shipper, image: "fluent/fluent-bit:3.1.9", restartPolicy: Always}
  containers:
  - {name: app, image: "nginx:1.27"}
`,
    },
    {
      name: 'app drains for 10s out of 30s: 20s left for sidecars',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers:
      - {name: istio-proxy, image: "istio/proxyv2:1.23.2", restartPolicy: Always}
      containers:
      - name: app
        image: nginx:1.27
        lifecycle: {preStop: {sleep: {seconds: 10}}}
`,
    },
    {
      name: 'a short grace period without sidecars is not this rule',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  terminationGracePeriodSeconds: 2
  initContainers:
  - {name: setup, image: "busybox:1.36", command: ["true"]}
  containers:
  - {name: app, image: "nginx:1.27"}
`,
    },
    {
      name: 'a sidecar preStop sleep longer than the grace period is rejected (E17), not reported here',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  terminationGracePeriodSeconds: 30
  initContainers:
  - {name: log-shipper, image: "fluent/fluent-bit:3.1.9", restartPolicy: Always, lifecycle: {preStop: {sleep: {seconds: 60}}}}
  containers:
  - {name: app, image: "nginx:1.27", lifecycle: {preStop: {sleep: {seconds: 5}}}}
`,
    },
  ],
  invalid: [
    {
      name: 'catalogue example: app preStop sleeps the whole 30s grace period',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  terminationGracePeriodSeconds: ⟦30⟧
  initContainers:
  - {name: log-shipper, image: "fluent/fluent-bit:3.1.9", restartPolicy: Always}
  containers:
  - name: app
    image: nginx:1.27
    lifecycle: {preStop: {sleep: {seconds: 30}}}
`,
      errors: [{ messageId: 'tightBudget', severity: 'information', messageIncludes: ['sidecar `log-shipper`', 'container `app` sleeps 30s', 'about 0s'] }],
    },
    {
      name: 'Deployment: 3s grace period with two sidecars',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      terminationGracePeriodSeconds: ⟦3⟧
      initContainers:
      - {name: istio-proxy, image: "istio/proxyv2:1.23.2", restartPolicy: Always}
      - {name: log-shipper, image: "fluent/fluent-bit:3.1.9", restartPolicy: Always}
      containers:
      - {name: app, image: "ghcr.io/acme/app:1.0.0"}
`,
      errors: [{ messageId: 'tightBudget', messageIncludes: 'sidecar `istio-proxy` and sidecar `log-shipper`' }],
    },
    {
      name: 'Job: exec sleep in the app preStop, default grace period (reported at the sleep)',
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: batch}
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - {name: otel, image: "otel/opentelemetry-collector:0.111.0", restartPolicy: Always}
      containers:
      - name: main
        image: ghcr.io/acme/batch:1.0.0
        lifecycle:
          preStop:
            exec: {command: ["sh", "-c", ⟦"sleep 28; kill -TERM 1"⟧]}
`,
      errors: [{ messageId: 'tightBudget', messageIncludes: 'about 2s' }],
    },
    {
      name: 'sidecar preStop cannot fit after the app drain',
      yaml: `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: kafka}
spec:
  serviceName: kafka
  selector: {matchLabels: {app: kafka}}
  template:
    metadata: {labels: {app: kafka}}
    spec:
      terminationGracePeriodSeconds: 60
      initContainers:
      - name: log-shipper
        image: fluent/fluent-bit:3.1.9
        restartPolicy: Always
        lifecycle: {preStop: {sleep: {seconds: ⟦30⟧}}}
      containers:
      - name: kafka
        image: apache/kafka:3.8.0
        lifecycle: {preStop: {exec: {command: ["/bin/sleep", "40"]}}}
`,
      errors: [{ messageId: 'sidecarPreStop', messageIncludes: ['sidecar `log-shipper` sleeps 30s', 'at most 20s'] }],
    },
  ],
});
