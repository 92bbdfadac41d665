import type { Rule } from './types';

/** Rules for runtime hazards (W01–W19), in catalogue order. */
export const RUNTIME_RULES: readonly Rule[] = [];
