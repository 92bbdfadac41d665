import type { Expected, RuleExpectations } from './expectations';

/** Lines of the 75 generated Deployments' `until nc -z db 5432` init command (tricky/14), column 10. */
const BIG_FILE_WAIT_LINES = [
  22, 110, 167, 237, 294, 364, 439, 509, 566, 636, 693, 781, 838, 911, 968, 1038, 1113, 1183, 1240, 1310, 1367, 1455, 1512, 1582, 1639,
  1709, 1784, 1854, 1911, 1981, 2038, 2126, 2183, 2253, 2310, 2380, 2455, 2525, 2582, 2652, 2709, 2797, 2854, 2924, 2981, 3051, 3126, 3196,
  3253, 3323, 3380, 3468, 3525, 3595, 3652, 3722, 3797, 3867, 3924, 3994, 4051, 4139, 4196, 4266, 4323, 4393, 4468, 4538, 4595, 4665, 4722,
  4810, 4867, 4937, 4994,
];
const BIG_FILE_WAITS: Expected[] = BIG_FILE_WAIT_LINES.map((line) => ({ file: 'tricky/14-big-multidoc-5000-lines.yaml', rule: 'init-wait-loop-unbounded', line, character: 10, note: 'generated Deployment: until nc -z db 5432' }));

/**
 * W items of the corpus (runtime hazards), and the NOT items the runtime rules must keep silent on.
 * Items marked "not in EXPECTED.md" are informational findings the catalogue's trigger gives; they are
 * listed so that the rules can be `exact`.
 */
export const RUNTIME_EXPECTATIONS: RuleExpectations = {
  expected: [
    // W01 job-legacy-sidecar-blocks-completion (at the regular container's name)
    { file: 'real/032-istio-istio-job-old-version.injected.yaml', rule: 'job-legacy-sidecar-blocks-completion', line: 100, character: 14, note: 'istio-proxy as a regular container of a Job' },
    { file: 'tricky/10-cronjob-nested.yaml', rule: 'job-legacy-sidecar-blocks-completion', line: 42, character: 20, note: 'T10-b fluent-bit log-forwarder' },
    // W03 init-wait-loop-unbounded (at the `command` key; 054 at the name: git-sync never exits)
    { file: 'tricky/01-multidoc-comments.yaml', rule: 'init-wait-loop-unbounded', line: 54, character: 10, note: 'T01-b until nslookup db' },
    { file: 'tricky/03-flow-style.yaml', rule: 'init-wait-loop-unbounded', line: 4, character: 59, note: 'T03-d until nslookup' },
    { file: 'tricky/06-emoji-astral.yaml', rule: 'init-wait-loop-unbounded', line: 9, character: 42, note: 'T06-d until nc' },
    { file: 'tricky/10-cronjob-nested.yaml', rule: 'init-wait-loop-unbounded', line: 22, character: 14, note: 'T10-c until curl' },
    { file: 'real/034-Azure-Samples-aks-store-demo-aks-store-quickstart.yaml', rule: 'init-wait-loop-unbounded', line: 138, character: 10, note: 'until nc -zv rabbitmq' },
    { file: 'real/036-longhorn-longhorn-longhorn.yaml', rule: 'init-wait-loop-unbounded', line: 5750, character: 10, note: 'while [ $(curl -m 1 …) != "200" ]' },
    { file: 'real/054-bridgecrewio-checkov-Deployment2-FAILED.yaml', rule: 'init-wait-loop-unbounded', line: 17, character: 14, note: 'git-sync without --one-time never exits (messageId neverExits)' },
    ...BIG_FILE_WAITS,
    // W04 init-migration-concurrent-replicas (at the init container's name)
    { file: 'tricky/04-crlf.yaml', rule: 'init-migration-concurrent-replicas', line: 15, character: 16, note: 'T04-c migrate/migrate in a StatefulSet with 3 replicas (OrderedReady: messageId serial)' },
    // W05 init-requests-dominate-effective
    { file: 'tricky/15-resource-quantities.yaml', rule: 'init-requests-dominate-effective', line: 36, character: 12, note: 'T15-c heavy-init: 350m/384Mi -> 4/8Gi' },
    // W09 init-emptydir-not-consumed
    { file: 'tricky/15-resource-quantities.yaml', rule: 'init-emptydir-not-consumed', line: 61, character: 16, note: 'T15-e scratch' },
    { file: 'real/054-bridgecrewio-checkov-Deployment2-FAILED.yaml', rule: 'init-emptydir-not-consumed', line: 32, character: 14, note: 'markdown' },
    { file: 'real/054-bridgecrewio-checkov-Deployment2-FAILED.yaml', rule: 'init-emptydir-not-consumed', line: 34, character: 14, note: 'test' },
    { file: 'real/020-argoproj-argo-cd-argocd-repo-server-deployment.yaml', rule: 'init-emptydir-not-consumed', line: 412, character: 16, note: 'var-files: information only (read-only root fs)', severity: 'information' },
    // W15 init-failure-fails-pod (information; not in EXPECTED.md)
    { file: 'real/004-kubernetes-website-indexed-job.yaml', rule: 'init-failure-fails-pod', line: 14, character: 23, note: 'Job, restartPolicy Never, init `input`' },
    { file: 'real/032-istio-istio-job-old-version.injected.yaml', rule: 'init-failure-fails-pod', line: 197, character: 21, note: 'Job, restartPolicy Never, istio-init' },
    { file: 'real/042-rook-rook-toolbox-job.yaml', rule: 'init-failure-fails-pod', line: 69, character: 21, note: 'Job, restartPolicy Never, config-init' },
    { file: 'tricky/03-flow-style.yaml', rule: 'init-failure-fails-pod', line: 6, character: 124, note: 'JSON Job, restartPolicy Never' },
  ],
  notExpected: [
    { file: 'real/002-kubernetes-website-job-sidecar.yaml', rule: 'job-legacy-sidecar-blocks-completion', note: 'the sidecar is native' },
    { file: 'real/014-istio-istio-cronjob.injected.yaml', rule: 'job-legacy-sidecar-blocks-completion', note: 'istio-proxy is native here' },
    { file: 'tricky/14-big-multidoc-5000-lines.yaml', rule: 'job-legacy-sidecar-blocks-completion', note: 'Jobs use a native envoy sidecar' },
    { file: 'real/008-kubernetes-website-mysql-statefulset.yaml', rule: 'init-wait-loop-unbounded', note: 'clone-mysql ncat --recv-only is not a wait loop' },
    { file: 'real/030-GoogleCloudPlatform-kubernetes-engine-samples-mysql-statefulset.yaml', rule: 'init-wait-loop-unbounded', note: 'clone-mysql ncat --recv-only is not a wait loop' },
    { file: 'real/006-kubernetes-website-startup-coordination.yaml', rule: 'init-wait-loop-unbounded', note: 'the endless loop is in a sidecar' },
    { file: 'real/014-istio-istio-cronjob.injected.yaml', rule: 'init-wait-loop-unbounded', note: 'istio-init runs istio-iptables, not the proxy' },
    { file: 'real/024-linkerd-linkerd2-inject_emojivoto_deployment.golden.yaml', rule: 'init-wait-loop-unbounded', note: 'linkerd-init is one-shot' },
    { file: 'real/002-kubernetes-website-job-sidecar.yaml', rule: 'sidecar-one-shot-command', note: 'a sidecar running tail -F' },
    { file: 'real/006-kubernetes-website-startup-coordination.yaml', rule: 'sidecar-one-shot-command', note: 'writes config, then while true; sleep' },
    { file: 'tricky/10-cronjob-nested.yaml', rule: 'sidecar-ordering-dependency', note: 'fetch-input talks to http://api, not to the SQL proxy' },
    { file: 'tricky/10-cronjob-nested.yaml', rule: 'sidecar-no-startup-probe-before-dependent', note: 'cloud-sql-proxy has a startupProbe' },
    { file: 'real/024-linkerd-linkerd2-inject_emojivoto_deployment.golden.yaml', rule: 'sidecar-ordering-dependency', note: 'linkerd-init must precede the proxy' },
    { file: 'real/026-linkerd-linkerd2-inject_emojivoto_list.golden.yaml', rule: 'sidecar-ordering-dependency', note: 'linkerd-init must precede the proxy' },
    { file: 'real/014-istio-istio-cronjob.injected.yaml', rule: 'sidecar-ordering-dependency', note: 'istio-init (iptables) precedes istio-proxy' },
    { file: 'real/016-istio-istio-deploymentconfig-multi.injected.yaml', rule: 'sidecar-ordering-dependency', note: 'istio-init (iptables) precedes istio-proxy' },
    { file: 'real/008-kubernetes-website-mysql-statefulset.yaml', rule: 'init-not-idempotent', note: '>> after > truncated the file' },
    { file: 'real/030-GoogleCloudPlatform-kubernetes-engine-samples-mysql-statefulset.yaml', rule: 'init-not-idempotent', note: '>> after > truncated the file' },
    { file: 'real/020-argoproj-argo-cd-argocd-repo-server-deployment.yaml', rule: 'init-not-idempotent', note: 'cp and ln -sf are idempotent' },
    { file: 'real/008-kubernetes-website-mysql-statefulset.yaml', rule: 'init-migration-concurrent-replicas', note: 'mysql init steps are not migrations' },
    { file: 'real/024-linkerd-linkerd2-inject_emojivoto_deployment.golden.yaml', rule: 'init-emptydir-not-consumed', note: 'xtables-lock emptyDir at /run: scratch by design' },
    { file: 'real/026-linkerd-linkerd2-inject_emojivoto_list.golden.yaml', rule: 'init-emptydir-not-consumed', note: 'xtables-lock emptyDir at /run (both items)' },
    { file: 'real/008-kubernetes-website-mysql-statefulset.yaml', rule: 'init-emptydir-not-consumed', note: 'conf is mounted by both app containers' },
    { file: 'real/030-GoogleCloudPlatform-kubernetes-engine-samples-mysql-statefulset.yaml', rule: 'init-emptydir-not-consumed', note: 'conf is mounted by both app containers' },
    { file: 'real/012-kubernetes-examples-javaweb-2.yaml', rule: 'init-emptydir-not-consumed', note: 'app-volume is mounted by tomcat' },
    { file: 'real/040-sourcegraph-deploy-sourcegraph-pgsql.Deployment.yaml', rule: 'init-emptydir-not-consumed', note: 'dshm is mounted by pgsql' },
    { file: 'real/042-rook-rook-toolbox-job.yaml', rule: 'init-emptydir-not-consumed', note: 'ceph-config is mounted by the script container' },
    { file: 'tricky/10-cronjob-nested.yaml', rule: 'init-emptydir-not-consumed', note: '`in` is shared with report; `scratch` is used by nobody' },
    { file: 'tricky/15-resource-quantities.yaml', rule: 'init-emptydir-not-consumed', line: 59, note: '`index` is mounted read-only by app' },
    { file: 'real/024-linkerd-linkerd2-inject_emojivoto_deployment.golden.yaml', rule: 'sidecar-readiness-gates-pod', note: 'probes on linkerd-proxy (a traffic proxy)' },
    { file: 'real/026-linkerd-linkerd2-inject_emojivoto_list.golden.yaml', rule: 'sidecar-readiness-gates-pod', note: 'probes on linkerd-proxy (a traffic proxy)' },
    { file: 'real/002-kubernetes-website-job-sidecar.yaml', rule: 'native-sidecar-min-version', note: 'native sidecar on the default version' },
    { file: 'tricky/10-cronjob-nested.yaml', rule: 'native-sidecar-min-version', note: 'native sidecar on the default version' },
  ],
  exact: [
    'job-legacy-sidecar-blocks-completion',
    'native-sidecar-min-version',
    'init-wait-loop-unbounded',
    'init-migration-concurrent-replicas',
    'init-requests-dominate-effective',
    'init-breaks-guaranteed-qos',
    'sidecar-ordering-dependency',
    'sidecar-no-startup-probe-before-dependent',
    'init-emptydir-not-consumed',
    'sidecar-port-conflict',
    'service-targets-init-container-port',
    'sidecar-one-shot-command',
    'sidecar-readiness-gates-pod',
    'sidecar-termination-budget',
    'init-failure-fails-pod',
    'pod-failure-policy-matches-sidecar-exit',
    'init-not-idempotent',
    'init-image-change-restarts-pod',
    'limitrange-defaults-apply-to-init',
  ],
};
