import { defineRule } from './types';
import { initLike } from './hygieneUtils';
import { mapValue, scalarText } from '../service/parse/nav';
import { readOnlyMountFix } from '../service/fixes/hygiene';

const SENSITIVE = /^(\/|\/etc\/?|\/var\/run\/docker\.sock|\/run\/containerd\/containerd\.sock|\/var\/run\/crio\/crio\.sock|\/var\/lib\/kubelet\/?|\/proc\/?|\/sys\/?|\/root\/?)$/;

export const initWritableHostpath = defineRule({
  meta: {
    id: 'init-writable-hostpath',
    catalogueId: 'H14',
    group: 'hygiene',
    description: 'An init container or sidecar that mounts a `hostPath` volume read-write, or mounts a sensitive host path (`/`, `/etc`, the container runtime socket) at all.',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      writable: '{{container}} mounts the host directory `{{path}}` (volume `{{volume}}`) read-write: whatever the step writes lands on the node and survives the pod. Mount it `readOnly: true`, or use an `emptyDir` or a PersistentVolumeClaim.',
      sensitive: '{{container}} mounts the sensitive host path `{{path}}` (volume `{{volume}}`){{readOnly}}: access to it is close to control of the node.',
    },
  },
  checkPod(pod, context) {
    const hostPaths = new Map(pod.volumes.filter((v) => v.source === 'hostPath' && v.name).map((v) => [v.name as string, scalarText(mapValue(v.sourceRef, 'path', pod.yaml)) ?? '?']));
    if (hostPaths.size === 0) return;
    for (const container of initLike(pod)) {
      const label = container.label.charAt(0).toUpperCase() + container.label.slice(1);
      for (const mount of container.volumeMounts) {
        const path = mount.name === undefined ? undefined : hostPaths.get(mount.name);
        if (path === undefined || !mount.nameRef) continue;
        const data = { container: label, path, volume: mount.name ?? '', readOnly: mount.readOnly ? ' (even read-only)' : '' };
        if (SENSITIVE.test(path)) context.report({ at: mount.nameRef, messageId: 'sensitive', data });
        else if (!mount.readOnly) context.report({ at: mount.nameRef, messageId: 'writable', data, fix: { readOnly: true } });
      }
    }
  },
  fix: readOnlyMountFix,
});
