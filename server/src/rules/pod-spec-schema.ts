import { defineRule } from './types';
import { capitalize } from './ruleUtils';
import type { PodSpecModel, RuleContext } from './types';
import { checkPodSpecData } from '../service/schema/validatePodSpec';
import { podSpecData } from '../service/schema/podSpecData';
import type { SchemaIssue } from '../service/schema/validatePodSpec';
import { closestName, fieldsIn } from '../service/schema/fieldInfo';
import { resolvePointer, pointerSegments } from '../service/parse/jsonPointer';
import { mapPairs } from '../service/parse/nav';
import { compareVersions } from '../service/settings';
import type { Settings } from '../service/settings';
import { schemaFixes } from '../service/fixes/schema';

type MessageId = 'unknownField' | 'unknownFieldSuggestion' | 'invalidType' | 'invalidValue' | 'missingField' | 'fieldTooNew' | 'fieldRemoved';

export const podSpecSchema = defineRule<MessageId>({
  meta: {
    id: 'pod-spec-schema',
    catalogueId: 'S01',
    group: 'api',
    description: 'Pod-spec and container fields checked against the Kubernetes API definitions of the selected version: unknown fields, wrong types, values outside enums, missing required fields, fields newer than the version.',
    defaultSeverity: 'error',
    fixable: true,
    versions: 'Uses the bundled API definitions of Kubernetes 1.27–1.36 and `k8sInit.kubernetesVersion`.',
    messages: {
      unknownField: 'Unknown field `{{field}}` in {{where}}. The API server rejects it (strict field validation, the `kubectl` default): `strict decoding error: unknown field "{{path}}"`',
      unknownFieldSuggestion: 'Unknown field `{{field}}` in {{where}}: did you mean `{{suggestion}}`? The API server rejects it (strict field validation, the `kubectl` default): `strict decoding error: unknown field "{{path}}"`',
      invalidType: '`{{field}}` in {{where}} must be {{expected}}, not {{actual}}; the API server cannot decode it.',
      invalidValue: '`{{field}}` in {{where}} is "{{value}}"; it must be one of {{allowed}}. API server: `{{path}}: Unsupported value: "{{value}}": supported values: {{allowedQuoted}}`',
      missingField: '{{where}} is missing the required field `{{field}}`. API server: `{{path}}.{{field}}: Required value`',
      fieldTooNew: '`{{field}}` in {{where}} is known from Kubernetes {{since}}; you selected {{version}}. An API server of {{version}} rejects it as an unknown field (or drops it without strict validation): `strict decoding error: unknown field "{{path}}"`',
      fieldRemoved: '`{{field}}` in {{where}} is not known after Kubernetes {{until}}; you selected {{version}}.',
    },
  },
  checkPod(pod, context) {
    if (!pod.workload.core) return;
    const data = podSpecData(pod.ref, pod.yaml);
    if (data === undefined) return; // An alias bomb: the robustness layer reports it.
    for (const issue of checkPodSpecData(data, context.settings.kubernetesVersion)) report(pod, issue, context);
  },
  fix: schemaFixes,
});

function report(pod: PodSpecModel, issue: SchemaIssue, context: RuleContext<MessageId>): void {
  const segments = pointerSegments(issue.pointer);
  if (coveredByRule(issue, segments, pod, context.settings)) return;
  const target = resolvePointer(pod.ref, segments, pod.yaml);
  const where = describeWhere(pod, segments);
  const path = apiPath(pod, segments);
  const field = segments[segments.length - 1] ?? '';
  const version = context.settings.kubernetesVersion;
  switch (issue.kind) {
    case 'unknownField': {
      const suggestion = closestName(fieldsIn(issue.definition, version), issue.field);
      context.report({
        at: target.key ?? target.value,
        messageId: suggestion ? 'unknownFieldSuggestion' : 'unknownField',
        data: { field: issue.field, where, path, suggestion: suggestion ?? '' },
        fix: suggestion ? { replaceKey: suggestion } : { removeKey: issue.field },
      });
      return;
    }
    case 'invalidType':
      context.report({ at: target.value, messageId: 'invalidType', data: { field, where, expected: article(issue.expected), actual: issue.actual } });
      return;
    case 'invalidValue':
      context.report({
        at: target.value,
        messageId: 'invalidValue',
        data: { field, where, path, value: issue.value, allowed: issue.allowed.map((a) => `\`${a}\``).join(', '), allowedQuoted: issue.allowed.map((a) => `"${a}"`).join(', ') },
        fix: { replaceValue: closestName(issue.allowed, issue.value) ?? issue.allowed[0] },
      });
      return;
    case 'missingField': {
      const at = segments.length === 0 ? (pod.keyRef ?? pod.ref) : (target.key ?? mapPairs(target.value, pod.yaml)[0]?.key ?? target.value);
      context.report({ at, messageId: 'missingField', data: { field: issue.field, where: capitalize(where), path } });
      return;
    }
    case 'fieldVersion':
      context.report({
        at: target.key ?? target.value,
        messageId: issue.until === undefined || compareVersions(version, issue.since) < 0 ? 'fieldTooNew' : 'fieldRemoved',
        data: { field: issue.field, where, path, since: issue.since, until: issue.until ?? '', version },
      });
      return;
  }
}

const CONTAINER_LISTS = ['containers', 'initContainers', 'ephemeralContainers'];

/** Issues that a dedicated rule reports with the API's own wording (no duplicate diagnostics). */
function coveredByRule(issue: SchemaIssue, segments: readonly string[], pod: PodSpecModel, settings: Settings): boolean {
  const inContainer = CONTAINER_LISTS.includes(segments[0] as string);
  // native-sidecar-min-version: `restartPolicy: Always` on an init container before native sidecars existed
  if (issue.kind === 'fieldVersion' && segments[0] === 'initContainers' && segments[2] === 'restartPolicy' && segments.length === 3) {
    if (pod.initContainers[Number(segments[1])]?.role === 'sidecar' && settings.rules['native-sidecar-min-version'] !== 'off') return true;
  }
  // container-name-invalid: a missing container name
  if (issue.kind === 'missingField' && issue.field === 'name' && inContainer && segments.length === 2) return true;
  // container-port-invalid: a missing containerPort or an unsupported port protocol
  const inPort = inContainer && segments[2] === 'ports' && segments.length >= 4;
  if (issue.kind === 'missingField' && issue.field === 'containerPort' && inPort) return true;
  if (issue.kind === 'invalidValue' && inPort && segments[segments.length - 1] === 'protocol') return true;
  return false;
}

/** "init container 1 of 2 `init-a`", "the pod spec", "volume 2 of the pod spec". */
function describeWhere(pod: PodSpecModel, segments: readonly string[]): string {
  const [list, index] = segments;
  if ((list === 'initContainers' || list === 'containers' || list === 'ephemeralContainers') && index !== undefined && /^\d+$/.test(index)) {
    const container = pod.allContainers.find((c) => c.list === list && c.index === Number(index));
    const inner = joinPath(segments.slice(2, -1));
    const label = container?.label ?? `${list}[${index}]`;
    return inner ? `\`${inner}\` of ${label}` : label;
  }
  const inner = joinPath(segments.slice(0, -1));
  return inner ? `\`${inner}\` of the pod spec` : 'the pod spec';
}

/** `ports[0].name` from pointer segments. */
function joinPath(segments: readonly string[]): string {
  return segments.reduce((acc, s) => (/^\d+$/.test(s) ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s), '');
}

function apiPath(pod: PodSpecModel, segments: readonly string[]): string {
  let path = pod.path;
  for (const s of segments) path += /^\d+$/.test(s) ? `[${s}]` : `.${s}`;
  return path;
}

const article = (t: string): string => t.split(' or ').map((x) => (/^[aeiou]/.test(x) ? `an ${x}` : `a ${x}`)).join(' or ');
