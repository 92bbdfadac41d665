import type { Rule } from './types';
import { initProbeForbidden } from './init-probe-forbidden';
import { initLifecycleForbidden } from './init-lifecycle-forbidden';
import { initRestartPolicyUnsupported } from './init-restart-policy-unsupported';
import { containerRestartPolicyForbidden } from './container-restart-policy-forbidden';
import { restartRulesRequireRestartPolicy } from './restart-rules-require-restart-policy';
import { restartRulesInvalid } from './restart-rules-invalid';
import { containerNameDuplicate } from './container-name-duplicate';
import { containerNameInvalid } from './container-name-invalid';
import { containerImageRequired } from './container-image-required';
import { volumeMountUnknownVolume } from './volume-mount-unknown-volume';
import { volumeMountPathDuplicate } from './volume-mount-path-duplicate';
import { resourcesRequestExceedsLimit } from './resources-request-exceeds-limit';
import { resourcesExtendedRequestNotEqualLimit } from './resources-extended-request-not-equal-limit';
import { sidecarProbeSuccessThreshold } from './sidecar-probe-success-threshold';
import { sidecarReadinessProbeTerminationGrace } from './sidecar-readiness-probe-termination-grace';
import { probeOrHookHandlerInvalid } from './probe-or-hook-handler-invalid';
import { sidecarPrestopSleepExceedsGrace } from './sidecar-prestop-sleep-exceeds-grace';
// E18–E27 (helper B2)
import { hostPortConflict } from './host-port-conflict';
import { containerPortInvalid } from './container-port-invalid';
import { privilegedWithNoPrivilegeEscalation } from './privileged-with-no-privilege-escalation';
import { bidirectionalPropagationUnprivileged } from './bidirectional-propagation-unprivileged';
import { initResizePolicyForbidden } from './init-resize-policy-forbidden';
import { resizePolicyRestartNever } from './resize-policy-restart-never';
import { podLevelRequestsBelowAggregate } from './pod-level-requests-below-aggregate';
import { jobPodFailurePolicyContainerName } from './job-pod-failure-policy-container-name';
import { workloadPodRestartPolicy } from './workload-pod-restart-policy';

/** Rules for what the API server rejects (E01–E27), in catalogue order. */
export const API_RULES: readonly Rule[] = [
  initProbeForbidden,
  initLifecycleForbidden,
  initRestartPolicyUnsupported,
  containerRestartPolicyForbidden,
  restartRulesRequireRestartPolicy,
  restartRulesInvalid,
  containerNameDuplicate,
  containerNameInvalid,
  containerImageRequired,
  volumeMountUnknownVolume,
  volumeMountPathDuplicate,
  resourcesRequestExceedsLimit,
  resourcesExtendedRequestNotEqualLimit,
  sidecarProbeSuccessThreshold,
  sidecarReadinessProbeTerminationGrace,
  probeOrHookHandlerInvalid,
  sidecarPrestopSleepExceedsGrace,
  // E18–E27 (helper B2)
  hostPortConflict,
  containerPortInvalid,
  privilegedWithNoPrivilegeEscalation,
  bidirectionalPropagationUnprivileged,
  initResizePolicyForbidden,
  resizePolicyRestartNever,
  podLevelRequestsBelowAggregate,
  jobPodFailurePolicyContainerName,
  workloadPodRestartPolicy,
];
