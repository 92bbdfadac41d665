import { restartRulesInvalid } from '../../../server/src/rules/restart-rules-invalid';
import { runRuleTests } from '../../helpers/ruleTester';

const values = (n: number): string => Array.from({ length: n }, (_, i) => i + 1).join(', ');

runRuleTests(restartRulesInvalid, {
  valid: [
    {
      name: 'valid rules on 1.36',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: train}
spec:
  restartPolicy: Never
  containers:
  - name: trainer
    image: ghcr.io/acme/trainer:1.4.2
    restartPolicy: Never
    restartPolicyRules:
    - action: Restart
      exitCodes: {operator: In, values: [42]}
    - action: Restart
      exitCodes: {operator: NotIn, values: [0, 1]}
`,
    },
    {
      name: 'Kubernetes 1.33 does not know the field (schema check instead)',
      settings: { kubernetesVersion: '1.33' },
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: train}
spec:
  containers:
  - {name: trainer, image: "ghcr.io/acme/trainer:1.4.2", restartPolicy: Never, restartPolicyRules: [{action: Restart, exitCodes: {operator: In, values: [42]}}]}
`,
    },
    {
      name: 'RestartAllContainers with its feature gate on',
      settings: { kubernetesVersion: '1.35', featureGates: { RestartAllContainersOnContainerExits: true } },
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: train}
spec:
  containers:
  - {name: trainer, image: "ghcr.io/acme/trainer:1.4.2", restartPolicy: Never, restartPolicyRules: [{action: RestartAllContainers, exitCodes: {operator: In, values: [88]}}]}
`,
    },
  ],
  invalid: [
    {
      name: 'catalogue example: operator Equals, Pod',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: train}
spec:
  restartPolicy: Never
  containers:
  - name: trainer
    image: ghcr.io/acme/trainer:1.4.2
    restartPolicy: Never
    restartPolicyRules:
    - action: Restart
      exitCodes: {operator: ⟦Equals⟧, values: [42]}
`,
      errors: [
        {
          messageId: 'operator',
          severity: 'error',
          messageIncludes: ['Rejected by Kubernetes 1.35 and later', 'spec.containers[0].restartPolicyRules[0].exitCodes.operator: Unsupported value: "Equals": supported values: "In", "NotIn"'],
        },
      ],
    },
    {
      name: 'unknown action and a rule without exitCodes, Deployment',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: worker}
spec:
  selector: {matchLabels: {app: worker}}
  template:
    metadata: {labels: {app: worker}}
    spec:
      containers:
      - name: worker
        image: ghcr.io/acme/worker:2.0.0
        restartPolicy: OnFailure
        restartPolicyRules:
        - {action: ⟦Ignore⟧, exitCodes: {operator: In, values: [3]}}
        - {⟦action⟧: Restart}
`,
      errors: [
        { messageId: 'action', messageIncludes: 'Unsupported value: "Ignore": supported values: "Restart"' },
        { messageId: 'exitCodesRequired', messageIncludes: 'spec.template.spec.containers[0].restartPolicyRules[1].exitCodes: Required value' },
      ],
    },
    {
      name: 'RestartAllContainers without its gate',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: train}
spec:
  containers:
  - {name: trainer, image: "ghcr.io/acme/trainer:1.4.2", restartPolicy: Never, restartPolicyRules: [{action: ⟦RestartAllContainers⟧, exitCodes: {operator: In, values: [88]}}]}
`,
      errors: [{ messageId: 'action', messageIncludes: 'RestartAllContainersOnContainerExits' }],
    },
    {
      name: 'too many rules and too many exit codes, CronJob',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: train}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: trainer
            image: ghcr.io/acme/trainer:1.4.2
            restartPolicy: Never
            ⟦restartPolicyRules⟧:
${Array.from({ length: 20 }, () => '            - {action: Restart, exitCodes: {operator: In, values: [42]}}\n').join('')}            - {action: Restart, exitCodes: {operator: NotIn, ⟦values⟧: [${values(256)}]}}
`,
      errors: [
        { messageId: 'tooManyRules', messageIncludes: 'Too many: 21: must have at most 20 items' },
        { messageId: 'tooManyValues', messageIncludes: 'restartPolicyRules[20].exitCodes.values: Too many: 256: must have at most 255 items' },
      ],
    },
    {
      name: 'Kubernetes 1.35 wording for too many exit codes',
      settings: { kubernetesVersion: '1.35' },
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: train}
spec:
  containers:
  - {name: trainer, image: "ghcr.io/acme/trainer:1.4.2", restartPolicy: Never, restartPolicyRules: [{action: Restart, exitCodes: {operator: In, ⟦values⟧: [${values(300)}]}}]}
`,
      errors: [{ messageId: 'tooManyValues', messageIncludes: 'Too long: may not be more than 255 bytes' }],
    },
    {
      name: 'ephemeral container',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers: [{name: app, image: nginx:1.27}]
  ephemeralContainers:
  - {name: debugger, image: busybox:1.36, ⟦restartPolicyRules⟧: [{action: Restart, exitCodes: {operator: In, values: [1]}}]}
`,
      errors: [{ messageId: 'ephemeral', messageIncludes: 'Forbidden: cannot be set for an Ephemeral Container' }],
    },
    {
      name: 'dropped on Kubernetes 1.34 (gate off by default)',
      settings: { kubernetesVersion: '1.34' },
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: train}
spec:
  restartPolicy: Never
  containers:
  - name: trainer
    image: ghcr.io/acme/trainer:1.4.2
    restartPolicy: Never
    ⟦restartPolicyRules⟧:
    - {action: Restart, exitCodes: {operator: In, values: [42]}}
`,
      errors: [{ messageId: 'dropped', severity: 'warning', messageIncludes: ['in Kubernetes 1.34', 'silently drops', '`restartPolicy: Never`'] }],
    },
  ],
});
