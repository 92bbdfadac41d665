import { podSpecMisplacedField } from '../../../server/src/rules/pod-spec-misplaced-field';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(podSpecMisplacedField, {
  valid: [
    {
      name: 'fields in the pod template of a Deployment',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  template:
    spec:
      initContainers: [{name: setup, image: busybox:1.36}]
      containers: [{name: app, image: nginx:1.27}]
      volumes: [{name: data, emptyDir: {}}]
`,
    },
    {
      name: 'a custom resource may have containers anywhere',
      yaml: `apiVersion: acid.zalan.do/v1
kind: postgresql
metadata: {name: db}
spec:
  initContainers: [{name: setup, image: busybox:1.36}]
`,
    },
  ],
  invalid: [
    {
      name: 'initContainers directly under a Deployment spec, containers under template',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  ⟦initContainers⟧:
  - name: setup
    image: busybox:1.36
  template:
    ⟦volumes⟧: []
    spec:
      containers: [{name: app, image: nginx:1.27}]
`,
      errors: [
        { messageId: 'misplaced', messageIncludes: ['a Deployment\'s `spec`', '`spec.template.spec.initContainers`', 'unknown field "spec.initContainers"'] },
        { messageId: 'misplaced', messageIncludes: '`spec.template`' },
      ],
    },
    {
      name: 'a CronJob with containers in the job spec',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: report}
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      ⟦containers⟧: [{name: main, image: ghcr.io/acme/report:1.0.0}]
      template:
        spec:
          restartPolicy: Never
          containers: [{name: main, image: ghcr.io/acme/report:1.0.0}]
`,
      errors: [{ messageId: 'misplaced', messageIncludes: 'spec.jobTemplate.spec.template.spec.containers' }],
    },
    {
      name: 'a Pod with initContainers at the top level',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
⟦initContainers⟧: [{name: setup, image: busybox:1.36}]
spec:
  containers: [{name: app, image: nginx:1.27}]
`,
      errors: [{ messageId: 'misplaced', messageIncludes: 'the top level of a Pod' }],
    },
  ],
});
