import { initImageNotDigest } from '../../../server/src/rules/init-image-not-digest';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(initImageNotDigest, {
  valid: [
    {
      name: 'digest-pinned init container, untagged image left to the tag rule, app container not checked',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: a, image: "busybox:1.36.1@sha256:6d9ac9237a84afe1516540f40a0fafdc86859b2141954b4d643af7066d598b74"}
  - {name: b, image: busybox}
  containers:
  - {name: app, image: nginx:1.27}
`,
    },
    {
      name: 'a branch-like tag is init-image-tag-unpinned\'s finding (no duplicate)',
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: toolbox}
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - {name: config-init, image: docker.io/rook/ceph:master}
      - {name: wait, image: "docker.io/longhornio/longhorn-manager:master-head"}
      containers:
      - {name: script, image: docker.io/rook/ceph:v1.15.3}
`,
    },
  ],
  invalid: [
    {
      name: 'tag only, Pod and sidecar',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: setup, image: ⟦busybox:1.36.1⟧}
  - {name: proxy, image: ⟦envoyproxy/envoy:v1.31.0⟧, restartPolicy: Always}
  containers:
  - name: app
    image: ghcr.io/acme/app:3.2.0
`,
      errors: [
        { messageId: 'noDigest', severity: 'information', messageIncludes: 'init container 1 of 2 `setup`' },
        { messageId: 'noDigest' },
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
      - {name: migrate, image: ⟦ghcr.io/acme/migrate:3.2.0⟧}
      containers:
      - name: app
        image: ghcr.io/acme/app:3.2.0
`,
      errors: [
        { messageId: 'noDigest' },
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
        { messageId: 'noDigest' },
      ],
    },
  ],
});
