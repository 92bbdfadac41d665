import { defineRule } from './types';
import type { ContainerModel, PodSpecModel } from './types';
import { mapValue, scalarText, seqItems } from '../service/parse/nav';
import { versionAtLeast } from '../service/settings';
import { apiPorts } from './apiPorts';
import { mayShareNamespace, neighbourObjects, objectLabel, podLabels, selectorMatches, stringMap } from './crossObjects';

interface Resolution {
  readonly pod: PodSpecModel;
  readonly container: ContainerModel;
}

/** The container a named port resolves to in a pod spec, when no app container declares it. */
function initOnlyPort(pod: PodSpecModel, name: string): Resolution | undefined {
  let sidecar: ContainerModel | undefined;
  let init: ContainerModel | undefined;
  for (const container of [...pod.initContainers, ...pod.containers]) {
    if (!apiPorts(container, pod.yaml).some((p) => p.name === name)) continue;
    if (container.role === 'app') return undefined;
    if (container.role === 'sidecar') sidecar ??= container;
    else init ??= container;
  }
  const container = sidecar ?? init;
  return container ? { pod, container } : undefined;
}

/**
 * W11: a Service `targetPort` name that, in the pods the Service selects, is declared only on a regular
 * init container (never served: it has exited before the app starts), or only on a sidecar while the
 * target version is before 1.32 (named sidecar ports were not resolved for endpoints). Reported at the
 * Service's `targetPort`; silent when no selected workload is in the file or the open documents.
 */
export const serviceTargetsInitContainerPort = defineRule({
  meta: {
    id: 'service-targets-init-container-port',
    catalogueId: 'W11',
    group: 'runtime',
    description: 'A Service `targetPort` name that the selected pods declare only on an init container (or only on a sidecar before Kubernetes 1.32).',
    defaultSeverity: 'warning',
    fixable: false,
    versions: 'Named ports declared only on native sidecars resolve for Services from Kubernetes 1.32 (kubernetes#127958).',
    messages: {
      initContainer:
        'Service port `{{servicePort}}` targets the named port `{{name}}`, which {{workload}} declares only on {{container}}. Init containers exit before the app containers start and their ports are not aggregated under a Service, so this Service port gets no endpoints. Declare the port on the container that actually listens.',
      sidecarBefore132:
        'Service port `{{servicePort}}` targets the named port `{{name}}`, which {{workload}} declares only on {{container}}. Before Kubernetes 1.32 a named port declared only on a native sidecar is not resolved for a Service (kubernetes#127958), so on {{version}} this Service port gets no endpoints. Use the port number, declare the port on an app container, or target 1.32 or later.',
    },
  },
  crossObject: true,
  checkObject(object, context) {
    if (object.kind !== 'Service' || object.apiVersion !== 'v1') return;
    const spec = object.pairs.get('spec')?.value;
    const selector = stringMap(mapValue(spec, 'selector', object.yaml), object);
    if (selector.size === 0) return;
    const named = seqItems(mapValue(spec, 'ports', object.yaml), object.yaml).filter(({ ref }) => {
      const name = scalarText(mapValue(ref, 'targetPort', object.yaml));
      return name !== undefined && !/^\d+$/.test(name);
    });
    // Numeric target ports only (the common case): nothing to resolve, no other object to read.
    if (named.length === 0) return;
    const pods = neighbourObjects(object, context)
      .filter((o) => o.podSpecs.length > 0 && mayShareNamespace(o, object))
      .flatMap((o) => o.podSpecs)
      .filter((pod) => selectorMatches(selector, podLabels(pod)));
    if (pods.length === 0) return;
    const sidecarPortsWork = versionAtLeast(context.settings, '1.32');
    for (const { ref } of named) {
      const targetRef = mapValue(ref, 'targetPort', object.yaml);
      const name = scalarText(targetRef);
      if (!targetRef || name === undefined || /^\d+$/.test(name)) continue;
      const problem = pods
        .map((pod) => initOnlyPort(pod, name))
        .find((r): r is Resolution => r !== undefined && (r.container.role === 'init' || !sidecarPortsWork));
      if (!problem) continue;
      const servicePort = scalarText(mapValue(ref, 'name', object.yaml)) ?? scalarText(mapValue(ref, 'port', object.yaml)) ?? name;
      context.report({
        at: targetRef,
        messageId: problem.container.role === 'init' ? 'initContainer' : 'sidecarBefore132',
        data: {
          servicePort,
          name,
          workload: objectLabel(problem.pod.owner),
          container: problem.container.label,
          version: context.settings.kubernetesVersion,
        },
      });
    }
  },
});
