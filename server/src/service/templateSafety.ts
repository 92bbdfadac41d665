import type { Finding } from '../rules/types';
import type { TemplateInfo } from './parse/yamlFile';

/**
 * Rules whose findings stay true in a Helm template whose structure depends on values (`{{- if }}`
 * blocks, `{{ include … | nindent }}`): they report something written in the plain YAML that is wrong
 * whatever the values are. Rules about what is absent, duplicated or summed (a volume not defined, a
 * name used twice across if/else branches, missing resources or security settings, effective requests)
 * cannot be judged before rendering and stay silent there.
 */
const SAFE_IN_TEMPLATES: ReadonlySet<string> = new Set([
  'init-probe-forbidden',
  'init-lifecycle-forbidden',
  'init-restart-policy-unsupported',
  'container-restart-policy-forbidden',
  'restart-rules-invalid',
  'sidecar-probe-success-threshold',
  'sidecar-readiness-probe-termination-grace',
  'bidirectional-propagation-unprivileged',
  'privileged-with-no-privilege-escalation',
  'pod-spec-misplaced-field',
  'init-wait-loop-unbounded',
  'init-image-tag-unpinned',
  'init-privileged',
  'init-inline-secret-env',
  'sidecar-one-shot-command',
  'init-writable-hostpath',
]);

/** Drops the findings a masked template cannot support: those on masked text, and unsafe rules where blocks are templated. */
export function filterTemplateFindings(findings: readonly Finding[], template: TemplateInfo | undefined): Finding[] {
  if (!template) return [...findings];
  return findings.filter((f) => {
    if (template.blockActions && !SAFE_IN_TEMPLATES.has(f.ruleId)) return false;
    return !template.masks.some((m) => f.span.start < m.end && m.start < f.span.end);
  });
}
