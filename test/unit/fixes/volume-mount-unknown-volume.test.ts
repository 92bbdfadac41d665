import { volumeMountUnknownVolume } from '../../../server/src/rules/volume-mount-unknown-volume';
import { runFixTests } from '../../helpers/fixTester';

const POD = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: fetch
    image: curlimages/curl:8.10.1
    command: ["curl", "-fsSLo", "/workdir/index.html", "https://example.com/"]
    volumeMounts:
    - name: ⟦work⟧
      mountPath: /workdir
  containers:
  - name: app
    image: nginx:1.27
    volumeMounts:
    - name: work
      mountPath: /usr/share/nginx/html
`;

runFixTests(volumeMountUnknownVolume, [
  {
    name: 'no volumes at all: creates `volumes:`',
    yaml: POD,
    fixes: [{ title: 'Add an `emptyDir` volume `work`', preferred: true, output: `${POD.replace(/[⟦⟧]/g, '')}  volumes:\n  - name: work\n    emptyDir: {}\n` }],
  },
  {
    name: 'a misspelt name: change the mount, or add the volume (StatefulSet, indented sequences)',
    yaml: `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      initContainers:
        - name: render
          image: hairyhenderson/gomplate:v4.1.0
          volumeMounts:
            - {name: ⟦confg⟧, mountPath: /out}
      containers:
        - name: db
          image: postgres:16.4
          volumeMounts:
            - {name: config, mountPath: /etc/db}
      volumes:
        - name: config
          emptyDir: {}
`,
    fixes: [
      { title: 'Change the mount to the volume `config`', preferred: true, output: `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      initContainers:
        - name: render
          image: hairyhenderson/gomplate:v4.1.0
          volumeMounts:
            - {name: config, mountPath: /out}
      containers:
        - name: db
          image: postgres:16.4
          volumeMounts:
            - {name: config, mountPath: /etc/db}
      volumes:
        - name: config
          emptyDir: {}
` },
      { title: 'Add an `emptyDir` volume `confg`', preferred: false, output: `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      initContainers:
        - name: render
          image: hairyhenderson/gomplate:v4.1.0
          volumeMounts:
            - {name: confg, mountPath: /out}
      containers:
        - name: db
          image: postgres:16.4
          volumeMounts:
            - {name: config, mountPath: /etc/db}
      volumes:
        - name: config
          emptyDir: {}
        - name: confg
          emptyDir: {}
` },
    ],
  },
  {
    name: 'flow pod spec',
    yaml: `apiVersion: v1
kind: Pod
metadata: {name: flow-pod}
spec: {initContainers: [{name: init-b, image: "busybox:1.36", command: ["true"]}], containers: [{name: app, image: "nginx:1.27", volumeMounts: [{name: ⟦data⟧, mountPath: /data}]}], volumes: [{name: cfg, emptyDir: {}}]}
`,
    fixes: [{ title: 'Add an `emptyDir` volume `data`', output: `apiVersion: v1
kind: Pod
metadata: {name: flow-pod}
spec: {initContainers: [{name: init-b, image: "busybox:1.36", command: ["true"]}], containers: [{name: app, image: "nginx:1.27", volumeMounts: [{name: data, mountPath: /data}]}], volumes: [{name: cfg, emptyDir: {}}, {name: data, emptyDir: {}}]}
` }],
  },
]);
