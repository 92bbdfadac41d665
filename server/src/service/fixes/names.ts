import type { FixAction, FixInput } from '../../rules/types';
import type { ContainerModel } from '../model/types';
import { addToSeqOf } from '../edits/index';
import type { EditContext } from '../edits/index';
import { editable } from '../edits/locate';
import { action, closest, containerTarget, nameOf, podTarget, replaceValue, uniqueName } from './common';

function freshName(container: ContainerModel, name: string, taken: ReadonlySet<string>): string {
  switch (container.role) {
    case 'init':
      return uniqueName(name.startsWith('init') ? name : `init-${name}`, taken);
    case 'sidecar':
      return uniqueName(name.endsWith('sidecar') ? name : `${name}-sidecar`, taken);
    case 'ephemeral':
      return uniqueName(`debug-${name}`, taken);
    case 'app':
      return uniqueName(name, taken);
  }
}

function renameFix(ctx: EditContext, container: ContainerModel, name: string, taken: ReadonlySet<string>, preferred: boolean): FixAction[] {
  if (!editable(container.ref)) return [];
  const fresh = freshName(container, name, taken);
  const who = container.role === 'app' ? 'container' : container.role === 'sidecar' ? 'sidecar' : `${container.role} container`;
  return action(`Rename ${who} ${nameOf(container)} to \`${fresh}\``, replaceValue(ctx, container.pairs.get('name')?.value, fresh), preferred);
}

/**
 * E07: renames a duplicate to a unique name. When an app container shares its name with an init
 * container or sidecar, renaming that one (`init-app`) is preferred: the app's name is what other
 * objects and tools refer to.
 */
export function uniqueContainerNameFix(input: FixInput): FixAction[] {
  const t = containerTarget(input);
  const name = t?.container.name;
  if (!t || !name) return [];
  const taken = new Set(t.pod.allContainers.map((c) => c.name).filter((n): n is string => n !== undefined));
  const other = t.container.role === 'app' ? t.pod.initContainers.find((c) => c.name === name) : undefined;
  if (other) return [...renameFix(t.ctx, other, name, taken, true), ...renameFix(t.ctx, t.container, name, taken, false)];
  return renameFix(t.ctx, t.container, name, taken, true);
}

/** E10: adds an `emptyDir` volume of the mounted name to the pod (creating `volumes:`), or fixes a misspelt name. */
export function missingVolumeFixes(input: FixInput): FixAction[] {
  const name = (input.data.fix as { name?: string } | undefined)?.name;
  const t = podTarget(input);
  if (!t || !name) return [];
  const out: FixAction[] = [];
  const known = t.pod.volumes.map((v) => v.name).filter((n): n is string => n !== undefined);
  const typo = closest(name, known);
  const c = containerTarget(input);
  const mount = c?.container.volumeMounts.find((m) => m.nameRef !== undefined && t.at >= m.nameRef.span.start && t.at <= m.nameRef.span.end);
  if (typo && c && mount) out.push(...action(`Change the mount to the volume \`${typo}\``, replaceValue(t.ctx, mount.nameRef, typo), true));
  out.push(...action(`Add an \`emptyDir\` volume \`${name}\` to the pod`, addToSeqOf(t.ctx, t.map, 'volumes', { name, emptyDir: {} }), typo === undefined));
  return out;
}
