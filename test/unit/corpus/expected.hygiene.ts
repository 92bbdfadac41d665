import type { RuleExpectations } from './expectations';

/** I items of the corpus (hygiene). "No resources" items carry no position in EXPECTED.md; the container name value is used. */
export const HYGIENE_EXPECTATIONS: RuleExpectations = {
  expected: [
    { file: 'real/002-kubernetes-website-job-sidecar.yaml', rule: 'init-image-tag-unpinned', line: 17, character: 17, note: 'alpine:latest' },
    { file: 'real/004-kubernetes-website-indexed-job.yaml', rule: 'init-image-tag-unpinned', line: 17, character: 17, note: 'docker.io/library/bash' },
    { file: 'real/010-kubernetes-examples-es-rc.yaml', rule: 'init-image-tag-unpinned', line: 17, character: 15, note: 'busybox' },
    { file: 'real/014-istio-istio-cronjob.injected.yaml', rule: 'init-image-tag-unpinned', line: 52, character: 19 },
    { file: 'real/014-istio-istio-cronjob.injected.yaml', rule: 'init-image-tag-unpinned', line: 142, character: 19 },
    { file: 'real/016-istio-istio-deploymentconfig-multi.injected.yaml', rule: 'init-image-tag-unpinned', line: 71, character: 17 },
    { file: 'real/016-istio-istio-deploymentconfig-multi.injected.yaml', rule: 'init-image-tag-unpinned', line: 162, character: 17 },
    { file: 'real/018-istio-istio-daemonset.yaml', rule: 'init-image-tag-unpinned', line: 26, character: 17 },
    { file: 'real/020-argoproj-argo-cd-argocd-repo-server-deployment.yaml', rule: 'init-image-tag-unpinned', line: 363, character: 15 },
    { file: 'real/032-istio-istio-job-old-version.injected.yaml', rule: 'init-image-tag-unpinned', line: 175, character: 15 },
    { file: 'real/048-kubernetes-api-batch.v1.CronJob.yaml', rule: 'init-image-tag-unpinned', line: 805, character: 19 },
    { file: 'real/050-kubescape-regolibrary-pod.yaml', rule: 'init-image-tag-unpinned', line: 8, character: 11 },
    { file: 'real/052-zegl-kube-score-pod-probes-on-different-containers-init.yaml', rule: 'init-image-tag-unpinned', line: 10, character: 11 },
    { file: 'real/054-bridgecrewio-checkov-Deployment2-FAILED.yaml', rule: 'init-image-tag-unpinned', line: 18, character: 15 },
    { file: 'tricky/03-flow-style.yaml', rule: 'init-image-tag-unpinned', line: 4, character: 48, note: 'T03-c' },
    { file: 'tricky/14-big-multidoc-5000-lines.yaml', rule: 'init-image-tag-unpinned', line: 3102, character: 17, note: 'flyway/flyway, a regular container of a Job' },
    { file: 'real/050-kubescape-regolibrary-pod.yaml', rule: 'duplicate-env-var', line: 12, character: 12, note: 'SETUP_MODE' },
    { file: 'real/022-argoproj-argo-cd-upstream.yaml', rule: 'init-missing-resources', line: 1216, character: 14, note: 'doc[13] config-init resources: {}' },
    { file: 'real/022-argoproj-argo-cd-upstream.yaml', rule: 'init-missing-resources', line: 1347, character: 14, note: 'doc[14] config-init resources: {}' },
  ],
  notExpected: [
    { file: 'real/010-kubernetes-examples-es-rc.yaml', rule: 'init-privileged', note: 'privileged sysctl init container: the Elasticsearch pattern, left to the sysctl rule' },
    { file: 'real/034-Azure-Samples-aks-store-demo-aks-store-quickstart.yaml', rule: 'init-missing-resources', note: 'the init container has requests and limits' },
    { file: 'real/040-sourcegraph-deploy-sourcegraph-pgsql.Deployment.yaml', rule: 'init-missing-resources', note: 'resources set (10m/50Mi)' },
    { file: 'real/052-zegl-kube-score-pod-probes-on-different-containers-init.yaml', rule: 'sidecar-missing-probes', note: 'init containers must not have probes' },
  ],
  exact: [],
};
