import { initPrivilegedSysctlPattern } from '../../../server/src/rules/init-privileged-sysctl-pattern';
import { runRuleTests } from '../../helpers/ruleTester';

const deployment = (init: string, extra = ''): string => `apiVersion: apps/v1
kind: Deployment
metadata: {name: gateway}
spec:
  replicas: 2
  selector: {matchLabels: {app: gateway}}
  template:
    metadata: {labels: {app: gateway}}
    spec:${extra}
      initContainers:
${init}
      containers:
      - name: gateway
        image: envoyproxy/envoy:v1.31.0
`;
const privileged = '\n        securityContext: {privileged: true}';

runRuleTests(initPrivilegedSysctlPattern, {
  valid: [
    {
      name: 'vm.max_map_count is node-level (Elasticsearch pattern)',
      yaml: `apiVersion: v1
kind: ReplicationController
metadata: {name: es}
spec:
  replicas: 1
  template:
    metadata: {labels: {component: elasticsearch}}
    spec:
      initContainers:
      - name: init-sysctl
        image: busybox
        command: ["sysctl", "-w", "vm.max_map_count=262144"]
        securityContext:
          privileged: true
      containers:
      - name: es
        image: quay.io/pires/docker-elasticsearch-kubernetes:5.6.2
`,
    },
    { name: 'kernel.core_pattern is node-level (istio coredump DaemonSet)', yaml: deployment(`      - name: setsysctls\n        image: docker.io/library/alpine\n        command: [sh, -c, "sysctl -w kernel.core_pattern=/var/lib/istio/data/core.proxy && ulimit -c unlimited"]${privileged}`) },
    { name: 'not privileged', yaml: deployment('      - name: tune\n        image: busybox:1.36\n        command: ["sysctl", "-w", "net.core.somaxconn=4096"]') },
    { name: 'hostNetwork pods cannot set net.* per pod', yaml: deployment(`      - name: tune\n        image: busybox:1.36\n        command: ["sysctl", "-w", "net.core.somaxconn=4096"]${privileged}`, '\n      hostNetwork: true') },
    { name: 'the privileged container does more than sysctl', yaml: deployment(`      - name: tune\n        image: busybox:1.36\n        command: ["sh", "-c", "sysctl -w net.core.somaxconn=4096 && chown -R 1000 /data"]${privileged}`) },
    { name: 'a sidecar is not an init step', yaml: deployment(`      - name: tune\n        image: busybox:1.36\n        restartPolicy: Always\n        command: ["sh", "-c", "sysctl -w net.core.somaxconn=4096; sleep infinity"]${privileged}`) },
  ],
  invalid: [
    {
      name: 'Deployment: net sysctls from a privileged init container',
      yaml: deployment(`      - name: tune-net\n        image: busybox:1.36\n        ⟦command⟧: ["sysctl", "-w", "net.core.somaxconn=4096", "net.ipv4.ip_local_port_range=1024 65000"]${privileged}`),
      errors: [{ messageId: 'usePodSysctls', severity: 'information', messageIncludes: ['Init container 1 of 1 `tune-net`', '{name: net.core.somaxconn, value: "4096"}', '`net.core.somaxconn` is not in the "safe" set'] }],
    },
    {
      name: 'Pod: echo into /proc/sys, safe sysctl',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - name: ports
    image: busybox:1.36
    ⟦command⟧: ["sh", "-c", "echo 1024 > /proc/sys/net/ipv4/ip_unprivileged_port_start"]
    securityContext: {privileged: true}
  containers:
  - name: web
    image: nginx:1.27
`,
      errors: [{ messageId: 'usePodSysctls', messageIncludes: ['net.ipv4.ip_unprivileged_port_start', '"safe" sysctls'] }],
    },
    {
      name: 'Kubernetes 1.28: tcp_keepalive_time is not safe yet',
      settings: { kubernetesVersion: '1.28' },
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: batch}
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - {name: keepalive, image: "busybox:1.36", ⟦command⟧: [sysctl, -w, net.ipv4.tcp_keepalive_time=600], securityContext: {privileged: true}}
      containers:
      - {name: main, image: "ghcr.io/acme/batch:1.0.0"}
`,
      errors: [{ messageId: 'usePodSysctls', messageIncludes: '--allowed-unsafe-sysctls' }],
    },
  ],
});
