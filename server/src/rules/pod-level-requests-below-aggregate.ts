import { defineRule } from './types';
import type { RelatedReport } from './types';
import { gateEnabled } from '../service/featureGates';
import { versionAtLeast } from '../service/settings';
import { mapGet, mapPairs, mapValue } from '../service/parse/nav';
import type { NodeRef } from '../service/parse/nav';
import type { ContainerModel, PodSpecModel } from '../service/model/types';
import { aggregatePodResources, computeEffectiveResources, formatQuantity, parseQuantityNode } from '../service/resources/index';
import type { ResourceFigure } from '../service/resources/index';
import { podRequestsFix } from '../service/fixes/values';

/** Where a container's request for `resource` is written (a request defaulted from the limit points at the limit). */
function requestRef(container: ContainerModel, resource: string, pod: PodSpecModel): NodeRef | undefined {
  const resources = container.pairs.get('resources')?.value;
  return mapGet(mapValue(resources, 'requests', pod.yaml), resource, pod.yaml)?.value ?? mapGet(mapValue(resources, 'limits', pod.yaml), resource, pod.yaml)?.value;
}

export const podLevelRequestsBelowAggregate = defineRule({
  meta: {
    id: 'pod-level-requests-below-aggregate',
    catalogueId: 'E24',
    group: 'api',
    description:
      'A pod-level `spec.resources.requests` value below the aggregate request of the containers, init containers and sidecars (rule catalogue §3: the init peak counts).',
    defaultSeverity: 'error',
    fixable: true,
    versions:
      'Rejected by Kubernetes 1.34 and later (feature gate PodLevelResources, beta and on by default); on 1.32 and 1.33 only with the alpha gate turned on. Without the gate `spec.resources` is dropped and nothing is checked.',
    messages: {
      below:
        'The pod-level `requests.{{resource}}` ({{podValue}}) is below what the containers of this pod request together: {{aggregate}}, {{reason}}. Pod-level requests must cover that aggregate; raise it to at least {{aggregate}}. Rejected by Kubernetes {{when}}. API server: `{{path}}.resources.requests[{{resource}}]: Invalid value: "{{podValue}}": must be greater than or equal to aggregate container requests of {{aggregate}}`',
    },
  },
  checkPod(pod, context) {
    const settings = context.settings;
    if (!gateEnabled(settings, 'PodLevelResources')) return;
    const requests = mapValue(pod.pairs.get('resources')?.value, 'requests', pod.yaml);
    const written = mapPairs(requests, pod.yaml);
    if (written.length === 0) return;
    const effective = computeEffectiveResources(pod, settings);
    // AggregateContainerRequests: no pod-level override, no overhead.
    const aggregate = aggregatePodResources({ initContainers: effective.input.initContainers, containers: effective.input.containers }, 'requests');
    const when = versionAtLeast(settings, '1.34') ? '1.34 and later (feature gate PodLevelResources)' : `${settings.kubernetesVersion} because the PodLevelResources gate is on in your settings`;
    for (const pair of written) {
      const podQuantity = parseQuantityNode(pair.value);
      const figure = aggregate.figures.get(pair.keyText);
      if (!podQuantity || !figure || !pair.value || figure.effective.nano <= podQuantity.nano) continue;
      const { reason, related } = explain(figure, pod);
      const podValue = formatQuantity(podQuantity);
      const total = formatQuantity(figure.effective);
      context.report({
        at: pair.value,
        messageId: 'below',
        data: { resource: pair.keyText, podValue, aggregate: total, reason, when, path: pod.path },
        related,
        fix: { resource: pair.keyText, aggregate: total },
      });
    }
  },
  fix: podRequestsFix,
});

/** Why the aggregate is what it is: the init peak (which init container, with the sidecars before it) or the steady sum. */
function explain(figure: ResourceFigure, pod: PodSpecModel): { reason: string; related: RelatedReport[] } {
  const resource = figure.resource;
  const related: RelatedReport[] = [];
  const steady = figure.steady === undefined ? '0' : formatQuantity(figure.steady);
  if (figure.initPeakIndex !== undefined && figure.initPeak !== undefined && (figure.steady === undefined || figure.initPeak.nano > figure.steady.nano)) {
    const init = pod.initContainers[figure.initPeakIndex];
    const sidecarsBefore = pod.initContainers.slice(0, figure.initPeakIndex).filter((c) => c.role === 'sidecar');
    if (init) {
      const at = requestRef(init, resource, pod);
      if (at) related.push({ at, message: `${init.label} requests this while it runs` });
    }
    for (const s of sidecarsBefore) {
      const at = requestRef(s, resource, pod);
      if (at) related.push({ at, message: `${s.label} is already running then` });
    }
    const who = init ? init.label : 'an init container';
    const plus = sidecarsBefore.length > 0 ? ` plus the sidecar${sidecarsBefore.length > 1 ? 's' : ''} started before it` : '';
    return { reason: `the peak while ${who} runs${plus} (the app containers and sidecars need only ${steady} afterwards)`, related };
  }
  const parts = [...pod.containers, ...pod.initContainers.filter((c) => c.role === 'sidecar')];
  for (const c of parts) {
    const at = requestRef(c, resource, pod);
    if (at) related.push({ at, message: `${c.label} counts towards the aggregate` });
  }
  return { reason: 'the sum of the app containers and sidecars', related };
}
