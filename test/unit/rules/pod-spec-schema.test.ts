import { podSpecSchema } from '../../../server/src/rules/pod-spec-schema';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(podSpecSchema, {
  valid: [
    {
      name: 'a sidecar restartPolicy before 1.28 is left to native-sidecar-min-version (no duplicate)',
      settings: { kubernetesVersion: '1.27' },
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: export}
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - {name: cloud-sql-proxy, image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.0, restartPolicy: Always}
      containers: [{name: export, image: ghcr.io/acme/export:1.0.0}]
`,
    },
    {
      name: 'a complete Deployment with a native sidecar, quantities as numbers and strings',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      terminationGracePeriodSeconds: 45
      initContainers:
      - name: proxy
        image: envoyproxy/envoy:v1.31.0
        restartPolicy: Always
        startupProbe: {tcpSocket: {port: 15001}, periodSeconds: 1, failureThreshold: 30}
        resources: {requests: {cpu: 50m, memory: 64Mi}, limits: {memory: 128Mi}}
      containers:
      - name: app
        image: nginx:1.27
        imagePullPolicy: IfNotPresent
        ports: [{containerPort: 8080, name: http, protocol: TCP}]
        resources: {requests: {cpu: 1, memory: 1Gi}}
        env:
        - name: MODE
          value: "prod"
        volumeMounts: [{name: data, mountPath: /data}]
      volumes:
      - name: data
        emptyDir: {}
`,
    },
    {
      name: 'null values are treated as unset, as the API server does',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  containers:
  - name: app
    image: nginx:1.27
    resources:
`,
    },
    {
      name: 'custom resources are not schema-checked',
      yaml: `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: web}
spec:
  template:
    spec:
      containers:
      - name: app
        image: nginx:1.27
        someVendorField: true
`,
    },
    {
      name: 'restartPolicy on an init container is known in 1.28',
      settings: { kubernetesVersion: '1.28' },
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers: [{name: proxy, image: envoyproxy/envoy:v1.31.0, restartPolicy: Always}]
  containers: [{name: app, image: nginx:1.27}]
`,
    },
  ],
  invalid: [
    {
      name: 'typos in a Pod get the closest known name',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  ⟦initContainer⟧:
  - name: setup
    image: busybox:1.36
  containers:
  - name: app
    image: nginx:1.27
    ⟦comand⟧: ["nginx"]
    ⟦restartpolicy⟧: Always
`,
      errors: [
        { messageId: 'unknownFieldSuggestion', messageIncludes: ['`initContainer`', 'did you mean `initContainers`', 'unknown field "spec.initContainer"'] },
        { messageId: 'unknownFieldSuggestion', messageIncludes: ['did you mean `command`', 'container `app`', 'spec.containers[0].comand'] },
        { messageId: 'unknownFieldSuggestion', messageIncludes: 'did you mean `restartPolicy`' },
      ],
    },
    {
      name: 'wrong types and enum values in a Deployment',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      initContainers:
      - name: setup
        image: busybox:1.36
        imagePullPolicy: ⟦Sometimes⟧
        command: ⟦sh -c "true"⟧
      containers:
      - name: app
        image: nginx:1.27
        ports:
        - containerPort: ⟦"8080"⟧
`,
      errors: [
        { messageId: 'invalidValue', messageIncludes: ['init container 1 of 1 `setup`', 'Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"'] },
        { messageId: 'invalidType', messageIncludes: 'must be an array' },
        { messageId: 'invalidType', messageIncludes: ['`ports[0]` of container `app`', 'must be an integer, not the string "8080"'] },
      ],
    },
    {
      name: 'a CronJob pod template without containers and a mount without mountPath',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: report}
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        ⟦spec⟧:
          restartPolicy: Never
          initContainers:
          - name: fetch
            image: curlimages/curl:8.10.1
            volumeMounts:
            - ⟦name⟧: work
          volumes: [{name: work, emptyDir: {}}]
`,
      errors: [
        { messageId: 'missingField', messageIncludes: 'spec.jobTemplate.spec.template.spec.containers: Required value' },
        { messageId: 'missingField', messageIncludes: '`mountPath`' },
      ],
    },
    {
      name: 'a field newer than the selected version',
      settings: { kubernetesVersion: '1.27' },
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: fetch
    image: curlimages/curl:8.10.1
    ⟦restartPolicy⟧: OnFailure
  containers: [{name: app, image: nginx:1.27}]
`,
      errors: [
        {
          messageId: 'fieldTooNew',
          messageIncludes: ['`restartPolicy` in init container 1 of 1 `fetch` is known from Kubernetes 1.28; you selected 1.27', 'unknown field "spec.initContainers[0].restartPolicy"'],
        },
      ],
    },
    {
      name: 'a sidecar restartPolicy before 1.28 is reported by native-sidecar-min-version, unless that rule is off',
      settings: { kubernetesVersion: '1.27', rules: { 'native-sidecar-min-version': 'off' } },
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: proxy
    image: envoyproxy/envoy:v1.31.0
    ⟦restartPolicy⟧: Always
  containers: [{name: app, image: nginx:1.27}]
`,
      errors: [{ messageId: 'fieldTooNew', messageIncludes: '`restartPolicy` in sidecar `proxy` is known from Kubernetes 1.28; you selected 1.27' }],
    },
    {
      name: 'a nested field newer than the selected version names the container',
      settings: { kubernetesVersion: '1.28' },
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: app
    image: nginx:1.27
    lifecycle: {preStop: {⟦sleep⟧: {seconds: 5}}}
`,
      errors: [{ messageId: 'fieldTooNew', messageIncludes: '`sleep` in `lifecycle.preStop` of container `app` is known from Kubernetes 1.29; you selected 1.28' }],
    },
    {
      name: 'a field reached through an alias is reported at the alias',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
x-common: &common
  imagePullPolicy: Sometimes
spec:
  containers:
  - name: app
    image: nginx:1.27
    securityContext: ⟦*common⟧
`,
      errors: [{ messageId: 'unknownField' }],
    },
  ],
});
