import type { Rule } from './types';
import { initImageTagUnpinned } from './init-image-tag-unpinned';
import { initImageNotDigest } from './init-image-not-digest';
import { initInlineSecretEnv } from './init-inline-secret-env';
import { initSecretViaEnvRef } from './init-secret-via-env-ref';
import { initMissingResources } from './init-missing-resources';
import { sidecarMissingProbes } from './sidecar-missing-probes';
import { initPrivileged } from './init-privileged';
import { initPrivilegeEscalationAllowed } from './init-privilege-escalation-allowed';
import { initRunsAsRoot } from './init-runs-as-root';
import { initWritableRootFs } from './init-writable-root-fs';
import { initAddedCapabilities } from './init-added-capabilities';
import { initImagePullPolicy } from './init-image-pull-policy';
import { initNoSeccomp } from './init-no-seccomp';
import { initWritableHostpath } from './init-writable-hostpath';
import { initHostPort } from './init-host-port';
import { duplicateEnvVar } from './duplicate-env-var';
import { initPrivilegedSysctlPattern } from './init-privileged-sysctl-pattern';
import { podSecurityAdmissionInit } from './pod-security-admission-init';

/** Hygiene rules (H01–H18), in catalogue order. */
export const HYGIENE_RULES: readonly Rule[] = [
  initImageTagUnpinned,
  initImageNotDigest,
  initInlineSecretEnv,
  initSecretViaEnvRef,
  initMissingResources,
  sidecarMissingProbes,
  initPrivileged,
  initPrivilegeEscalationAllowed,
  initRunsAsRoot,
  initWritableRootFs,
  initAddedCapabilities,
  initImagePullPolicy,
  initNoSeccomp,
  initWritableHostpath,
  initHostPort,
  duplicateEnvVar,
  initPrivilegedSysctlPattern,
  podSecurityAdmissionInit,
];
