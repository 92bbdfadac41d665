/** Hovers on `initContainers` (the startup sequence) and on a container's `name` (its place in it). */
import type { ContainerModel, PodSpecModel } from '../model/types';
import type { Settings } from '../settings';
import { listWords, nameOf, startupSequence } from '../startup';
import type { StartupSequence, StartupStep } from '../startup';
import { DOCS, code, link } from './markdown';

function names(containers: readonly ContainerModel[]): string {
  return listWords(containers.map(nameOf));
}

function objectTitle(pod: PodSpecModel): string {
  const o = pod.owner;
  return o.name ? `${o.kind} ${code(o.name)}` : o.kind;
}

/** What the next step waits for after this one. */
function proceedsWhen(step: StartupStep): string {
  if (step.role === 'sidecar') {
    return step.hasStartupProbe ? 'the next step starts after its startup probe passes' : 'the next step starts as soon as it has started (no `startupProbe`)';
  }
  return 'must exit 0 before the next step starts';
}

function stepLine(step: StartupStep): string {
  const who = nameOf(step.container);
  const during = step.running.length > 0 ? `, while ${names(step.running)} ${step.running.length > 1 ? 'run' : 'runs'}` : '';
  if (step.role === 'sidecar') return `${step.step}. ${who} (sidecar) starts and keeps running${during}; ${proceedsWhen(step)}`;
  const unsupported = step.sidecarUnsupported ? ' — ⚠ declares `restartPolicy: Always`, but native sidecars are off for this version: it runs as a regular init container' : '';
  return `${step.step}. ${who} (init) runs to completion${during}${unsupported}`;
}

function appsLine(seq: StartupSequence): string {
  const n = seq.steps.length + 1;
  if (seq.apps.length === 0) return `${n}. then the app containers start (none declared)`;
  const together = seq.apps.length > 1 ? `${names(seq.apps)} start together` : `${names(seq.apps)} starts`;
  const along = seq.sidecars.length > 0 ? `, alongside ${names(seq.sidecars)}` : '';
  return `${n}. then ${together}${along}`;
}

/** What happens when an init container fails, given the pod's restartPolicy and the owning workload. */
export function failureText(pod: PodSpecModel): string {
  const policy = pod.restartPolicy;
  const job = pod.workload.kind === 'Job' || pod.workload.kind === 'CronJob';
  let text: string;
  if (policy === 'Never') {
    text = 'a failing init container fails the whole pod (phase `Failed`); nothing after it starts.';
    if (job) text += ` The Job counts the failed pod and creates a new one until ${link('`backoffLimit`', DOCS.jobBackoff)} is reached.`;
  } else {
    text = 'a failing init container is restarted with exponential back-off until it succeeds (`Init:CrashLoopBackOff`); nothing after it starts meanwhile.';
    if (job) text += ` Its restarts count toward the Job's ${link('`backoffLimit`', DOCS.jobBackoff)}.`;
  }
  return `**On failure** (pod ${code(`restartPolicy: ${policy}`)}${pod.restartPolicyPair ? '' : ', the default'}): ${text}`;
}

function shutdownText(seq: StartupSequence): string | undefined {
  if (seq.sidecars.length === 0) return undefined;
  const order = [...seq.sidecars].reverse().map(nameOf).join(', then ');
  const sidecarRestart = 'A sidecar that exits is restarted whatever the pod’s `restartPolicy`.';
  if (seq.pod.workload.runsToCompletion) {
    return `**Shutdown**: once every app container has exited, the sidecars are stopped in reverse start order — ${order} — so they do not keep the pod from completing. ${sidecarRestart}`;
  }
  return `**Shutdown**: the app containers stop first, then the sidecars in reverse start order — ${order}. ${sidecarRestart}`;
}

export function initContainersHover(pod: PodSpecModel, settings: Settings): string {
  const seq = startupSequence(pod, settings);
  const lines = [`**Startup sequence** · ${objectTitle(pod)} · Kubernetes ${settings.kubernetesVersion}`, ''];
  for (const step of seq.steps) lines.push(stepLine(step));
  lines.push(appsLine(seq), '', failureText(pod));
  const shutdown = shutdownText(seq);
  if (shutdown) lines.push('', shutdown);
  if (seq.steps.some((s) => s.sidecarUnsupported)) {
    lines.push('', `⚠ Native sidecars (\`restartPolicy: Always\` on an init container) need Kubernetes 1.29+ (1.28 with the \`SidecarContainers\` gate); selected: ${settings.kubernetesVersion}.`);
  }
  lines.push('', `${link('Init containers', DOCS.init)} · ${link('Sidecar containers', DOCS.sidecar)}`);
  return lines.join('\n');
}

export function containerNameHover(pod: PodSpecModel, container: ContainerModel, settings: Settings): string {
  const seq = startupSequence(pod, settings);
  const total = seq.steps.length + (seq.apps.length > 0 ? 1 : 0);
  if (container.list === 'ephemeralContainers') {
    return `**${nameOf(container)}** — ephemeral container\n\nAdded to a running pod for debugging (\`kubectl debug\`); it takes no part in startup, has no resources, ports or probes, and is never restarted.`;
  }
  if (container.list === 'containers') {
    const others = seq.apps.filter((c) => c !== container);
    const lines = [`**${nameOf(container)}** — app container, starts at step ${seq.steps.length + 1} of ${total}`, ''];
    const before = seq.steps.filter((s) => s.role === 'init').map((s) => s.container);
    if (seq.steps.length > 0) {
      lines.push(
        `- **Waits for**: ${before.length > 0 ? `${names(before)} to complete` : 'nothing to complete'}${seq.sidecars.length > 0 ? `${before.length > 0 ? ' and ' : ''}${names(seq.sidecars)} to be started` : ''}`,
      );
    } else lines.push('- **Waits for**: nothing (no init containers)');
    if (others.length > 0) lines.push(`- **Starts together with**: ${names(others)} (no order among app containers)`);
    if (seq.sidecars.length > 0) {
      const many = seq.sidecars.length > 1;
      lines.push(`- **Runs alongside**: sidecar${many ? 's' : ''} ${names(seq.sidecars)}, which ${many ? 'stop' : 'stops'} after it`);
    }
    lines.push('', link('Pod lifecycle', DOCS.restartPolicy));
    return lines.join('\n');
  }
  const step = seq.steps.find((s) => s.container === container);
  if (!step) return '';
  const earlier = seq.steps.filter((s) => s.step < step.step);
  const waitInit = earlier.filter((s) => s.role === 'init').map((s) => s.container);
  const waitSidecar = earlier.filter((s) => s.role === 'sidecar');
  const waits: string[] = [];
  if (waitInit.length > 0) waits.push(`${names(waitInit)} to complete`);
  for (const s of waitSidecar) waits.push(`${nameOf(s.container)} to ${s.hasStartupProbe ? 'pass its startup probe' : 'start'}`);
  const later = seq.steps.filter((s) => s.step > step.step).map((s) => s.container);
  const next = [...later.slice(0, 1), ...(later.length === 0 ? seq.apps : [])];
  const lines: string[] = [];
  if (step.role === 'sidecar') {
    lines.push(`**${nameOf(container)}** — sidecar (\`restartPolicy: Always\`), step ${step.step} of ${total}`, '');
    lines.push(`- **Starts after**: ${waits.length > 0 ? listWords(waits) : 'nothing — it is the first step'}`);
    const during = [...later, ...seq.apps];
    lines.push(`- **Keeps running** for the pod's whole life${during.length > 0 ? `, alongside ${names(during)}` : ''}; restarted whenever it exits`);
    lines.push(`- **Next step** ${next.length > 0 ? `(${names(next)}) ` : ''}starts ${step.hasStartupProbe ? 'after its startup probe passes' : 'as soon as it has started — add a `startupProbe` if later steps need it ready'}`);
    const stopOrder = [...seq.sidecars].reverse();
    const pos = stopOrder.indexOf(container);
    lines.push(`- **Stops** after the app containers${stopOrder.length > 1 ? `, ${ordinal(pos + 1)} of the ${stopOrder.length} sidecars (reverse start order)` : ''}`);
    lines.push('', link('Sidecar containers', DOCS.sidecar));
  } else {
    lines.push(`**${nameOf(container)}** — init container, step ${step.step} of ${total}`, '');
    lines.push(`- **Waits for**: ${waits.length > 0 ? listWords(waits) : 'nothing — it is the first step'}`);
    if (step.running.length > 0) lines.push(`- **Runs alongside**: sidecar${step.running.length > 1 ? 's' : ''} ${names(step.running)}`);
    lines.push(`- **Must exit 0**; then ${next.length > 0 ? `${names(next)} ${next.length > 1 ? 'start' : 'starts'}` : 'the pod is ready to start its app containers'}`);
    if (step.sidecarUnsupported) lines.push('- ⚠ declares `restartPolicy: Always`, but native sidecars are off for this version: it blocks the steps after it until it exits');
    lines.push(`- ${failureText(pod).replace('**On failure**', '**If it fails**')}`);
    lines.push('', link('Init containers', DOCS.init));
  }
  return lines.join('\n');
}

function ordinal(n: number): string {
  return n === 1 ? 'first' : n === 2 ? 'second' : n === 3 ? 'third' : `${n}th`;
}
