import { defineRule } from './types';
import { sentence } from './commandUtils';
import type { ContainerModel, PodSpecModel } from './types';
import { analyzeContainer } from '../service/command/analyze';
import type { CommandUse } from '../service/command/analyze';
import { commandKey } from '../service/command/effective';
import { riskyWrites } from '../service/command/patterns/idempotency';
import type { WriteKind } from '../service/command/patterns/idempotency';

/** Volume sources whose data survives an init container's re-run (not configMap/secret/downwardAPI/projected). */
const READ_ONLY_SOURCES = new Set(['configMap', 'secret', 'downwardAPI', 'projected', 'image']);

const WHAT: Readonly<Record<WriteKind, { what: string; consequence: string; fix: string }>> = {
  mkdir: { what: 'runs `mkdir` without `-p`', consequence: 'fails with `File exists`', fix: '`mkdir -p`' },
  'git-clone': { what: 'runs `git clone` into a directory', consequence: 'fails with `destination path already exists and is not an empty directory`', fix: 'a guard (`[ -d <dir>/.git ] || git clone …`) or `git-sync --one-time`' },
  mv: { what: 'moves (`mv`) a file out of', consequence: 'fails because the source is gone after the first run', fix: '`cp` instead of `mv`, or a guard' },
  ln: { what: 'runs `ln` without `-f`', consequence: 'fails with `File exists`', fix: '`ln -sf`' },
  append: { what: 'appends (`>>`) to a file', consequence: 'appends the same content again', fix: 'writing the file with `>` first, or checking for the line before appending' },
};

/**
 * W17: a regular init container whose command writes to a volume in a way that breaks on a second run:
 * `mkdir` without `-p`, `git clone` into a directory, `mv` out of the volume, `ln` without `-f`, `>>`
 * appends. Only literal paths on a writable volume mount count; a write inside an `if`/`case` branch,
 * after `&&`/`||`, followed by `|| …`, preceded by a test of the same path or by an `rm`/`>` of it is
 * considered guarded. For commands that can fail, the failure must matter: `set -e`/`sh -e`, the last
 * command, or an exec-form command.
 */
export const initNotIdempotent = defineRule({
  meta: {
    id: 'init-not-idempotent',
    catalogueId: 'W17',
    group: 'runtime',
    description: 'An init container that writes to a volume in a way that fails or duplicates data when it runs again.',
    defaultSeverity: 'information',
    fixable: false,
    messages: {
      notIdempotent:
        '{{Container}} {{what}} on the volume `{{volume}}` (`{{path}}`). Init containers run again when the pod restarts or its sandbox is recreated, and the data on `{{volume}}` is still there, so the second run {{consequence}}. Prefer {{fix}}.',
    },
  },
  checkPod(pod, context) {
    for (const container of pod.initContainers) {
      if (container.role !== 'init') continue;
      const mounts = writableMounts(container, pod);
      if (mounts.length === 0) continue;
      const analysis = analyzeContainer(container, pod.yaml);
      const key = commandKey(analysis.command, analysis.scriptWord);
      if (!key) continue;
      const uses = analysis.uses;
      const found = firstRisk(uses, mounts);
      if (!found) continue;
      const w = WHAT[found.kind];
      context.report({
        at: key,
        messageId: 'notIdempotent',
        data: { container: container.label, Container: sentence(container.label), what: w.what, consequence: w.consequence, fix: w.fix, volume: found.volume, path: found.path },
      });
    }
  },
});

interface Mount {
  readonly path: string;
  readonly volume: string;
}

function writableMounts(container: ContainerModel, pod: PodSpecModel): Mount[] {
  const out: Mount[] = [];
  for (const m of container.volumeMounts) {
    if (m.readOnly || !m.mountPath || !m.name) continue;
    const volume = pod.volumes.find((v) => v.name === m.name);
    if (!volume || (volume.source !== undefined && READ_ONLY_SOURCES.has(volume.source))) continue;
    out.push({ path: m.mountPath.length > 1 ? m.mountPath.replace(/\/+$/, '') : m.mountPath, volume: m.name });
  }
  return out;
}

function onMount(path: string, mounts: readonly Mount[]): Mount | undefined {
  if (!path.startsWith('/') || /[$`*?]/.test(path)) return undefined;
  const p = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return mounts.find((m) => p === m.path || p.startsWith(m.path === '/' ? '/' : `${m.path}/`));
}

function firstRisk(uses: readonly CommandUse[], mounts: readonly Mount[]): { kind: WriteKind; path: string; volume: string } | undefined {
  for (let i = 0; i < uses.length; i++) {
    const u = uses[i] as CommandUse;
    if (u.background || u.inSubstitution || u.inCondition || u.conditional || u.tolerated) continue;
    const earlier = uses.slice(0, i);
    if (u.errexit || u.last) {
      for (const w of riskyWrites(u.argv)) {
        const mount = onMount(w.path, mounts);
        if (mount && !guarded(w.path, earlier)) return { kind: w.kind, path: w.path, volume: mount.volume };
      }
    }
    for (const target of appendTargets(u)) {
      const mount = onMount(target, mounts);
      if (mount && !guarded(target, earlier) && !truncatedBefore(target, earlier)) return { kind: 'append', path: target, volume: mount.volume };
    }
  }
  return undefined;
}

function appendTargets(u: CommandUse): string[] {
  const out = u.redirects.filter((r) => /^\d*>>$|^&>>$/.test(r.op) && r.target && !r.target.expands).map((r) => (r.target?.value ?? ''));
  if (u.name === 'tee' && u.args.some((a) => a === '-a' || a === '--append')) out.push(...u.args.filter((a) => !a.startsWith('-')));
  return out;
}

/** An earlier test / removal mentions the path (or a path inside it, or its parent). */
function guarded(path: string, earlier: readonly CommandUse[]): boolean {
  const related = (a: string): boolean => a === path || a.startsWith(`${path}/`) || path.startsWith(`${a.replace(/\/+$/, '')}/`);
  return earlier.some((u) => (u.name === '[' || u.name === '[[' || u.name === 'test' || u.name === 'rm' || u.name === 'find') && u.args.some(related));
}

function truncatedBefore(path: string, earlier: readonly CommandUse[]): boolean {
  return earlier.some((u) => u.redirects.some((r) => /^\d*>$|^>\|$|^&>$/.test(r.op) && r.target?.value === path) || (u.name === 'tee' && !u.args.includes('-a') && u.args.includes(path)));
}
