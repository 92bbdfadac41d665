import type { Rule } from './types';
import { podSpecSchema } from './pod-spec-schema';
import { podSpecMisplacedField } from './pod-spec-misplaced-field';

/** Checks against the bundled Kubernetes API definitions (S01–S02). */
export const SCHEMA_RULES: readonly Rule[] = [podSpecSchema, podSpecMisplacedField];
