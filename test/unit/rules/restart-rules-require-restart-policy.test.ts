import { restartRulesRequireRestartPolicy } from '../../../server/src/rules/restart-rules-require-restart-policy';
import { runRuleTests } from '../../helpers/ruleTester';

const trainer = (policyLine: string, marker = true): string => `apiVersion: v1
kind: Pod
metadata: {name: train}
spec:
  restartPolicy: Never
  containers:
  - name: trainer
    image: ghcr.io/acme/trainer:1.4.2
${policyLine}    ${marker ? '⟦restartPolicyRules⟧' : 'restartPolicyRules'}:
    - action: Restart
      exitCodes: {operator: In, values: [42]}
`;

runRuleTests(restartRulesRequireRestartPolicy, {
  valid: [
    { name: 'container restartPolicy written', yaml: trainer('    restartPolicy: Never\n', false) },
    { name: 'Kubernetes 1.34 (gate off): the rules are dropped instead', settings: { kubernetesVersion: '1.34' }, yaml: trainer('', false) },
    { name: 'gate explicitly off on 1.36', settings: { featureGates: { ContainerRestartRules: false } }, yaml: trainer('', false) },
    {
      name: 'empty rule list',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: train}
spec:
  containers:
  - {name: trainer, image: "ghcr.io/acme/trainer:1.4.2", restartPolicyRules: []}
`,
    },
  ],
  invalid: [
    {
      name: 'Pod on 1.36',
      yaml: trainer(''),
      errors: [
        {
          messageId: 'required',
          severity: 'error',
          messageIncludes: ['Container `trainer`', '(`Never`)', 'Rejected by Kubernetes 1.35 and later', 'spec.containers[0].restartPolicy: Required value: must specify restartPolicy when restart rules are used'],
        },
      ],
    },
    {
      name: 'Kubernetes 1.34 with the gate on',
      settings: { kubernetesVersion: '1.34', featureGates: { ContainerRestartRules: true } },
      yaml: trainer(''),
      errors: [{ messageId: 'required' }],
    },
    {
      name: 'init container of a Job',
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: prepare}
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - name: fetch
        image: curlimages/curl:8.10.1
        ⟦restartPolicyRules⟧: [{action: Restart, exitCodes: {operator: In, values: [75]}}]
      containers: [{name: main, image: "ghcr.io/acme/batch:1.0.0"}]
`,
      errors: [{ messageId: 'required', messageIncludes: ['Init container 1 of 1 `fetch`', 'spec.template.spec.initContainers[0].restartPolicy'] }],
    },
    {
      name: 'Deployment',
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
        ⟦restartPolicyRules⟧:
        - {action: Restart, exitCodes: {operator: NotIn, values: [1]}}
`,
      errors: [{ messageId: 'required', messageIncludes: '(`Always`)' }],
    },
  ],
});
