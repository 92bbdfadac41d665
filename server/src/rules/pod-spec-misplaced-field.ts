import { defineRule } from './types';
import type { K8sObject, RuleContext } from './types';
import type { NodeRef } from '../service/parse/nav';
import { mapPairs } from '../service/parse/nav';
import { coreKindInfo } from '../service/model/workloadKinds';
import { misplacedFieldFix } from '../service/fixes/schema';

/** Pod-spec fields that people put one level too high (never fields of the enclosing objects). */
const POD_FIELDS = new Set([
  'initContainers', 'containers', 'ephemeralContainers', 'volumes', 'imagePullSecrets', 'serviceAccountName',
  'nodeSelector', 'tolerations', 'affinity', 'securityContext', 'hostNetwork', 'dnsPolicy', 'terminationGracePeriodSeconds',
  'restartPolicy', 'priorityClassName', 'runtimeClassName', 'topologySpreadConstraints', 'shareProcessNamespace',
]);

export const podSpecMisplacedField = defineRule({
  meta: {
    id: 'pod-spec-misplaced-field',
    catalogueId: 'S02',
    group: 'api',
    description: '`initContainers`, `containers`, `volumes` and other pod fields written at the wrong level of a workload, e.g. directly under a Deployment\'s `spec` instead of `spec.template.spec`.',
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      misplaced:
        '`{{field}}` is not a field of {{where}}: pod fields of a {{kind}} belong in its pod template, at `{{expected}}.{{field}}`. As written, the {{kind}} has no such pod field and the API server rejects it: `strict decoding error: unknown field "{{path}}"`',
    },
  },
  checkObject(object, context) {
    const info = coreKindInfo(object.apiVersion, object.kind);
    if (!info) return;
    const podPath = info.podSpecPath;
    // Every prefix of the pod-spec path is a level where pod fields do not belong (e.g. `spec`, `spec.template`).
    let level: NodeRef | undefined = object.ref;
    const walked: string[] = [];
    for (let i = 0; i < podPath.length; i++) {
      checkLevel(object, level, walked, podPath.join('.'), context);
      const key = podPath[i] as string;
      level = mapPairs(level, object.yaml).find((p) => p.keyText === key)?.value;
      walked.push(key);
      if (!level) return;
    }
  },
  fix: misplacedFieldFix,
});

function checkLevel(object: K8sObject, level: NodeRef | undefined, walked: readonly string[], expected: string, context: RuleContext): void {
  for (const pair of mapPairs(level, object.yaml)) {
    if (!POD_FIELDS.has(pair.keyText)) continue;
    const where = walked.length === 0 ? `the top level of ${article(object.kind)} ${object.kind}` : `${article(object.kind)} ${object.kind}'s \`${walked.join('.')}\``;
    context.report({
      at: pair.key,
      messageId: 'misplaced',
      data: { field: pair.keyText, where, kind: object.kind, expected: object.pathPrefix + expected, path: object.pathPrefix + [...walked, pair.keyText].join('.') },
      fix: { moveTo: expected },
    });
  }
}

const article = (word: string): string => (/^[AEIOU]/.test(word) ? 'an' : 'a');
