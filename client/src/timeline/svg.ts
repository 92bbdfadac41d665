import type { StartupTimeline, TimelineContainer } from '../../../server/src/protocol';
import { escapeHtml, formatResources, initContainerAt, requestsPhrase, resourceNames, ROLE_LABEL } from './format';
import { describeTimeline } from './text';

/** Layout constants (SVG user units; the SVG scales to the view's width). */
export const LAYOUT = {
  margin: 16,
  columnWidth: 168,
  headerHeight: 46,
  rowHeight: 48,
  barHeight: 24,
  footerLineHeight: 16,
  charWidth: 7,
} as const;

interface Bar {
  readonly container: TimelineContainer;
  /** Position of the container in `timeline.containers` (what a click reveals). */
  readonly position: number;
  readonly x0: number;
  readonly x1: number;
  readonly runsOn: boolean;
}

/** The drawn timeline: one column per phase, one row per container. */
export function renderTimelineSvg(t: StartupTimeline): string {
  const { margin, columnWidth, headerHeight, rowHeight } = LAYOUT;
  const phases = Math.max(t.phases.length, 1);
  const width = margin * 2 + phases * columnWidth;
  const col = (i: number): number => margin + i * columnWidth;
  const bars = t.containers.map((c, position) => barFor(c, position, t, col));
  const rowsTop = headerHeight + 8;
  const footerTop = rowsTop + bars.length * rowHeight + 8;
  const resources = resourceNames(...t.phases.map((p) => p.requests));
  const footerLines = Math.max(resources.length, 1) + 1;
  const height = footerTop + footerLines * LAYOUT.footerLineHeight + margin + 22;

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="tl-title tl-desc">`,
    `<title id="tl-title">Startup timeline of ${escapeHtml(t.object.kind)}${t.object.name ? ` ${escapeHtml(t.object.name)}` : ''}</title>`,
    `<desc id="tl-desc">${escapeHtml(describeTimeline(t))}</desc>`,
  );
  // Phase columns with headers; the columns that set an effective request are marked.
  t.phases.forEach((phase, i) => {
    const setting = t.effectiveRequests.filter((e) => (phase.kind === 'steady' ? e.phase === 'steady' : e.phase === 'init' && e.initIndex === phase.initIndex));
    const cls = setting.length > 0 ? 'phase peak' : 'phase';
    parts.push(`<g class="${cls}" data-phase="${i}">`);
    parts.push(`<rect class="phase-bg" x="${col(i)}" y="${margin}" width="${columnWidth}" height="${footerTop - margin}" rx="4"/>`);
    const starter = initContainerAt(t, phase.initIndex);
    const verb = starter?.role === 'sidecar' ? 'starts' : 'runs';
    const head = phase.kind === 'steady' ? 'app containers run' : truncate(`${i + 1}. ${starter?.name ?? 'init container'} ${verb}`, Math.floor((columnWidth - 12) / LAYOUT.charWidth));
    parts.push(`<text class="phase-label" x="${col(i) + 8}" y="${margin + 16}">${escapeHtml(head)}</text>`);
    if (setting.length > 0) {
      parts.push(`<text class="peak-label" x="${col(i) + 8}" y="${margin + 32}">sets ${escapeHtml(setting.map((e) => e.resource).join(', '))}</text>`);
    }
    parts.push('</g>');
  });
  bars.forEach((bar, row) => parts.push(renderBar(bar, rowsTop + row * rowHeight)));
  // Footer: what the pod requests in each phase, then the effective requests.
  parts.push(`<g class="usage">`);
  parts.push(`<text class="usage-title" x="${margin}" y="${footerTop + 12}">pod requests in each phase</text>`);
  t.phases.forEach((phase, i) => {
    resources.forEach((name, line) => {
      const value = phase.requests[name];
      const peak = t.effectiveRequests.some((e) => e.resource === name && (phase.kind === 'steady' ? e.phase === 'steady' : e.phase === 'init' && e.initIndex === phase.initIndex));
      const y = footerTop + (line + 2) * LAYOUT.footerLineHeight;
      parts.push(`<text class="usage-value${peak ? ' peak' : ''}" x="${col(i) + 8}" y="${y}" data-resource="${escapeHtml(name)}">${escapeHtml(`${name} ${value ?? '0'}`)}</text>`);
    });
  });
  parts.push('</g>');
  const effective = t.effectiveRequests.length > 0 ? t.effectiveRequests.map((e) => `${e.resource} ${e.value}`).join(' · ') : 'none set';
  parts.push(`<text class="effective" x="${margin}" y="${height - margin}">${escapeHtml(`Effective pod requests: ${effective} · QoS ${t.qos}`)}</text>`);
  parts.push('</svg>');
  return parts.join('\n');
}

function barFor(c: TimelineContainer, position: number, t: StartupTimeline, col: (i: number) => number): Bar {
  const inset = 6;
  const last = Math.max(t.phases.length, 1);
  const steady = last - 1;
  if (c.role === 'app') return { container: c, position, x0: col(steady) + inset, x1: col(last) - inset, runsOn: false };
  const start = phaseOf(t, c.index);
  if (c.role === 'sidecar') return { container: c, position, x0: col(start) + inset, x1: col(last) - inset, runsOn: true };
  return { container: c, position, x0: col(start) + inset, x1: col(start + 1) - inset, runsOn: false };
}

function phaseOf(t: StartupTimeline, initIndex: number): number {
  const i = t.phases.findIndex((p) => p.kind === 'init' && p.initIndex === initIndex);
  return i === -1 ? initIndex : i;
}

function renderBar(bar: Bar, top: number): string {
  const { barHeight, charWidth } = LAYOUT;
  const c = bar.container;
  const width = bar.x1 - bar.x0;
  const requests = formatResources(c.requests);
  const label = `${c.name} (${ROLE_LABEL[c.role]}${bar.runsOn ? ', keeps running' : ''}): ${requestsPhrase(c.requests)}`;
  const maxChars = Math.max(4, Math.floor((width - 16) / charWidth));
  const out: string[] = [];
  out.push(`<g class="bar role-${c.role}" data-container="${bar.position}" tabindex="0" role="button" aria-label="${escapeHtml(`${label}. Reveal in editor`)}">`);
  out.push(`<title>${escapeHtml(label)}</title>`);
  out.push(`<rect class="bar-rect" x="${bar.x0}" y="${top}" width="${width}" height="${barHeight}" rx="5"/>`);
  if (bar.runsOn) {
    const y = top + barHeight / 2;
    out.push(`<path class="runs-on" d="M${bar.x1 - 10} ${y - 6} L${bar.x1 - 3} ${y} L${bar.x1 - 10} ${y + 6}"/>`);
  }
  out.push(`<text class="bar-name" x="${bar.x0 + 8}" y="${top + 16}">${escapeHtml(truncate(c.name, maxChars))}</text>`);
  out.push(`<text class="bar-requests" x="${bar.x0 + 2}" y="${top + barHeight + 14}">${escapeHtml(truncate(requests, maxChars + 2))}</text>`);
  out.push('</g>');
  return out.join('');
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}
