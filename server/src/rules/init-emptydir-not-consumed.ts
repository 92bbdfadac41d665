import { defineRule } from './types';
import type { ContainerModel } from './types';
import type { Document } from 'yaml';
import { scalarValue, mapValue } from '../service/parse/nav';
import type { VolumeMountModel } from '../service/model/types';
import { consumeVolumeFix } from '../service/fixes/runtime';

/**
 * Directories that are scratch space by convention: whatever a container writes there is temporary
 * (lock files, sockets, temp files). An emptyDir mounted exactly there is not a hand-off.
 */
const SCRATCH_DIRS = new Set(['/tmp', '/var/tmp', '/run', '/var/run', '/run/lock', '/var/lock', '/dev/shm']);

function normalizePath(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

function readOnlyRootFs(container: ContainerModel, yaml: Document.Parsed): boolean {
  return scalarValue(mapValue(container.pairs.get('securityContext')?.value, 'readOnlyRootFilesystem', yaml)) === true;
}

/**
 * W09: an emptyDir that regular init containers mount but no app container or sidecar does. Policy
 * (false positives are worse than misses):
 * - mounted by an app container or a sidecar, or by two or more init containers (an init-phase
 *   hand-off), or only read-only → silent;
 * - mounted exactly at a conventional scratch directory (`/tmp`, `/run`, …) → silent (scratch by design);
 * - the init container has a read-only root filesystem → information: the emptyDir is its only
 *   writable place and may well be scratch space, or be meant for containers added later;
 * - otherwise → warning: what the init container writes there is discarded when it exits.
 */
export const initEmptydirNotConsumed = defineRule({
  meta: {
    id: 'init-emptydir-not-consumed',
    catalogueId: 'W09',
    group: 'runtime',
    description: 'An emptyDir volume written by a regular init container and mounted by no app container or sidecar.',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      notConsumed:
        'The emptyDir `{{volume}}` is mounted by {{container}} (at `{{mountPath}}`) but by no app container or sidecar: whatever it writes there is discarded when it exits. An init container usually hands data to the app through an emptyDir; mount `{{volume}}` in the container that needs it, or drop the volume if it is only scratch space.',
      possiblyScratch:
        'The emptyDir `{{volume}}` is mounted by {{container}} (at `{{mountPath}}`) but by no app container or sidecar in this manifest. That init container has a read-only root filesystem, so this may be its scratch space, or the volume may be meant for containers added later (plugin sidecars, patches, injected containers); otherwise whatever it writes there is discarded when it exits.',
    },
  },
  checkPod(pod, context) {
    for (const volume of pod.volumes) {
      if (volume.source !== 'emptyDir' || volume.name === undefined || !volume.nameRef) continue;
      const users = pod.allContainers.filter((c) => c.role !== 'ephemeral' && c.volumeMounts.some((m) => m.name === volume.name));
      if (users.length !== 1) continue;
      const container = users[0] as ContainerModel;
      if (container.role !== 'init') continue;
      const mounts = container.volumeMounts.filter((m) => m.name === volume.name);
      const writable = mounts.filter((m) => !m.readOnly);
      if (writable.length === 0) continue;
      const paths = writable.map((m) => m.mountPath).filter((p): p is string => p !== undefined);
      if (paths.some((p) => SCRATCH_DIRS.has(normalizePath(p)))) continue;
      const scratch = readOnlyRootFs(container, pod.yaml);
      const mount = writable[0] as VolumeMountModel;
      context.report({
        at: volume.nameRef,
        messageId: scratch ? 'possiblyScratch' : 'notConsumed',
        severity: scratch ? 'information' : 'warning',
        data: { volume: volume.name, container: container.label, mountPath: paths.join('`, `') || '?' },
        related: [{ at: mount.nameRef ?? mount.ref, message: `mounted by ${container.label}` }],
      });
    }
  },
  fix: consumeVolumeFix,
});
