/**
 * Inlay hints before each entry of `initContainers` and `containers`: its step in the startup sequence and
 * its role (`1 init`, `2 sidecar`, `3 init`, `app`). Off with `settings.inlayHints.enabled: false`.
 */
import type { InlayHint, Range } from 'vscode-languageserver-types';
import type { ParsedFile } from './parsedFile';
import type { Settings } from './settings';
import { nameOf, startupSequence, stepLabel } from './startup';

export function getInlayHints(file: ParsedFile, range: Range | undefined, settings: Settings): InlayHint[] {
  if (!settings.inlayHints.enabled) return [];
  const from = range ? file.lines.offsetAt(range.start) : 0;
  const to = range ? file.lines.offsetAt(range.end) : file.text.length;
  const hints: InlayHint[] = [];
  for (const document of file.manifest.documents) {
    const base = document.source.offset;
    for (const pod of document.podSpecs) {
      const seq = startupSequence(pod, settings);
      for (const container of [...pod.initContainers, ...pod.containers]) {
        if (container.ref.alias) continue; // an alias entry: no place of its own to annotate
        const at = base + container.ref.span.start;
        if (at < from || at > to) continue;
        const label = stepLabel(seq, container);
        const step = seq.steps.find((s) => s.container === container);
        const tooltip = step?.sidecarUnsupported
          ? `${nameOf(container)} declares restartPolicy: Always, but native sidecars are off for Kubernetes ${settings.kubernetesVersion}: it runs as a regular init container.`
          : `${container.label}: ${label === 'app' ? 'starts after the init steps' : `step ${label}`}`;
        hints.push({ position: file.lines.positionAt(at), label, paddingRight: true, tooltip });
      }
    }
  }
  return hints;
}
