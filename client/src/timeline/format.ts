import type { StartupTimeline, TimelineContainer, TimelineResources, TimelineRole } from '../../../server/src/protocol';

/** Escapes text for HTML and SVG (element content and attribute values). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const RESOURCE_ORDER = ['cpu', 'memory', 'ephemeral-storage'];

/** Resource names in a stable order: cpu, memory, ephemeral-storage, then the rest alphabetically. */
export function resourceNames(...lists: readonly TimelineResources[]): string[] {
  const names = new Set<string>();
  for (const list of lists) for (const name of Object.keys(list)) names.add(name);
  return [...names].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

function rank(name: string): number {
  const i = RESOURCE_ORDER.indexOf(name);
  return i === -1 ? RESOURCE_ORDER.length : i;
}

/** `cpu 100m · memory 128Mi`, or `no requests`. */
export function formatResources(list: TimelineResources, empty = 'no requests'): string {
  const names = resourceNames(list);
  if (names.length === 0) return empty;
  return names.map((n) => `${n} ${list[n]}`).join(' · ');
}

/** `requests cpu 100m · memory 128Mi`, or `sets no requests`. */
export function requestsPhrase(list: TimelineResources): string {
  return resourceNames(list).length === 0 ? 'sets no requests' : `requests ${formatResources(list)}`;
}

export const ROLE_LABEL: Readonly<Record<TimelineRole, string>> = { init: 'init', sidecar: 'sidecar', app: 'app' };

/** `Deployment web` (or just the kind). */
export function objectTitle(t: StartupTimeline): string {
  return t.object.name ? `${t.object.kind} ${t.object.name}` : t.object.kind;
}

/** The init container that starts in phase `i`, if any. */
export function initContainerAt(t: StartupTimeline, initIndex: number | undefined): TimelineContainer | undefined {
  if (initIndex === undefined) return undefined;
  return t.containers.find((c) => c.role !== 'app' && c.index === initIndex);
}

/** "the init peak while `migrate` runs", "the steady state (app containers and sidecars)", "pod-level spec.resources". */
export function phaseExplanation(t: StartupTimeline, phase: 'init' | 'steady' | 'pod-level', initIndex: number | undefined): string {
  if (phase === 'pod-level') return 'pod-level spec.resources';
  if (phase === 'steady') return 'the steady state (app containers and sidecars)';
  const c = initContainerAt(t, initIndex);
  if (!c) return 'the init peak';
  return c.role === 'sidecar' ? `the init peak when sidecar ${c.name} starts` : `the init peak while ${c.name} runs`;
}
