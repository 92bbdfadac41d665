import { containerImageRequired } from '../../../server/src/rules/container-image-required';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(containerImageRequired, {
  valid: [
    {
      name: 'every container has an image',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers: [{name: init, image: busybox:1.36, command: ["true"]}]
  containers: [{name: app, image: nginx:1.27}]
`,
    },
    {
      name: 'whitespace in a template image is accepted by the API server',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers: [{name: init, image: " busybox:1.36", command: ["true"]}]
      containers: [{name: app, image: nginx:1.27}]
`,
    },
  ],
  invalid: [
    {
      name: 'catalogue example: init container without image (reported at its name)',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers: [{name: ⟦init⟧, command: ["true"]}]
  containers: [{name: app, image: nginx:1.27}]
`,
      errors: [{ messageId: 'missing', severity: 'error', messageIncludes: ['Init container 1 of 1 `init`', 'spec.initContainers[0].image: Required value'] }],
    },
    {
      name: 'empty image and an image key without value, Deployment',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers:
      - name: migrate
        image: ⟦""⟧
      containers:
      - name: app
        ⟦image⟧:
`,
      errors: [
        { messageId: 'empty', messageIncludes: 'spec.template.spec.initContainers[0].image: Required value' },
        { messageId: 'missing', messageIncludes: 'spec.template.spec.containers[0].image' },
      ],
    },
    {
      name: 'sidecar without image in a Job, no name either: reported at its first key',
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: once}
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - ⟦restartPolicy⟧: Always
        args: ["--port=5432"]
      containers: [{name: main, image: "ghcr.io/acme/batch:1.0.0"}]
`,
      errors: [{ messageId: 'missing', messageIncludes: 'sidecar' }],
    },
    {
      name: 'leading whitespace in a bare Pod',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers: [{name: init, image: ⟦" busybox:1.36"⟧, command: ["true"]}]
  containers: [{name: app, image: nginx:1.27}]
`,
      errors: [{ messageId: 'whitespace', messageIncludes: ['Use "busybox:1.36"', 'Invalid value: " busybox:1.36": must not have leading or trailing whitespace'] }],
    },
  ],
});
