import type { Rule } from './types';
import { initProbeForbidden } from './init-probe-forbidden';
import { initLifecycleForbidden } from './init-lifecycle-forbidden';
import { containerNameDuplicate } from './container-name-duplicate';
import { volumeMountUnknownVolume } from './volume-mount-unknown-volume';

/** Rules for what the API server rejects (E01–E27), in catalogue order. */
export const API_RULES: readonly Rule[] = [
  initProbeForbidden,
  initLifecycleForbidden,
  containerNameDuplicate,
  volumeMountUnknownVolume,
];
