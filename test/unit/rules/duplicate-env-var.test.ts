import { duplicateEnvVar } from '../../../server/src/rules/duplicate-env-var';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(duplicateEnvVar, {
  valid: [
    {
      name: 'same name in different containers',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: a, image: busybox:1.36.1, env: [{name: MODE, value: a}]}
  containers:
  - {name: app, image: nginx:1.27, env: [{name: MODE, value: b}]}
`,
    },
  ],
  invalid: [
    {
      name: 'Pod init container',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: setup
    image: busybox:1.36.1
    env:
    - {name: SETUP_MODE, value: full}
    - {name: OTHER, value: x}
    - {name: ⟦SETUP_MODE⟧, value: quick}
  containers:
  - name: app
    image: ghcr.io/acme/app:3.2.0
`,
      errors: [
        { messageId: 'duplicate', severity: 'warning', messageIncludes: ['`SETUP_MODE`', 'spec.initContainers[0].env[2]: hides previous definition'] },
      ],
    },
    {
      name: 'Deployment app container',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: app
        image: nginx:1.27
        env:
        - name: A
          value: "1"
        - name: ⟦A⟧
          value: "2"
`,
      errors: [
        { messageId: 'duplicate', messageIncludes: 'container `app`' },
      ],
    },
    {
      name: 'CronJob',
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
          - {name: fetch, image: curlimages/curl:8.10.1, env: [{name: URL, value: a}, {name: ⟦URL⟧, value: b}]}
          containers:
          - {name: main, image: ghcr.io/acme/report:1.0.0}
`,
      errors: [
        { messageId: 'duplicate' },
      ],
    },
  ],
});
