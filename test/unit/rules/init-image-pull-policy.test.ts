import { initImagePullPolicy } from '../../../server/src/rules/init-image-pull-policy';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(initImagePullPolicy, {
  valid: [
    {
      name: 'Always written, or defaulted for latest and untagged',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: a, image: busybox:1.36.1, imagePullPolicy: Always}
  - {name: b, image: busybox}
  - {name: c, image: "busybox:latest"}
  containers:
  - name: app
    image: ghcr.io/acme/app:3.2.0
`,
    },
    {
      name: 'a value outside the enum is pod-spec-schema\'s finding (no duplicate)',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers:
      - {name: bootstrap, image: ghcr.io/acme/bootstrap:1.2.0, imagePullPolicy: Sometimes}
      containers:
      - {name: app, image: ghcr.io/acme/app:3.2.0}
`,
    },
  ],
  invalid: [
    {
      name: 'defaulted IfNotPresent and written Never',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: a, image: ⟦busybox:1.36.1⟧}
  - {name: b, image: busybox:1.36.1, imagePullPolicy: ⟦Never⟧}
  containers:
  - name: app
    image: ghcr.io/acme/app:3.2.0
`,
      errors: [
        { messageId: 'notAlways', severity: 'information', messageIncludes: 'the default for a tagged image' },
        { messageId: 'notAlways', messageIncludes: '`Never`' },
      ],
    },
    {
      name: 'Deployment',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers:
      - {name: migrate, image: ghcr.io/acme/migrate:3.2.0, imagePullPolicy: ⟦IfNotPresent⟧}
      containers:
      - name: app
        image: ghcr.io/acme/app:3.2.0
`,
      errors: [
        { messageId: 'notAlways' },
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
          - {name: fetch, image: ⟦curlimages/curl:8.10.1⟧}
          containers:
          - {name: main, image: ghcr.io/acme/report:1.0.0}
`,
      errors: [
        { messageId: 'notAlways' },
      ],
    },
  ],
});
