/**
 * A code lens above each pod spec's `initContainers` key summarising the startup order and the effective
 * request: `startup: wait-for-db → migrate → app · requests 1350m / 1336Mi · Burstable`. Clicking it runs
 * `k8sInit.showStartupTimeline` with `(uri, position)`. Off with `settings.codeLens.enabled: false`.
 */
import type { CodeLens } from 'vscode-languageserver-types';
import type { PodSpecModel } from './model/types';
import type { ParsedFile } from './parsedFile';
import { computeEffectiveResources, formatQuantity } from './resources/index';
import type { Settings } from './settings';
import { startupSequence } from './startup';
/** Same value as SHOW_STARTUP_TIMELINE_COMMAND in server/src/protocol.ts (kept here so the pure service does not load the protocol runtime). */
export const SHOW_STARTUP_TIMELINE_COMMAND = 'k8sInit.showStartupTimeline';

export function startupSummary(pod: PodSpecModel, settings: Settings): string {
  const seq = startupSequence(pod, settings);
  const named = (n: string | undefined, i: number): string => (n !== undefined && n !== '' ? n : `#${i + 1}`);
  const steps = seq.steps.map((s) => `${named(s.container.name, s.container.index)}${s.role === 'sidecar' ? ' (sidecar)' : ''}`);
  const apps = seq.apps.map((c) => named(c.name, c.index)).join(' + ');
  const order = [...steps, ...(apps ? [apps] : [])].join(' → ');
  const e = computeEffectiveResources(pod, settings);
  const cpu = e.requests.figures.get('cpu');
  const memory = e.requests.figures.get('memory');
  let requests: string;
  if (cpu && memory) requests = `requests ${formatQuantity(cpu.effective)} / ${formatQuantity(memory.effective)}`;
  else if (cpu) requests = `requests cpu ${formatQuantity(cpu.effective)}`;
  else if (memory) requests = `requests memory ${formatQuantity(memory.effective)}`;
  else requests = 'no requests';
  return `startup: ${order} · ${requests} · ${e.qos}`;
}

export function getCodeLenses(uri: string, file: ParsedFile, settings: Settings): CodeLens[] {
  if (!settings.codeLens.enabled) return [];
  const lenses: CodeLens[] = [];
  for (const document of file.manifest.documents) {
    for (const pod of document.podSpecs) {
      const pair = pod.pairs.get('initContainers');
      if (!pair || pair.key.alias || pair.merged) continue;
      const range = file.lines.rangeOf(document.source.offset, pair.key.span);
      lenses.push({
        range,
        command: { title: startupSummary(pod, settings), command: SHOW_STARTUP_TIMELINE_COMMAND, arguments: [uri, range.start] },
      });
    }
  }
  return lenses;
}
