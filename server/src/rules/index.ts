import type { Rule } from './types';
import { API_RULES } from './apiRules';
import { RUNTIME_RULES } from './runtimeRules';
import { HYGIENE_RULES } from './hygieneRules';
import { SCHEMA_RULES } from './schemaRules';

/** Every rule, in catalogue order. The meta-test checks that each file in this folder is listed. */
export const RULES: readonly Rule[] = [...API_RULES, ...SCHEMA_RULES, ...RUNTIME_RULES, ...HYGIENE_RULES];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));
