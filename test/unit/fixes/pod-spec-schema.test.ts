import { podSpecSchema } from '../../../server/src/rules/pod-spec-schema';
import { runFixTests } from '../../helpers/fixTester';

const POD = (field: string): string => `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: migrate
    image: ghcr.io/acme/migrate:3.2.0
    ${field}
    command: ["./migrate", "up"]
  containers:
  - name: app
    image: nginx:1.27
`;

runFixTests(podSpecSchema, [
  {
    name: 'a misspelt field: the suggestion, or remove it',
    yaml: POD('⟦comand⟧: ["true"]').replace('    command: ["./migrate", "up"]\n', ''),
    fixes: [
      { title: 'Change `comand` to `command`', preferred: true, output: POD('command: ["true"]').replace('    command: ["./migrate", "up"]\n', '') },
      { title: 'Remove the unknown field `comand`', preferred: false, output: POD('').replace('    \n', '').replace('    command: ["./migrate", "up"]\n', '') },
    ],
  },
  {
    name: 'the suggestion exists already: only removal',
    yaml: POD('⟦comand⟧: ["true"]'),
    fixes: [{ title: 'Remove the unknown field `comand`', preferred: true, output: POD('').replace('    \n', '') }],
  },
  {
    name: 'a value outside the enum (flow, Deployment)',
    yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers: [{name: setup, image: "busybox:1.36", imagePullPolicy: ⟦"IfNotPresnt"⟧, command: ["true"]}]
      containers: [{name: app, image: "nginx:1.27"}]
`,
    fixes: [{ title: 'Change to `IfNotPresent`', output: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers: [{name: setup, image: "busybox:1.36", imagePullPolicy: "IfNotPresent", command: ["true"]}]
      containers: [{name: app, image: "nginx:1.27"}]
` }],
  },
]);
