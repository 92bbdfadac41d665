import type { RuleExpectations } from './expectations';

/** E items of the corpus (API rejections). */
export const API_EXPECTATIONS: RuleExpectations = {
  expected: [
    { file: 'tricky/01-multidoc-comments.yaml', rule: 'init-probe-forbidden', line: 33, character: 6, note: 'T01-a' },
    { file: 'tricky/03-flow-style.yaml', rule: 'init-probe-forbidden', line: 4, character: 117, note: 'T03-a quoted key' },
    { file: 'tricky/03-flow-style.yaml', rule: 'volume-mount-unknown-volume', line: 4, character: 293, note: 'T03-e' },
    { file: 'tricky/03-flow-style.yaml', rule: 'container-name-duplicate', line: 6, character: 219, note: 'T03-f JSON document' },
    { file: 'tricky/06-emoji-astral.yaml', rule: 'init-probe-forbidden', line: 9, character: 121, note: 'T06-a' },
    { file: 'tricky/06-emoji-astral.yaml', rule: 'volume-mount-unknown-volume', line: 15, character: 28, end: { line: 15, character: 36 }, note: 'T06-c' },
    { file: 'tricky/14-big-multidoc-5000-lines.yaml', rule: 'init-probe-forbidden', line: 839, character: 10, note: 'app-012' },
    { file: 'tricky/14-big-multidoc-5000-lines.yaml', rule: 'container-name-duplicate', line: 3534, character: 16, note: 'app-052' },
    { file: 'tricky/14-big-multidoc-5000-lines.yaml', rule: 'volume-mount-unknown-volume', line: 4824, character: 20, note: 'app-071' },
    { file: 'real/048-kubernetes-api-batch.v1.CronJob.yaml', rule: 'init-lifecycle-forbidden', line: 807, character: 12 },
    { file: 'real/048-kubernetes-api-batch.v1.CronJob.yaml', rule: 'init-probe-forbidden', line: 845, character: 12 },
    { file: 'real/048-kubernetes-api-batch.v1.CronJob.yaml', rule: 'init-probe-forbidden', line: 878, character: 12 },
    { file: 'real/048-kubernetes-api-batch.v1.CronJob.yaml', rule: 'init-probe-forbidden', line: 951, character: 12 },
    { file: 'real/048-kubernetes-api-batch.v1.CronJob.yaml', rule: 'container-name-duplicate', line: 389, character: 18 },
    { file: 'real/048-kubernetes-api-batch.v1.CronJob.yaml', rule: 'container-name-duplicate', line: 627, character: 18, note: 'the ephemeral container repeats the name too' },
    { file: 'real/028-GoogleCloudPlatform-kubernetes-engine-samples-vllm-llama3-8b-instruct.yaml', rule: 'yaml-syntax', line: 16, character: 12, note: 'BLOCK_AS_IMPLICIT_KEY' },
  ],
  notExpected: [
    { file: 'real/006-kubernetes-website-startup-coordination.yaml', rule: 'init-probe-forbidden', note: 'startupProbe on a sidecar is legal' },
    { file: 'real/024-linkerd-linkerd2-inject_emojivoto_deployment.golden.yaml', rule: 'init-probe-forbidden', note: 'probes on linkerd-proxy (native sidecar)' },
    { file: 'real/052-zegl-kube-score-pod-probes-on-different-containers-init.yaml', rule: 'init-probe-forbidden', note: 'no probes on the init container' },
    { file: 'real/046-kubeflow-manifests-install.yaml', rule: '*', note: 'initContainers only inside ConfigMap strings' },
    { file: 'tricky/01-multidoc-comments.yaml', rule: '*', line: 16, note: 'T01-neg: a literal block holding a manifest is a string' },
    { file: 'tricky/10-cronjob-nested.yaml', rule: 'init-probe-forbidden', note: 'startupProbe on the cloud-sql-proxy sidecar' },
    { file: 'helm/H02-bitnami-charts-cronjob.yaml', rule: 'volume-mount-unknown-volume', note: 'if/else branches mount different volumes' },
    { file: 'tricky/04-crlf.yaml', rule: 'volume-mount-unknown-volume', note: 'data comes from volumeClaimTemplates' },
  ],
  exact: ['init-probe-forbidden', 'init-lifecycle-forbidden', 'container-name-duplicate', 'volume-mount-unknown-volume'],
};
