/** The hover on `resources`, `requests`, `limits` (and pod-level `resources`/`overhead`): this pod's effective figures. */
import type { ContainerModel, PodSpecModel } from '../model/types';
import { computeEffectiveResources, formatQuantity, quantityRatio } from '../resources/index';
import type { AggregateResult, ContainerResources, EffectiveResources, Quantity, ResourceFigure, ResourceList } from '../resources/index';
import type { Settings } from '../settings';
import { nameOf } from '../startup';
import { DOCS, cell, link } from './markdown';

/** Where a figure comes from, in words: `init peak: \`migrate\` + sidecars`, `steady: Σ app + sidecars`, … */
export function setByText(e: EffectiveResources, which: 'requests' | 'limits', f: ResourceFigure): string {
  let text: string;
  if (f.phase === 'pod-level') text = 'pod-level `spec.resources`';
  else if (f.phase === 'init') {
    const c = f.initPeakIndex !== undefined ? e.pod.initContainers[f.initPeakIndex] : undefined;
    const step = f.initPeakIndex !== undefined ? e[which].steps[f.initPeakIndex] : undefined;
    const withSidecars = step && !step.sidecar && (step.sidecarSum.get(f.resource)?.nano ?? 0n) > 0n ? ' + running sidecars' : '';
    const who = c ? (step?.sidecar ? `sidecars up to ${nameOf(c)}` : `${nameOf(c)}${withSidecars}`) : 'init containers';
    const peak = f.initPeak ? ` ${formatQuantity(f.initPeak)}` : '';
    text = `init peak${peak} (${who})${f.steady ? `; steady ${formatQuantity(f.steady)}` : ''}`;
  } else {
    const top = largestSteady(e, which, f.resource);
    const steady = f.steady ? ` ${formatQuantity(f.steady)}` : '';
    text = `steady state${steady} (app${hasSidecars(e) ? ' + sidecars' : ''}${top ? `, largest ${nameOf(top)}` : ''})`;
    if (f.initPeak) text += `; init peak ${formatQuantity(f.initPeak)}`;
  }
  if (f.overhead) text += `; + overhead ${formatQuantity(f.overhead)}`;
  return text;
}

function hasSidecars(e: EffectiveResources): boolean {
  return e.containers.some((c) => c.sidecar);
}

function largestSteady(e: EffectiveResources, which: 'requests' | 'limits', resource: string): ContainerModel | undefined {
  let best: { c: ContainerResources; q: Quantity } | undefined;
  for (const c of e.containers) {
    if (c.container.list !== 'containers' && !c.sidecar) continue;
    const q = c[which].get(resource);
    if (q && (!best || q.nano > best.q.nano)) best = { c, q };
  }
  const steadyCount = e.containers.filter((c) => (c.container.list === 'containers' || c.sidecar) && c[which].has(resource)).length;
  return steadyCount > 1 ? best?.c.container : undefined;
}

function listText(list: ResourceList): string {
  if (list.size === 0) return 'none';
  return [...list].map(([k, q]) => `${k} ${formatQuantity(q)}`).join(', ');
}

function qosText(e: EffectiveResources): string {
  const head = `QoS class **${e.qos}**`;
  if (e.podLevelApplied) return `${head} (from pod-level \`spec.resources\`)`;
  if (e.qos === 'Guaranteed') return `${head}: every container, init and sidecar included, sets cpu and memory limits equal to its requests`;
  if (e.qos === 'BestEffort') return `${head}: no container sets cpu or memory requests or limits`;
  const culprits = e.containers.filter((c) => !guaranteedContainer(c)).map((c) => nameOf(c.container));
  const shown = culprits.slice(0, 3).join(', ') + (culprits.length > 3 ? ', …' : '');
  return `${head}: not every container sets cpu and memory limits equal to requests (${shown})`;
}

function guaranteedContainer(c: ContainerResources): boolean {
  return ['cpu', 'memory'].every((r) => {
    const l = c.limits.get(r);
    const q = c.requests.get(r);
    return l !== undefined && l.nano > 0n && q !== undefined && q.nano === l.nano;
  });
}

function unlimitedNote(e: EffectiveResources): string | undefined {
  const notes: string[] = [];
  for (const r of ['cpu', 'memory']) {
    if (!e.limits.figures.has(r) || e.podLevelApplied) continue;
    const missing = e.containers.filter((c) => !c.limits.has(r)).map((c) => nameOf(c.container));
    if (missing.length > 0) notes.push(`${missing.slice(0, 3).join(', ')} ${missing.length > 1 ? 'set' : 'sets'} no ${r} limit, so the pod's ${r} is effectively unlimited at runtime`);
  }
  return notes.length > 0 ? `Note: ${notes.join('; ')}.` : undefined;
}

function table(e: EffectiveResources): string[] {
  const names = new Set([...e.requests.figures.keys(), ...e.limits.figures.keys()]);
  if (names.size === 0) return ['No container of this pod sets requests or limits.'];
  const rows = ['| resource | request | set by | limit | set by |', '|---|---|---|---|---|'];
  const order = [...e.requests.figures.keys(), ...[...e.limits.figures.keys()].filter((k) => !e.requests.figures.has(k))];
  for (const name of order) {
    const col = (which: 'requests' | 'limits', agg: AggregateResult): string[] => {
      const f = agg.figures.get(name);
      return f ? [`**${formatQuantity(f.effective)}**`, cell(setByText(e, which, f))] : ['—', ''];
    };
    rows.push(`| ${cell(name)} | ${[...col('requests', e.requests), ...col('limits', e.limits)].join(' | ')} |`);
  }
  return rows;
}

export function resourcesHover(pod: PodSpecModel, container: ContainerModel | undefined, settings: Settings): string {
  const e = computeEffectiveResources(pod, settings);
  const lines = [`**Effective resources of this pod** · Kubernetes ${settings.kubernetesVersion}`, '', ...table(e), ''];
  const cpu = e.requests.figures.get('cpu');
  if (cpu?.phase === 'init' && cpu.steady && cpu.initPeak) {
    const ratio = quantityRatio(cpu.initPeak, cpu.steady);
    if (ratio !== undefined && ratio >= 2) {
      lines.push(`The init peak of cpu is ${ratio.toFixed(1)}× the steady state: the scheduler reserves it for the pod's whole life.`, '');
    }
  }
  lines.push(`${qosText(e)}.`, '');
  const mine = container ? e.containers.find((c) => c.container === container) : undefined;
  if (mine) {
    const defaulted = mine.defaultedRequests.length > 0 ? ` (${mine.defaultedRequests.join(', ')} copied from limits)` : '';
    lines.push(`This container (${nameOf(mine.container)}): requests ${listText(mine.requests)}${defaulted} · limits ${listText(mine.limits)}.`, '');
  }
  const note = unlimitedNote(e);
  if (note) lines.push(note, '');
  lines.push(
    'Effective = max(steady state, init peak) + overhead; steady state = Σ app containers + Σ sidecars; init peak = max over init containers of (its own + the sidecars started before it).',
    '',
    `${link('Resource sharing', DOCS.sidecarResources)} · ${link('Pod QoS', DOCS.qos)} · ${link('Resource management', DOCS.manageResources)}`,
  );
  return lines.join('\n');
}
