import { initEmptydirNotConsumed } from '../../../server/src/rules/init-emptydir-not-consumed';
import { runRuleTests } from '../../helpers/ruleTester';

runRuleTests(initEmptydirNotConsumed, {
  valid: [
    {
      name: 'catalogue passing example: the app mounts the rendered config',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  volumes: [{name: conf, emptyDir: {}}]
  initContainers: [{name: render, image: "hairyhenderson/gomplate:v4.1.0", volumeMounts: [{name: conf, mountPath: /out}]}]
  containers: [{name: app, image: "nginx:1.27", volumeMounts: [{name: conf, mountPath: /etc/nginx/conf.d}]}]
`,
    },
    {
      name: 'a sidecar consumes the volume',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      initContainers:
      - name: fetch-config
        image: curlimages/curl:8.10.1
        command: ["curl", "-fsSo", "/conf/fluent-bit.conf", "http://config/fluent-bit.conf"]
        volumeMounts: [{name: conf, mountPath: /conf}]
      - name: log-shipper
        image: fluent/fluent-bit:3.1.9
        restartPolicy: Always
        volumeMounts: [{name: conf, mountPath: /fluent-bit/etc}]
      containers:
      - name: app
        image: nginx:1.27
      volumes:
      - name: conf
        emptyDir: {}
`,
    },
    {
      name: 'linkerd-init: iptables lock directory at /run (scratch by design)',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: emoji}
spec:
  selector: {matchLabels: {app: emoji}}
  template:
    metadata: {labels: {app: emoji}}
    spec:
      initContainers:
      - name: linkerd-init
        image: cr.l5d.io/linkerd/proxy-init:v2.4.1
        args: ["--incoming-proxy-port", "4143"]
        securityContext: {readOnlyRootFilesystem: true, capabilities: {add: [NET_ADMIN, NET_RAW]}}
        volumeMounts:
        - mountPath: /run
          name: linkerd-proxy-init-xtables-lock
      containers:
      - name: emoji-svc
        image: buoyantio/emojivoto-emoji-svc:v11
      volumes:
      - emptyDir: {}
        name: linkerd-proxy-init-xtables-lock
`,
    },
    {
      name: 'hand-off between two init containers',
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: import}
spec:
  template:
    spec:
      restartPolicy: OnFailure
      initContainers:
      - {name: download, image: "curlimages/curl:8.10.1", command: ["curl", "-fsSo", "/work/dump.tgz", "https://example.com/dump.tgz"], volumeMounts: [{name: work, mountPath: /work}]}
      - {name: extract, image: "busybox:1.36", command: ["tar", "-xzf", "/work/dump.tgz", "-C", "/data"], volumeMounts: [{name: work, mountPath: /work}, {name: data, mountPath: /data}]}
      containers:
      - {name: import, image: "ghcr.io/acme/import:1.0.0", volumeMounts: [{name: data, mountPath: /data}]}
      volumes:
      - {name: work, emptyDir: {}}
      - {name: data, emptyDir: {}}
`,
    },
    {
      name: 'not an emptyDir, or mounted read-only, or unused',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: check
    image: busybox:1.36
    command: ["sh", "-c", "test -s /cfg/app.conf && test -d /seed"]
    volumeMounts:
    - {name: cfg, mountPath: /cfg}
    - {name: seed, mountPath: /seed, readOnly: true}
    - {name: data, mountPath: /data}
  containers:
  - name: app
    image: nginx:1.27
  volumes:
  - {name: cfg, configMap: {name: app-config}}
  - {name: seed, emptyDir: {}}
  - {name: data, persistentVolumeClaim: {claimName: data}}
  - {name: spare, emptyDir: {}}
`,
    },
  ],
  invalid: [
    {
      name: 'catalogue failing example (warning, at the volume name)',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  volumes: [{name: ⟦conf⟧, emptyDir: {}}]
  initContainers: [{name: render, image: "hairyhenderson/gomplate:v4.1.0", volumeMounts: [{name: conf, mountPath: /out}]}]
  containers: [{name: app, image: "nginx:1.27"}]
`,
      errors: [{ messageId: 'notConsumed', severity: 'warning', messageIncludes: ['emptyDir `conf`', 'init container 1 of 1 `render` (at `/out`)'] }],
    },
    {
      name: 'Deployment: a read-only root filesystem makes it information (maybe scratch or for added containers)',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: repo-server}
spec:
  selector: {matchLabels: {app: repo-server}}
  template:
    metadata: {labels: {app: repo-server}}
    spec:
      initContainers:
      - name: copyutil
        image: quay.io/argoproj/argocd:v2.13.1
        command: [sh, -c]
        args: ["/bin/cp /usr/local/bin/argocd /var/run/argocd/argocd"]
        securityContext: {readOnlyRootFilesystem: true, allowPrivilegeEscalation: false}
        volumeMounts:
        - mountPath: /var/run/argocd
          name: var-files
      containers:
      - name: repo-server
        image: quay.io/argoproj/argocd:v2.13.1
      volumes:
      - emptyDir: {}
        name: ⟦var-files⟧
`,
      errors: [{ messageId: 'possiblyScratch', severity: 'information', messageIncludes: ['emptyDir `var-files`', 'containers added later'] }],
    },
    {
      name: 'CronJob: the download lands where nobody reads it',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: report}
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          initContainers:
          - name: fetch-input
            image: curlimages/curl:8.10.1
            command: ["curl", "-fsSo", "/in/data.csv", "http://api/export.csv"]
            volumeMounts: [{name: in, mountPath: /in}]
          containers:
          - name: report
            image: ghcr.io/acme/report:1.0.0
            args: ["--input", "/data/data.csv"]
          volumes:
          - name: ⟦in⟧
            emptyDir: {}
`,
      errors: [{ messageId: 'notConsumed', messageIncludes: 'init container 1 of 1 `fetch-input`' }],
    },
  ],
});
