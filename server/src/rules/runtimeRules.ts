import type { Rule } from './types';
import { nativeSidecarMinVersion } from './native-sidecar-min-version';
import { initRequestsDominateEffective } from './init-requests-dominate-effective';
import { initBreaksGuaranteedQos } from './init-breaks-guaranteed-qos';
import { initEmptydirNotConsumed } from './init-emptydir-not-consumed';
import { sidecarPortConflict } from './sidecar-port-conflict';
import { serviceTargetsInitContainerPort } from './service-targets-init-container-port';
import { sidecarReadinessGatesPod } from './sidecar-readiness-gates-pod';
import { sidecarTerminationBudget } from './sidecar-termination-budget';
import { initFailureFailsPod } from './init-failure-fails-pod';
import { podFailurePolicyMatchesSidecarExit } from './pod-failure-policy-matches-sidecar-exit';
import { initImageChangeRestartsPod } from './init-image-change-restarts-pod';
import { limitrangeDefaultsApplyToInit } from './limitrange-defaults-apply-to-init';

/** Rules for runtime hazards (W01–W19), in catalogue order. */
export const RUNTIME_RULES: readonly Rule[] = [
  nativeSidecarMinVersion,
  initRequestsDominateEffective,
  initBreaksGuaranteedQos,
  initEmptydirNotConsumed,
  sidecarPortConflict,
  serviceTargetsInitContainerPort,
  sidecarReadinessGatesPod,
  sidecarTerminationBudget,
  initFailureFailsPod,
  podFailurePolicyMatchesSidecarExit,
  initImageChangeRestartsPod,
  limitrangeDefaultsApplyToInit,
];
