/**
 * The `k8sInit/startupTimeline` request: the startup phases, containers and effective resources of the pod spec
 * at a position, in the shape of `StartupTimeline` (server/src/protocol.ts) that the VS Code view draws.
 */
import type { Position } from 'vscode-languageserver-types';
import type { StartupTimeline, TimelineContainer, TimelineEffective, TimelinePhase, TimelineResources } from '../protocol';
import { podAt } from './cursor';
import type { PodSpecModel } from './model/types';
import type { ParsedFile } from './parsedFile';
import { computeEffectiveResources, formatQuantity } from './resources/index';
import type { AggregateResult, ResourceList } from './resources/index';
import type { Settings } from './settings';
import { startupSequence } from './startup';

function resources(list: ResourceList): TimelineResources {
  const out: Record<string, string> = {};
  for (const [name, q] of list) out[name] = formatQuantity(q);
  return out;
}

function effective(agg: AggregateResult): TimelineEffective[] {
  return [...agg.figures.values()].map((f) => ({
    resource: f.resource,
    value: formatQuantity(f.effective),
    phase: f.phase,
    ...(f.phase === 'init' && f.initPeakIndex !== undefined ? { initIndex: f.initPeakIndex } : {}),
    ...(f.overhead ? { overhead: formatQuantity(f.overhead) } : {}),
  }));
}

export function describeStartup(uri: string, file: ParsedFile, pod: PodSpecModel, settings: Settings): StartupTimeline {
  const base = file.manifest.documents.find((d) => d.podSpecs.includes(pod))?.source.offset ?? 0;
  const seq = startupSequence(pod, settings);
  const e = computeEffectiveResources(pod, settings);
  const containers: TimelineContainer[] = e.containers.map((c) => {
    const step = seq.steps.find((s) => s.container === c.container);
    return {
      name: c.container.name ?? `${c.container.list}[${c.container.index}]`,
      role: c.container.list === 'containers' ? 'app' : (step?.role ?? 'init'),
      index: c.container.index,
      requests: resources(c.requests),
      limits: resources(c.limits),
      range: file.lines.rangeOf(base, c.container.ref.span),
    };
  });
  const steady: Record<string, string> = {};
  for (const f of e.requests.figures.values()) if (f.steady) steady[f.resource] = formatQuantity(f.steady);
  const phases: TimelinePhase[] = [
    ...e.requests.steps.map((s) => ({ kind: 'init' as const, initIndex: s.index, requests: resources(s.use) })),
    { kind: 'steady', requests: steady },
  ];
  const owner = pod.owner;
  return {
    uri,
    object: owner.name !== undefined ? { kind: owner.kind, name: owner.name } : { kind: owner.kind },
    podPath: pod.path,
    range: file.lines.rangeOf(base, pod.ref.span),
    restartPolicy: pod.restartPolicy,
    containers,
    phases,
    effectiveRequests: effective(e.requests),
    effectiveLimits: effective(e.limits),
    qos: e.qos,
    podCount: file.manifest.documents.reduce((n, d) => n + d.podSpecs.length, 0),
  };
}

/** The timeline of the pod spec at `position` (or the file's first), null when the file has none. */
export function getStartupTimeline(uri: string, file: ParsedFile, position: Position, settings: Settings): StartupTimeline | null {
  const pod = podAt(file, file.lines.offsetAt(position));
  return pod ? describeStartup(uri, file, pod, settings) : null;
}
