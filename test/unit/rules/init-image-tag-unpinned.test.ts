import { initImageTagUnpinned } from '../../../server/src/rules/init-image-tag-unpinned';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(initImageTagUnpinned, {
  valid: [
    {
      name: 'pinned tags and digests',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: a, image: busybox:1.36.1}
  - {name: b, image: "registry.local:5000/team/tool@sha256:6d9ac9237a84afe1516540f40a0fafdc86859b2141954b4d643af7066d598b74"}
  containers:
  - name: app
    image: ghcr.io/acme/app:3.2.0
`,
    },
    {
      name: 'a registry port is not a tag',
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
      - {name: a, image: "registry.local:5000/team/tool:2.1.0"}
      containers:
      - name: app
        image: ghcr.io/acme/app:3.2.0
`,
    },
    {
      name: 'templated image strings are left alone',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: a, image: "$(IMAGE)"}
  containers:
  - name: app
    image: ghcr.io/acme/app:3.2.0
`,
    },
  ],
  invalid: [
    {
      name: 'untagged and latest in a Pod, all container kinds',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: wait
    image: ⟦busybox⟧
  - name: proxy
    image: ⟦envoyproxy/envoy:latest⟧
    restartPolicy: Always
  containers:
  - name: app
    image: ⟦"ghcr.io/acme/app"⟧
`,
      errors: [
        { messageId: 'noTag', severity: 'warning', messageIncludes: ['`busybox`', 'init container 1 of 2 `wait`'] },
        { messageId: 'latest', messageIncludes: 'sidecar `proxy`' },
        { messageId: 'noTag', messageIncludes: 'container `app`' },
      ],
    },
    {
      name: 'a branch-like tag in a Deployment is information',
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
      - name: manager
        image: ⟦longhornio/longhorn-manager:master-head⟧
      containers:
      - name: app
        image: ghcr.io/acme/app:3.2.0
`,
      errors: [
        { messageId: 'mutable', severity: 'information', messageIncludes: '`master-head`' },
      ],
    },
    {
      name: 'CronJob init container',
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
          - {name: fetch, image: ⟦curlimages/curl⟧}
          containers:
          - {name: main, image: ghcr.io/acme/report:1.0.0}
`,
      errors: [
        { messageId: 'noTag' },
      ],
    },
  ],
});
