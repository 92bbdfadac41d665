import { podLevelRequestsBelowAggregate } from '../../../server/src/rules/pod-level-requests-below-aggregate';
import { runRuleTests } from '../../helpers/ruleTester';

/** Worked example 2 of the catalogue (§3.4, without overhead): aggregate cpu request 1100m. */
const example = (cpu: string): string => `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  resources: {requests: {cpu: ${cpu}, memory: 2Gi}}
  initContainers:
  - {name: istio-proxy, image: istio/proxyv2:1.23.2, restartPolicy: Always, resources: {requests: {cpu: 100m}}}
  - {name: db-migrate, image: ghcr.io/acme/migrate:3.2.0, resources: {requests: {cpu: "1"}}}
  containers:
  - {name: app, image: ghcr.io/acme/app:3.2.0, resources: {requests: {cpu: 500m}}}
`;

runRuleTests(podLevelRequestsBelowAggregate, {
  valid: [
    { name: 'pod-level request equal to the aggregate (1100m)', yaml: example('1100m') },
    { name: 'pod-level request above the aggregate', yaml: example('"2"') },
    { name: 'Kubernetes 1.33: gate off by default, spec.resources is dropped', settings: { kubernetesVersion: '1.33' }, yaml: example('"1"') },
    { name: 'gate turned off on 1.35', settings: { kubernetesVersion: '1.35', featureGates: { PodLevelResources: false } }, yaml: example('"1"') },
    {
      name: 'only pod-level limits (requests are defaulted, never below)',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      resources: {limits: {cpu: "4", memory: 4Gi}}
      containers: [{name: app, image: nginx:1.27, resources: {requests: {cpu: "1", memory: 1Gi}}}]
`,
    },
  ],
  invalid: [
    {
      name: 'catalogue example: the init peak (db-migrate while istio-proxy runs) is 1100m',
      yaml: example('⟦"1"⟧'),
      errors: [
        {
          messageId: 'below',
          severity: 'error',
          messageIncludes: [
            'init container 2 of 2 `db-migrate`',
            'plus the sidecar started before it',
            'only 600m afterwards',
            'Rejected by Kubernetes 1.34 and later',
            '`spec.resources.requests[cpu]: Invalid value: "1": must be greater than or equal to aggregate container requests of 1100m`',
          ],
        },
      ],
    },
    {
      name: 'Kubernetes 1.32 with the alpha gate on',
      settings: { kubernetesVersion: '1.32', featureGates: { PodLevelResources: true } },
      yaml: example('⟦900m⟧'),
      errors: [{ messageId: 'below', messageIncludes: ['1.32 because the PodLevelResources gate is on', 'Invalid value: "900m"'] }],
    },
    {
      name: 'Deployment: app containers and sidecar sum, memory defaulted from limits',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      resources:
        requests:
          memory: ⟦1Gi⟧
      initContainers:
      - {name: proxy, image: envoyproxy/envoy:v1.31.0, restartPolicy: Always, resources: {limits: {memory: 256Mi}}}
      containers:
      - {name: app, image: nginx:1.27, resources: {requests: {memory: 1Gi}}}
`,
      errors: [{ messageId: 'below', messageIncludes: ['the sum of the app containers and sidecars', 'spec.template.spec.resources.requests[memory]: Invalid value: "1Gi"', 'aggregate container requests of 1280Mi'] }],
    },
    {
      name: 'CronJob: a regular init container dominates',
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
          resources: {requests: {cpu: ⟦0.5⟧}}
          initContainers: [{name: warm-cache, image: "ghcr.io/acme/warm:1.0.0", resources: {requests: {cpu: "2"}}}]
          containers: [{name: main, image: "ghcr.io/acme/report:1.0.0", resources: {requests: {cpu: 250m}}}]
`,
      errors: [{ messageId: 'below', messageIncludes: ['init container 1 of 1 `warm-cache`', 'Invalid value: "500m"', 'aggregate container requests of 2'] }],
    },
  ],
});
