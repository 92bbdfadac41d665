import type { Rule } from './types';

/** Hygiene rules (H01–H18), in catalogue order. */
export const HYGIENE_RULES: readonly Rule[] = [];
