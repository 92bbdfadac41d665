import { containerNameDuplicate } from '../../../server/src/rules/container-name-duplicate';
import { runFixTests } from '../../helpers/fixTester';

runFixTests(containerNameDuplicate, [
  {
    name: 'init container named like the app container (Pod)',
    yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: app
    image: busybox:1.36
    command: ["true"]
  containers:
  - name: ⟦app⟧
    image: nginx:1.27
`,
    fixes: [
      {
        title: 'Rename init container `app` to `init-app`',
        preferred: true,
        output: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: init-app
    image: busybox:1.36
    command: ["true"]
  containers:
  - name: app
    image: nginx:1.27
`,
      },
      {
        title: 'Rename container `app` to `app-2`',
        preferred: false,
        output: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: app
    image: busybox:1.36
    command: ["true"]
  containers:
  - name: app-2
    image: nginx:1.27
`,
      },
    ],
  },
  {
    name: 'two app containers, quoted name, the next free suffix (Deployment)',
    yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: "web"
        image: nginx:1.27
      - name: web-2
        image: nginx:1.27
      - name: ⟦"web"⟧
        image: nginx:1.27
`,
    fixes: [{ title: 'to `web-3`', output: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: "web"
        image: nginx:1.27
      - name: web-2
        image: nginx:1.27
      - name: "web-3"
        image: nginx:1.27
` }],
  },
  {
    name: 'JSON document (Job)',
    yaml: `{"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "json-job"}, "spec": {"template": {"spec": {"restartPolicy": "Never", "initContainers": [{"name": "dup", "image": "busybox:1.36"}], "containers": [{"name": ⟦"dup"⟧, "image": "busybox:1.36"}]}}}}
`,
    fixes: [
      { title: 'Rename init container `dup` to `init-dup`', output: `{"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "json-job"}, "spec": {"template": {"spec": {"restartPolicy": "Never", "initContainers": [{"name": "init-dup", "image": "busybox:1.36"}], "containers": [{"name": "dup", "image": "busybox:1.36"}]}}}}
` },
      { title: 'Rename container `dup` to `dup-2`', output: `{"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "json-job"}, "spec": {"template": {"spec": {"restartPolicy": "Never", "initContainers": [{"name": "dup", "image": "busybox:1.36"}], "containers": [{"name": "dup-2", "image": "busybox:1.36"}]}}}}
` },
    ],
  },
]);
