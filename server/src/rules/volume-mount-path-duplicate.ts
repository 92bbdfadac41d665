import { defineRule } from './types';
import type { VolumeMountModel } from '../service/model/types';
import { mapGet, scalarText, seqItems } from '../service/parse/nav';
import type { NodeRef } from '../service/parse/nav';
import { containerNames } from './apiText';
import { duplicateMountFix } from '../service/fixes/values';

interface Device {
  readonly index: number;
  readonly name: string | undefined;
  readonly nameRef: NodeRef | undefined;
  readonly path: string | undefined;
  readonly pathRef: NodeRef | undefined;
}

export const volumeMountPathDuplicate = defineRule({
  meta: {
    id: 'volume-mount-path-duplicate',
    catalogueId: 'E11',
    group: 'api',
    description: 'Two `volumeMounts` of one container with the same `mountPath`, or a mount that reuses a `volumeDevices` name or path.',
    defaultSeverity: 'error',
    fixable: true,
    versions: 'Rejected by every Kubernetes version.',
    messages: {
      duplicatePath:
        '{{Container}} mounts two volumes at "{{mountPath}}" ({{first}} and {{second}}): each mount of a container needs its own path. API server: `{{path}}: Invalid value: "{{mountPath}}": must be unique`',
      deviceName:
        '{{Container}} uses the volume "{{name}}" both as a mount and as a block device (`volumeDevices`); a volume can be one or the other. API server: `{{path}}: Invalid value: "{{name}}": must not already exist in volumeDevices`',
      devicePath:
        '{{Container}} mounts a volume at "{{mountPath}}", which is also the path of a block device (`volumeDevices`). API server: `{{path}}: Invalid value: "{{mountPath}}": must not already exist as a path in volumeDevices`',
    },
  },
  checkPod(pod, context) {
    for (const container of pod.allContainers) {
      const devices = readDevices(container.pairs.get('volumeDevices')?.value, pod.yaml);
      const seen = new Map<string, VolumeMountModel>();
      for (const mount of container.volumeMounts) {
        const base = `${container.path}.volumeMounts[${mount.index}]`;
        const mountPath = mount.mountPath;
        if (mountPath !== undefined && mount.mountPathRef) {
          const first = seen.get(mountPath);
          if (first) {
            context.report({
              at: mount.mountPathRef,
              messageId: 'duplicatePath',
              data: { ...containerNames(container), mountPath, first: describe(first), second: describe(mount), path: `${base}.mountPath` },
              related: first.mountPathRef ? [{ at: first.mountPathRef, message: `"${mountPath}" is first used by the mount of ${describe(first)}` }] : [],
              fix: { mountPath, index: mount.index },
            });
          } else seen.set(mountPath, mount);
          const device = devices.find((d) => d.path === mountPath);
          if (device) {
            context.report({
              at: mount.mountPathRef,
              messageId: 'devicePath',
              data: { ...containerNames(container), mountPath, path: `${base}.mountPath` },
              related: device.pathRef ? [{ at: device.pathRef, message: `the device path of \`volumeDevices[${device.index}]\`` }] : [],
            });
          }
        }
        const device = mount.name === undefined ? undefined : devices.find((d) => d.name === mount.name);
        if (device && mount.nameRef) {
          context.report({
            at: mount.nameRef,
            messageId: 'deviceName',
            data: { ...containerNames(container), name: mount.name ?? '', path: `${base}.name` },
            related: device.nameRef ? [{ at: device.nameRef, message: `\`volumeDevices[${device.index}]\` uses the same volume` }] : [],
          });
        }
      }
    }
  },
  fix: duplicateMountFix,
});

function describe(mount: VolumeMountModel): string {
  return mount.name === undefined ? `\`volumeMounts[${mount.index}]\`` : `\`${mount.name}\``;
}

function readDevices(list: NodeRef | undefined, yaml: Parameters<typeof seqItems>[1]): Device[] {
  return seqItems(list, yaml).map(({ index, ref }) => {
    const nameRef = mapGet(ref, 'name', yaml)?.value;
    const pathRef = mapGet(ref, 'devicePath', yaml)?.value;
    return { index, name: scalarText(nameRef), nameRef, path: scalarText(pathRef), pathRef };
  });
}
