import type { RuleExpectations } from './expectations';

/**
 * W items of the corpus (runtime hazards), and the NOT items the runtime rules must keep silent on.
 * Items marked "not in EXPECTED.md" are informational findings the catalogue's trigger gives; they are
 * listed so that the rules can be `exact`.
 */
export const RUNTIME_EXPECTATIONS: RuleExpectations = {
  expected: [
    // W05 init-requests-dominate-effective
    { file: 'tricky/15-resource-quantities.yaml', rule: 'init-requests-dominate-effective', line: 36, character: 12, note: 'T15-c heavy-init: 350m/384Mi -> 4/8Gi' },
    // W09 init-emptydir-not-consumed
    { file: 'tricky/15-resource-quantities.yaml', rule: 'init-emptydir-not-consumed', line: 61, character: 16, note: 'T15-e scratch' },
    { file: 'real/054-bridgecrewio-checkov-Deployment2-FAILED.yaml', rule: 'init-emptydir-not-consumed', line: 32, character: 14, note: 'markdown' },
    { file: 'real/054-bridgecrewio-checkov-Deployment2-FAILED.yaml', rule: 'init-emptydir-not-consumed', line: 34, character: 14, note: 'test' },
    { file: 'real/020-argoproj-argo-cd-argocd-repo-server-deployment.yaml', rule: 'init-emptydir-not-consumed', line: 412, character: 16, note: 'var-files: information only (read-only root fs)' },
    // W15 init-failure-fails-pod (information; not in EXPECTED.md)
    { file: 'real/004-kubernetes-website-indexed-job.yaml', rule: 'init-failure-fails-pod', line: 14, character: 23, note: 'Job, restartPolicy Never, init `input`' },
    { file: 'real/032-istio-istio-job-old-version.injected.yaml', rule: 'init-failure-fails-pod', line: 197, character: 21, note: 'Job, restartPolicy Never, istio-init' },
    { file: 'real/042-rook-rook-toolbox-job.yaml', rule: 'init-failure-fails-pod', line: 69, character: 21, note: 'Job, restartPolicy Never, config-init' },
    { file: 'tricky/03-flow-style.yaml', rule: 'init-failure-fails-pod', line: 6, character: 124, note: 'JSON Job, restartPolicy Never' },
  ],
  notExpected: [
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
    'native-sidecar-min-version',
    'init-requests-dominate-effective',
    'init-breaks-guaranteed-qos',
    'init-emptydir-not-consumed',
    'sidecar-port-conflict',
    'service-targets-init-container-port',
    'sidecar-readiness-gates-pod',
    'sidecar-termination-budget',
    'init-failure-fails-pod',
    'pod-failure-policy-matches-sidecar-exit',
    'init-image-change-restarts-pod',
    'limitrange-defaults-apply-to-init',
  ],
};
