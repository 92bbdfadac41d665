import { containerNameInvalid, suggestName } from '../../../server/src/rules/container-name-invalid';
import { runRuleTests } from '../../helpers/ruleTester';
import assert from 'node:assert/strict';
import { it } from 'node:test';

runRuleTests(containerNameInvalid, {
  valid: [
    {
      name: 'DNS-1123 labels everywhere',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers: [{name: init-db, image: busybox:1.36}, {name: 0-warmup, image: busybox:1.36}]
  containers: [{name: app, image: nginx:1.27}]
`,
    },
  ],
  invalid: [
    {
      name: 'a Deployment container without a name (reported at its image) and a CronJob sidecar without name or image',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers:
      - ⟦restartPolicy⟧: Always
        args: ["--port=5432"]
      containers: [{image: ⟦nginx:1.27⟧}]
`,
      errors: [
        { messageId: 'missing', messageIncludes: ['Sidecar has no `name`', 'spec.template.spec.initContainers[0].name: Required value'] },
        { messageId: 'missing', messageIncludes: ['Container has no `name`', 'spec.template.spec.containers[0].name: Required value'] },
      ],
    },
    {
      name: 'catalogue example: Init_DB in a Pod',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers: [{name: ⟦Init_DB⟧, image: busybox:1.36}]
  containers: [{name: app, image: nginx:1.27}]
`,
      errors: [
        {
          messageId: 'invalid',
          severity: 'error',
          messageIncludes: ['`init-db`', `spec.initContainers[0].name: Invalid value: "Init_DB": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-'`],
        },
      ],
    },
    {
      name: 'empty name and a trailing dash in a Deployment',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers:
      - name: ⟦""⟧
        image: busybox:1.36
      containers:
      - name: ⟦app-⟧
        image: nginx:1.27
`,
      errors: [
        { messageId: 'empty', messageIncludes: 'spec.template.spec.initContainers[0].name: Required value' },
        { messageId: 'invalid', messageIncludes: 'for example `app`' },
      ],
    },
    {
      name: 'too long, in a CronJob sidecar (also reported as not a label when it has capitals)',
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
          initContainers:
          - name: ⟦⟦cloud-sql-proxy-for-the-nightly-report-database-in-the-eu-west-Region⟧⟧
            image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.0
            restartPolicy: Always
          containers: [{name: report, image: "registry.example.com/report:3.2.0"}]
`,
      errors: [
        { messageId: 'tooLong', messageIncludes: ['69 characters', 'must be no more than 63 characters'] },
        { messageId: 'invalid' },
      ],
    },
  ],
});

it('suggests a valid name', () => {
  assert.equal(suggestName('Init_DB'), 'init-db');
  assert.equal(suggestName('--x--'), 'x');
  assert.equal(suggestName('___'), undefined);
});
