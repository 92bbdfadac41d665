/** Links and small Markdown helpers shared by the hovers. */

export const DOCS = {
  init: 'https://kubernetes.io/docs/concepts/workloads/pods/init-containers/',
  initResources: 'https://kubernetes.io/docs/concepts/workloads/pods/init-containers/#resource-sharing-within-containers',
  sidecar: 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/',
  sidecarResources: 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#resource-sharing-within-containers',
  sidecarJobs: 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#jobs-with-sidecar-containers',
  qos: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/',
  manageResources: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
  overhead: 'https://kubernetes.io/docs/concepts/scheduling-eviction/pod-overhead/',
  podLevelResources: 'https://kubernetes.io/docs/tasks/configure-pod-container/assign-pod-level-resources/',
  probes: 'https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/',
  lifecycleHooks: 'https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/',
  restartPolicy: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy',
  containerRestartRules: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-restart-rules',
  jobBackoff: 'https://kubernetes.io/docs/concepts/workloads/controllers/job/#pod-backoff-failure-policy',
  podApi: 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/',
  featureGates: 'https://kubernetes.io/docs/reference/command-line-tools-reference/feature-gates/',
} as const;

export function link(text: string, url: string): string {
  return `[${text}](${url})`;
}

export function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/** Escapes characters that would break a Markdown table cell. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
