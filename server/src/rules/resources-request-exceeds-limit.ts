import { defineRule } from './types';
import type { ContainerModel, K8sObject, RuleContext } from './types';
import { compareQuantities, formatQuantity } from '../service/resources/quantity';
import {
  containerResourceNameProblem,
  isOvercommitAllowed,
  plainQuantity,
  quantityDecodeError,
  quantityProblem,
  readContainerResources,
} from './containerResources';
import type { ResourceEntry } from './containerResources';
import { containerNames } from './apiText';
import { requestExceedsLimitFixes } from '../service/fixes/api';

type Messages = 'exceedsLimit' | 'invalidQuantity' | 'negative' | 'invalidResourceName';

export const resourcesRequestExceedsLimit = defineRule<Messages>({
  meta: {
    id: 'resources-request-exceeds-limit',
    catalogueId: 'E12',
    group: 'api',
    description:
      'A container resource request larger than its limit; also quantities the API server cannot read (`1e3m`, `1Gb`), negative quantities and resource names containers cannot use.',
    defaultSeverity: 'error',
    fixable: true,
    versions: 'Rejected by every Kubernetes version.',
    messages: {
      exceedsLimit:
        '{{Container}} requests {{request}} of `{{resource}}` but its limit is {{limit}}{{exact}}: a request can never exceed its limit. Lower the request or raise the limit. API server: `{{path}}: Invalid value: "{{requestCanonical}}": must be less than or equal to {{resource}} limit of {{limitCanonical}}`',
      invalidQuantity:
        '`{{value}}` is not a valid quantity for `{{resource}}` of {{container}}{{problem}}. The API server cannot even decode the object: `{{objectKind}} in version "{{version}}" cannot be handled as a {{objectKind}}: {{apiDetail}}`',
      negative: '{{Container}} sets `{{resource}}` to {{value}}: resource quantities cannot be negative. API server: `{{path}}: Invalid value: "{{canonical}}": must be greater than or equal to 0`',
      invalidResourceName:
        'The {{verb}} `{{resource}}` of {{container}} is not a resource a container can {{verb}}{{hint}}. API server: `{{path}}: Invalid value: "{{resource}}": {{apiDetail}}`',
    },
  },
  checkPod(pod, context) {
    for (const container of pod.allContainers) {
      const spec = readContainerResources(container, pod.yaml);
      if (!spec) continue;
      const base = `${container.path}.resources`;
      for (const [list, entries] of [['limits', spec.limits], ['requests', spec.requests]] as const) {
        for (const entry of entries) checkEntry(pod.owner, container, entry, `${base}.${list}`, list === 'requests' ? 'request' : 'limit', context);
      }
      for (const request of spec.requests) {
        const limit = spec.limits.find((l) => l.name === request.name);
        if (!limit?.quantity || !request.quantity || !request.pair.value || !limit.pair.value) continue;
        if (!isOvercommitAllowed(request.name)) continue; // resources-extended-request-not-equal-limit
        if (compareQuantities(request.quantity, limit.quantity) <= 0) continue;
        const requestText = request.text ?? formatQuantity(request.quantity);
        const limitText = limit.text ?? formatQuantity(limit.quantity);
        const plainReq = plainQuantity(request.quantity);
        const plainLim = plainQuantity(limit.quantity);
        const unit = (text: string): string => text.replace(/^[+-]?[0-9.]*/, '');
        const exact = unit(requestText) !== unit(limitText) ? ` (${plainReq} > ${plainLim})` : '';
        context.report({
          at: request.pair.value,
          messageId: 'exceedsLimit',
          data: {
            ...containerNames(container),
            resource: request.name,
            request: `\`${requestText}\``,
            limit: `\`${limitText}\``,
            exact,
            requestCanonical: formatQuantity(request.quantity),
            limitCanonical: formatQuantity(limit.quantity),
            path: `${base}.requests`,
          },
          related: [{ at: limit.pair.value, message: `the ${request.name} limit: ${limitText}` }],
          fix: { resource: request.name, request: requestText, limit: limitText },
        });
      }
    }
  },
  fix: requestExceedsLimitFixes,
});

function checkEntry(owner: K8sObject, container: ContainerModel, entry: ResourceEntry, listPath: string, verb: 'request' | 'limit', context: RuleContext<Messages>): void {
  const path = `${listPath}[${entry.name}]`;
  const nameProblem = containerResourceNameProblem(entry.name);
  if (nameProblem) {
    const hint = entry.name.includes('/')
      ? ' (extended resources look like `example.com/device`)'
      : ' (containers can use `cpu`, `memory`, `ephemeral-storage`, `hugepages-<size>` and extended resources such as `nvidia.com/gpu`)';
    context.report({
      at: entry.pair.key,
      messageId: 'invalidResourceName',
      data: { resource: entry.name, verb, hint, apiDetail: nameProblem, path, ...containerNames(container) },
      fix: { resource: entry.name },
    });
  }
  if (!entry.pair.value || entry.text === undefined) return; // missing or wrongly typed values are schema errors
  if (!entry.quantity) {
    context.report({
      at: entry.pair.value,
      messageId: 'invalidQuantity',
      data: {
        value: entry.text,
        resource: entry.name,
        ...containerNames(container),
        problem: quantityProblem(entry.text),
        objectKind: owner.kind || 'Pod',
        version: owner.apiVersion.slice(owner.apiVersion.indexOf('/') + 1) || 'v1',
        apiDetail: quantityDecodeError(entry.text),
      },
      fix: { resource: entry.name, value: entry.text },
    });
    return;
  }
  if (entry.quantity.nano < 0n) {
    context.report({
      at: entry.pair.value,
      messageId: 'negative',
      data: { ...containerNames(container), resource: entry.name, value: `\`${entry.text}\``, canonical: formatQuantity(entry.quantity), path },
      fix: { resource: entry.name, value: entry.text },
    });
  }
}
