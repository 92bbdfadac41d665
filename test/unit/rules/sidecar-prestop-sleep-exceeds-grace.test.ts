import { sidecarPrestopSleepExceedsGrace } from '../../../server/src/rules/sidecar-prestop-sleep-exceeds-grace';
import { runRuleTests } from '../../helpers/ruleTester';

const sidecar = (grace: string, seconds: string): string => `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
${grace}  initContainers:
  - name: log-shipper
    image: fluent/fluent-bit:3.1.9
    restartPolicy: Always
    lifecycle: {preStop: {sleep: {seconds: ${seconds}}}}
  containers: [{name: app, image: nginx:1.27}]
`;

runRuleTests(sidecarPrestopSleepExceedsGrace, {
  valid: [
    { name: 'catalogue passing example: 10s within the default 30s', yaml: sidecar('', '10') },
    { name: 'equal to the grace period', yaml: sidecar('  terminationGracePeriodSeconds: 45\n', '45') },
    { name: 'zero sleep is accepted from 1.33', settings: { kubernetesVersion: '1.33' }, yaml: sidecar('', '0') },
    { name: 'Kubernetes 1.28 has no sleep action (schema check instead)', settings: { kubernetesVersion: '1.28' }, yaml: sidecar('', '60') },
    {
      name: 'sleep that is not the handler the API keeps is another rule',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers: [{name: app, image: nginx:1.27, lifecycle: {preStop: {exec: {command: ["true"]}, sleep: {seconds: 90}}}}]
`,
    },
  ],
  invalid: [
    {
      name: 'catalogue example: 60s sleep, grace 30 (Pod sidecar)',
      yaml: sidecar('  terminationGracePeriodSeconds: 30\n', '⟦60⟧'),
      errors: [
        {
          messageId: 'exceedsGrace',
          severity: 'error',
          messageIncludes: ['the `preStop` hook of sidecar `log-shipper`', 'spec.initContainers[0].lifecycle.preStop.sleep: Invalid value: 60: must be non-negative and less than terminationGracePeriodSeconds (30)'],
        },
      ],
    },
    {
      name: 'default grace period, Kubernetes 1.31 wording',
      settings: { kubernetesVersion: '1.31' },
      yaml: sidecar('', '⟦45⟧'),
      errors: [{ messageId: 'exceedsGrace', messageIncludes: ['(the default, as `terminationGracePeriodSeconds` is not set)', 'Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.'] }],
    },
    {
      name: 'zero sleep on 1.32',
      settings: { kubernetesVersion: '1.32' },
      yaml: sidecar('', '⟦0⟧'),
      errors: [{ messageId: 'notPositive', messageIncludes: 'does not accept a zero sleep' }],
    },
    {
      name: 'app container postStart in a Deployment, negative',
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
        lifecycle:
          postStart:
            sleep: {seconds: ⟦-1⟧}
`,
      errors: [{ messageId: 'notPositive', messageIncludes: ['a sleep cannot be negative', 'spec.template.spec.containers[0].lifecycle.postStart.sleep'] }],
    },
    {
      name: 'CronJob with a short grace period',
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
          terminationGracePeriodSeconds: 5
          initContainers:
          - {name: proxy, image: "envoyproxy/envoy:v1.31.0", restartPolicy: Always, lifecycle: {preStop: {sleep: {seconds: ⟦10⟧}}}}
          containers: [{name: report, image: "registry.example.com/report:3.2.0"}]
`,
      errors: [{ messageId: 'exceedsGrace', messageIncludes: 'terminationGracePeriodSeconds (5)' }],
    },
  ],
});
