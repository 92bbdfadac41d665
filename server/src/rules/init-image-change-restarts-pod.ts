import { defineRule } from './types';
import { mapPath, mapValue, scalarText } from '../service/parse/nav';
import type { K8sObject } from './types';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
/** Fields only the API server sets: a manifest that has them was exported from a live object. */
const SERVER_FIELDS = ['resourceVersion', 'uid', 'creationTimestamp'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Init container images by name, from the `last-applied-configuration` annotation; undefined when absent or not JSON. */
function lastAppliedImages(object: K8sObject): Map<string, string> | undefined {
  const text = scalarText(mapPath(object.ref, ['metadata', 'annotations', LAST_APPLIED], object.yaml));
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const spec = isRecord(parsed) ? parsed['spec'] : undefined;
  const inits = isRecord(spec) ? spec['initContainers'] : undefined;
  const out = new Map<string, string>();
  if (Array.isArray(inits)) {
    for (const c of inits) if (isRecord(c) && typeof c['name'] === 'string' && typeof c['image'] === 'string') out.set(c['name'], c['image']);
  }
  return out;
}

function serverField(object: K8sObject): string | undefined {
  const metadata = object.pairs.get('metadata')?.value;
  return SERVER_FIELDS.find((f) => mapValue(metadata, f, object.yaml) !== undefined);
}

/**
 * W18: an existing bare Pod (the manifest carries server-set metadata) whose regular init container
 * image is edited: the only init-container change the API accepts, and it restarts the whole Pod.
 * With the `last-applied-configuration` annotation, only an image that differs from it is reported;
 * without it, every regular init container image of such an exported Pod is.
 */
export const initImageChangeRestartsPod = defineRule({
  meta: {
    id: 'init-image-change-restarts-pod',
    catalogueId: 'W18',
    group: 'runtime',
    description: 'Editing the image of a regular init container of an existing bare Pod restarts the whole Pod.',
    defaultSeverity: 'information',
    fixable: false,
    messages: {
      imageChanged:
        'The image of {{container}} was `{{previous}}` when this Pod was last applied. Changing an init container image of an existing Pod is equivalent to restarting the Pod: every init container runs again and the app containers are restarted. (Changing a sidecar image restarts only that sidecar.) Prefer a controller (Deployment, Job) that replaces Pods.',
      existingPod:
        'This manifest is an existing Pod (it carries `metadata.{{field}}`, set by the API server). Changing the image of {{container}} is the only init-container change the API accepts, and it is equivalent to restarting the Pod: every init container runs again and the app containers are restarted. (Changing a sidecar image restarts only that sidecar.)',
    },
  },
  checkPod(pod, context) {
    const object = pod.owner;
    if (object.kind !== 'Pod' || object.apiVersion !== 'v1') return;
    const previous = lastAppliedImages(object);
    const field = previous ? undefined : serverField(object);
    if (!previous && !field) return;
    for (const container of pod.initContainers) {
      if (container.role !== 'init') continue;
      const imageRef = container.pairs.get('image')?.value;
      const image = scalarText(imageRef);
      if (!imageRef || image === undefined) continue;
      if (previous) {
        const before = container.name === undefined ? undefined : previous.get(container.name);
        if (before === undefined || before === image) continue;
        context.report({ at: imageRef, messageId: 'imageChanged', data: { container: container.label, previous: before } });
      } else if (field) {
        context.report({ at: imageRef, messageId: 'existingPod', data: { container: container.label, field } });
      }
    }
  },
});
