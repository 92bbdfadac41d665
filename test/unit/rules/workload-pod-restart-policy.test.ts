import { workloadPodRestartPolicy } from '../../../server/src/rules/workload-pod-restart-policy';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(workloadPodRestartPolicy, {
  valid: [
    {
      name: 'Pod with any policy, Deployment defaulted, Job Never, CronJob OnFailure, Pod activeDeadlineSeconds',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: once}
spec:
  restartPolicy: Never
  activeDeadlineSeconds: 600
  containers: [{name: app, image: busybox:1.36}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: app, image: nginx:1.27}]
---
apiVersion: batch/v1
kind: Job
metadata: {name: batch}
spec:
  template:
    spec:
      restartPolicy: Never
      activeDeadlineSeconds: 3600
      initContainers: [{name: proxy, image: envoyproxy/envoy:v1.31.0, restartPolicy: Always}]
      containers: [{name: main, image: ghcr.io/acme/batch:1.0.0}]
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: report}
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: main, image: "ghcr.io/acme/report:1.0.0"}]
`,
    },
    {
      name: 'custom resources are not checked',
      yaml: `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: web}
spec:
  template:
    spec:
      restartPolicy: Never
      activeDeadlineSeconds: 10
      containers: [{name: app, image: nginx:1.27}]
`,
    },
  ],
  invalid: [
    {
      name: 'Job with restartPolicy Always (trying to make a proxy restart)',
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: batch}
spec:
  template:
    spec:
      restartPolicy: ⟦Always⟧
      containers: [{name: main, image: ghcr.io/acme/batch:1.0.0}]
`,
      errors: [{ messageId: 'jobAlways', severity: 'error', messageIncludes: ['native sidecar', '`spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"`'] }],
    },
    {
      name: 'Job without restartPolicy: the defaulted Always, reported at the pod spec key',
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: batch}
spec:
  template:
    ⟦spec⟧:
      containers: [{name: main, image: ghcr.io/acme/batch:1.0.0}]
`,
      errors: [{ messageId: 'jobDefaulted', messageIncludes: ['defaults it to `Always`', 'spec.template.spec.restartPolicy: Unsupported value: "Always"'] }],
    },
    {
      name: 'CronJob with an empty restartPolicy: reported at the key',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: report}
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          ⟦restartPolicy⟧:
          containers: [{name: main, image: "ghcr.io/acme/report:1.0.0"}]
`,
      errors: [{ messageId: 'jobDefaulted', messageIncludes: 'spec.jobTemplate.spec.template.spec.restartPolicy' }],
    },
    {
      name: 'Deployment with Never and activeDeadlineSeconds',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      restartPolicy: ⟦Never⟧
      ⟦activeDeadlineSeconds⟧: 300
      containers: [{name: app, image: nginx:1.27}]
`,
      errors: [
        { messageId: 'alwaysOnly', messageIncludes: '`spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"`' },
        { messageId: 'activeDeadline', messageIncludes: '`spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported`' },
      ],
    },
    {
      name: 'StatefulSet, DaemonSet and ReplicationController name their own validator',
      yaml: `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      ⟦activeDeadlineSeconds⟧: 10
      restartPolicy: ⟦OnFailure⟧
      containers: [{name: db, image: postgres:16.4}]
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      ⟦activeDeadlineSeconds⟧: 10
      containers: [{name: agent, image: fluent/fluent-bit:3.1.9}]
---
apiVersion: v1
kind: ReplicationController
metadata: {name: legacy}
spec:
  selector: {app: legacy}
  template:
    metadata: {labels: {app: legacy}}
    spec:
      ⟦activeDeadlineSeconds⟧: 10
      containers: [{name: app, image: nginx:1.27}]
`,
      errors: [
        { messageId: 'activeDeadline', messageIncludes: 'activeDeadlineSeconds in StatefulSet is not Supported' },
        { messageId: 'alwaysOnly', messageIncludes: 'A StatefulSet' },
        { messageId: 'activeDeadline', messageIncludes: 'activeDeadlineSeconds in DaemonSet is not Supported' },
        { messageId: 'activeDeadline', messageIncludes: 'activeDeadlineSeconds in ReplicationController is not Supported' },
      ],
    },
    {
      name: 'a value that is no restart policy at all',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  restartPolicy: ⟦always⟧
  containers: [{name: app, image: nginx:1.27}]
---
apiVersion: batch/v1
kind: Job
metadata: {name: batch}
spec:
  template:
    spec:
      restartPolicy: ⟦Sometimes⟧
      containers: [{name: main, image: ghcr.io/acme/batch:1.0.0}]
`,
      errors: [
        { messageId: 'unsupported', messageIncludes: ['use `Always` or `OnFailure` or `Never`', '`spec.restartPolicy: Unsupported value: "always": supported values: "Always", "OnFailure", "Never"`'] },
        { messageId: 'unsupported', messageIncludes: ['a Job accepts', 'supported values: "OnFailure", "Never"'] },
      ],
    },
  ],
});
