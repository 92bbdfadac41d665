import { limitrangeDefaultsApplyToInit } from '../../../server/src/rules/limitrange-defaults-apply-to-init';
import { runRuleTests } from '../../helpers/ruleTester';

const LIMIT_RANGE = `apiVersion: v1
kind: LimitRange
metadata: {name: defaults, namespace: team-a}
spec:
  limits:
  - type: Container
    default: {cpu: 500m, memory: 512Mi}
    defaultRequest: {cpu: 250m, memory: 256Mi}
---
`;

runRuleTests(limitrangeDefaultsApplyToInit, {
  valid: [
    {
      name: 'no LimitRange in the file: silent',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: team-a}
spec:
  initContainers: [{name: setup, image: "busybox:1.36"}]
  containers: [{name: app, image: "nginx:1.27"}]
`,
    },
    {
      name: 'init container sets every defaulted resource',
      yaml: `${LIMIT_RANGE}apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: team-a}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers:
      - name: setup
        image: busybox:1.36
        resources: {requests: {cpu: 50m, memory: 32Mi}, limits: {cpu: 100m, memory: 64Mi}}
      containers:
      - {name: app, image: "nginx:1.27"}
`,
    },
    {
      name: 'LimitRange of another namespace',
      yaml: `${LIMIT_RANGE}apiVersion: v1
kind: Pod
metadata: {name: web, namespace: team-b}
spec:
  initContainers: [{name: setup, image: "busybox:1.36"}]
  containers: [{name: app, image: "nginx:1.27"}]
`,
    },
    {
      name: 'Pod-type limits only (no container defaults)',
      yaml: `apiVersion: v1
kind: LimitRange
metadata: {name: pod-max}
spec:
  limits:
  - type: Pod
    max: {cpu: "4", memory: 8Gi}
---
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers: [{name: setup, image: "busybox:1.36"}]
  containers: [{name: app, image: "nginx:1.27"}]
`,
    },
  ],
  invalid: [
    {
      name: 'Deployment: an init container without resources gets the defaults',
      yaml: `${LIMIT_RANGE}apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: team-a}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers:
      - name: ⟦setup⟧
        image: busybox:1.36
        command: ["sh", "-c", "cp /src/app.conf /conf/"]
      containers:
      - name: app
        image: nginx:1.27
        resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 128Mi}}
`,
      errors: [
        {
          messageId: 'defaulted',
          severity: 'information',
          messageIncludes: ['LimitRange `defaults`', 'init container 1 of 1 `setup` requests cpu: 250m, memory: 256Mi; limits cpu: 500m, memory: 512Mi'],
        },
      ],
    },
    {
      name: 'Job: a sidecar with only a memory limit; max implies the default limit, min the default request',
      yaml: `apiVersion: v1
kind: LimitRange
metadata: {name: bounds}
spec:
  limits:
  - type: Container
    max: {cpu: "2"}
    min: {memory: 16Mi}
---
apiVersion: batch/v1
kind: Job
metadata: {name: batch}
spec:
  template:
    spec:
      restartPolicy: OnFailure
      initContainers:
      - name: cloud-sql-proxy
        image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.0
        restartPolicy: Always
        ⟦resources⟧: {limits: {memory: 64Mi}}
      containers:
      - {name: main, image: "ghcr.io/acme/batch:1.0.0"}
`,
      errors: [{ messageId: 'defaulted', messageIncludes: 'sidecar `cloud-sql-proxy` requests cpu: 2; limits cpu: 2' }],
    },
    {
      name: 'CronJob without namespaces (both go to the namespace they are applied to)',
      yaml: `apiVersion: v1
kind: LimitRange
metadata: {name: defaults}
spec:
  limits:
  - {type: Container, defaultRequest: {cpu: 100m}}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 2 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          initContainers: [{name: ⟦restore⟧, image: "ghcr.io/acme/restore:1.4.0"}]
          containers: [{name: report, image: "ghcr.io/acme/report:1.4.0"}]
`,
      errors: [{ messageId: 'defaulted', messageIncludes: 'requests cpu: 100m' }],
    },
  ],
});
