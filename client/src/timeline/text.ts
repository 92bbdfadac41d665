import type { StartupTimeline, TimelineEffective } from '../../../server/src/protocol';
import { escapeHtml, objectTitle, phaseExplanation, requestsPhrase } from './format';

/** One plain-text paragraph saying what the drawing shows (the SVG's `<desc>`). */
export function describeTimeline(t: StartupTimeline): string {
  const steps = sequenceSteps(t).map((s, i) => `${i + 1}. ${s}`);
  const effective = t.effectiveRequests.map((e) => effectiveSentence(t, e)).join('; ');
  return `${objectTitle(t)}: ${steps.join(' ')} Effective pod requests: ${effective || 'none set'}. QoS class ${t.qos}.`;
}

/** The startup sequence as sentences, init containers in order then the app containers together. */
export function sequenceSteps(t: StartupTimeline): string[] {
  const steps: string[] = [];
  const running: string[] = [];
  for (const c of t.containers) {
    if (c.role === 'app') continue;
    const during = running.length > 0 ? ` while ${running.join(', ')} ${running.length === 1 ? 'runs' : 'run'}` : '';
    if (c.role === 'sidecar') {
      steps.push(`${c.name} (sidecar) starts${during} and keeps running; ${requestsPhrase(c.requests)}.`);
      running.push(c.name);
    } else {
      steps.push(`${c.name} (init) runs to completion${during}; ${requestsPhrase(c.requests)}.`);
    }
  }
  const apps = t.containers.filter((c) => c.role === 'app');
  if (apps.length > 0) {
    const list = apps.map((c) => `${c.name} (${requestsPhrase(c.requests)})`).join(', ');
    const with_ = running.length > 0 ? ` alongside ${running.join(', ')}` : '';
    steps.push(`Then ${apps.length === 1 ? 'the app container' : 'the app containers'} ${list} ${apps.length === 1 ? 'runs' : 'run together'}${with_}.`);
  }
  return steps;
}

function effectiveSentence(t: StartupTimeline, e: TimelineEffective): string {
  const overhead = e.overhead ? `, including pod overhead ${e.overhead}` : '';
  return `${e.resource} ${e.value}, set by ${phaseExplanation(t, e.phase, e.initIndex)}${overhead}`;
}

/** The accessible text alternative shown under the drawing: the sequence as a list and the effective figures as a table. */
export function renderTextAlternative(t: StartupTimeline): string {
  const items = sequenceSteps(t)
    .map((s) => `<li>${escapeHtml(s)}</li>`)
    .join('');
  const rows = (list: readonly TimelineEffective[], kind: string): string =>
    list
      .map(
        (e) =>
          `<tr><th scope="row">${escapeHtml(`${kind} ${e.resource}`)}</th><td class="num">${escapeHtml(e.value)}</td><td>${escapeHtml(phaseExplanation(t, e.phase, e.initIndex))}${e.overhead ? escapeHtml(` + overhead ${e.overhead}`) : ''}</td></tr>`,
      )
      .join('');
  const body = rows(t.effectiveRequests, 'requests') + rows(t.effectiveLimits, 'limits');
  return [
    `<section class="alt" aria-label="Startup sequence as text">`,
    `<h2>Startup sequence</h2>`,
    `<ol id="sequence">${items}</ol>`,
    `<h2>Effective pod resources</h2>`,
    body
      ? `<table id="effective"><thead><tr><th scope="col">resource</th><th scope="col">value</th><th scope="col">set by</th></tr></thead><tbody>${body}</tbody></table>`
      : `<p id="effective">No container sets requests or limits.</p>`,
    `<p class="qos">QoS class: <strong>${escapeHtml(t.qos)}</strong> · pod restartPolicy: ${escapeHtml(t.restartPolicy)}</p>`,
    `</section>`,
  ].join('\n');
}
