import { defineRule } from './types';
import { compareQuantities, formatQuantity } from '../service/resources/quantity';
import { isExtendedResource, isHugePagesResource, isOvercommitAllowed, readContainerResources } from './containerResources';
import { containerNames } from './apiText';
import { extendedResourceFixes } from '../service/fixes/values';

export const resourcesExtendedRequestNotEqualLimit = defineRule({
  meta: {
    id: 'resources-extended-request-not-equal-limit',
    catalogueId: 'E13',
    group: 'api',
    description:
      'A resource that cannot be overcommitted (extended resources such as `nvidia.com/gpu`, huge pages) requested without a limit or with a request different from the limit; fractional extended resources; huge pages without cpu or memory.',
    defaultSeverity: 'error',
    fixable: true,
    versions: 'Rejected by every Kubernetes version.',
    messages: {
      notEqual:
        '{{Container}} requests {{request}} of `{{resource}}` but its limit is {{limit}}: {{kindText}} cannot be overcommitted, so request and limit must be equal (or set only the limit — the request defaults to it). API server: `{{path}}: Invalid value: "{{requestCanonical}}": must be equal to {{resource}} limit of {{limitCanonical}}`',
      limitRequired:
        '{{Container}} requests `{{resource}}` without a limit: {{kindText}} cannot be overcommitted, so the limit is required (set `limits.{{resource}}`; the request then defaults to it). API server: `{{path}}: Required value: Limit must be set for non overcommitable resources`',
      notInteger:
        '{{Container}} asks for {{value}} of `{{resource}}`: extended resources are whole devices, so the amount must be an integer. API server: `{{path}}: Invalid value: …: must be an integer`',
      hugePagesAlone:
        '{{Container}} uses huge pages but sets neither `cpu` nor `memory` in `requests` or `limits`: the API server requires one of them alongside huge pages. API server: `{{path}}: Forbidden: HugePages require cpu or memory`',
    },
  },
  checkPod(pod, context) {
    for (const container of pod.allContainers) {
      const spec = readContainerResources(container, pod.yaml);
      if (!spec) continue;
      const base = `${container.path}.resources`;
      for (const [list, entries] of [['limits', spec.limits], ['requests', spec.requests]] as const) {
        for (const entry of entries) {
          if (!entry.quantity || !entry.pair.value || !isExtendedResource(entry.name)) continue;
          if (entry.quantity.nano % 1_000_000_000n === 0n) continue;
          context.report({
            at: entry.pair.value,
            messageId: 'notInteger',
            data: { ...containerNames(container), value: `\`${entry.text ?? formatQuantity(entry.quantity)}\``, resource: entry.name, path: `${base}.${list}[${entry.name}]` },
            fix: { resource: entry.name },
          });
        }
      }
      for (const request of spec.requests) {
        if (isOvercommitAllowed(request.name) || !request.pair.value) continue;
        const kindText = isHugePagesResource(request.name) ? 'huge pages' : 'extended resources such as `nvidia.com/gpu`';
        const limit = spec.limits.find((l) => l.name === request.name);
        if (!limit) {
          context.report({
            at: request.pair.key,
            messageId: 'limitRequired',
            data: { ...containerNames(container), resource: request.name, kindText, path: `${base}.limits` },
            fix: { resource: request.name, value: request.text ?? '' },
          });
          continue;
        }
        if (!request.quantity || !limit.quantity || !limit.pair.value || compareQuantities(request.quantity, limit.quantity) === 0) continue;
        const requestText = request.text ?? formatQuantity(request.quantity);
        const limitText = limit.text ?? formatQuantity(limit.quantity);
        context.report({
          at: request.pair.value,
          messageId: 'notEqual',
          data: {
            ...containerNames(container),
            resource: request.name,
            request: `\`${requestText}\``,
            limit: `\`${limitText}\``,
            kindText,
            requestCanonical: formatQuantity(request.quantity),
            limitCanonical: formatQuantity(limit.quantity),
            path: `${base}.requests`,
          },
          related: [{ at: limit.pair.value, message: `the ${request.name} limit: ${limitText}` }],
          fix: { resource: request.name, request: requestText, limit: limitText },
        });
      }
      const names = [...spec.requests, ...spec.limits].map((e) => e.name);
      if (names.some(isHugePagesResource) && !names.includes('cpu') && !names.includes('memory')) {
        context.report({ at: spec.resources.key, messageId: 'hugePagesAlone', data: { ...containerNames(container), path: base }, fix: { insert: 'memory' } });
      }
    }
  },
  fix: extendedResourceFixes,
});
