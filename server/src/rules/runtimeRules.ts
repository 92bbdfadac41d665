import type { Rule } from './types';
import { jobLegacySidecarBlocksCompletion } from './job-legacy-sidecar-blocks-completion';
import { nativeSidecarMinVersion } from './native-sidecar-min-version';
import { initWaitLoopUnbounded } from './init-wait-loop-unbounded';
import { initMigrationConcurrentReplicas } from './init-migration-concurrent-replicas';
import { initRequestsDominateEffective } from './init-requests-dominate-effective';
import { initBreaksGuaranteedQos } from './init-breaks-guaranteed-qos';
import { sidecarOrderingDependency } from './sidecar-ordering-dependency';
import { sidecarNoStartupProbeBeforeDependent } from './sidecar-no-startup-probe-before-dependent';
import { initEmptydirNotConsumed } from './init-emptydir-not-consumed';
import { sidecarPortConflict } from './sidecar-port-conflict';
import { serviceTargetsInitContainerPort } from './service-targets-init-container-port';
import { sidecarOneShotCommand } from './sidecar-one-shot-command';
import { sidecarReadinessGatesPod } from './sidecar-readiness-gates-pod';
import { sidecarTerminationBudget } from './sidecar-termination-budget';
import { initFailureFailsPod } from './init-failure-fails-pod';
import { podFailurePolicyMatchesSidecarExit } from './pod-failure-policy-matches-sidecar-exit';
import { initNotIdempotent } from './init-not-idempotent';
import { initImageChangeRestartsPod } from './init-image-change-restarts-pod';
import { limitrangeDefaultsApplyToInit } from './limitrange-defaults-apply-to-init';

/** Rules for runtime hazards (W01–W19), in catalogue order. */
export const RUNTIME_RULES: readonly Rule[] = [
  jobLegacySidecarBlocksCompletion,
  nativeSidecarMinVersion,
  initWaitLoopUnbounded,
  initMigrationConcurrentReplicas,
  initRequestsDominateEffective,
  initBreaksGuaranteedQos,
  sidecarOrderingDependency,
  sidecarNoStartupProbeBeforeDependent,
  initEmptydirNotConsumed,
  sidecarPortConflict,
  serviceTargetsInitContainerPort,
  sidecarOneShotCommand,
  sidecarReadinessGatesPod,
  sidecarTerminationBudget,
  initFailureFailsPod,
  podFailurePolicyMatchesSidecarExit,
  initNotIdempotent,
  initImageChangeRestartsPod,
  limitrangeDefaultsApplyToInit,
];
