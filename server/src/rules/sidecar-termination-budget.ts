import type { Document } from 'yaml';
import { defineRule } from './types';
import type { ContainerModel } from './types';
import { mapPath, scalarText, scalarValue, seqItems } from '../service/parse/nav';
import type { NodeRef } from '../service/parse/nav';

/** Sidecars left with this many seconds or fewer to shut down are reported. */
const MIN_SIDECAR_SECONDS = 5;
const DEFAULT_GRACE = 30;

interface Sleep {
  readonly seconds: number;
  readonly at: NodeRef;
}

/** How long a container's `preStop` hook sleeps: `sleep: {seconds: N}`, or `exec` running `sleep N` (also via `sh -c`). */
export function preStopSleep(container: ContainerModel, yaml: Document.Parsed): Sleep | undefined {
  const preStop = mapPath(container.pairs.get('lifecycle')?.value, ['preStop'], yaml);
  const secondsRef = mapPath(preStop, ['sleep', 'seconds'], yaml);
  const seconds = scalarValue(secondsRef);
  if (secondsRef && typeof seconds === 'number') return { seconds, at: secondsRef };
  const command = seqItems(mapPath(preStop, ['exec', 'command'], yaml), yaml);
  const words = command.map((i) => scalarText(i.ref) ?? '');
  const direct = /^(?:\/usr)?(?:\/bin\/)?sleep$/.test(words[0] ?? '') ? words[1] : undefined;
  const shell = /^(?:\/usr)?(?:\/bin\/)?(?:ba)?sh$/.test(words[0] ?? '') && words[1] === '-c' ? /^\s*sleep\s+(\d+)\s*(?:$|[;&\n])/.exec(words[2] ?? '')?.[1] : undefined;
  const value = direct ?? shell;
  const at = command[direct !== undefined ? 1 : 2]?.ref;
  if (value === undefined || !/^\d+$/.test(value) || !at) return undefined;
  return { seconds: Number(value), at };
}

/**
 * W14: sidecars are stopped only after the last app container has exited, in reverse order, inside
 * the same pod grace period. Reported when that leaves the sidecars a few seconds at most: a short
 * `terminationGracePeriodSeconds`, an app `preStop` sleep close to it, or a sidecar `preStop` sleep
 * that cannot fit after the app's.
 */
export const sidecarTerminationBudget = defineRule({
  meta: {
    id: 'sidecar-termination-budget',
    catalogueId: 'W14',
    group: 'runtime',
    description: 'Sidecars that get (almost) no time to shut down, because they are stopped last inside the same termination grace period.',
    defaultSeverity: 'information',
    fixable: false,
    versions: 'Native sidecars (Kubernetes 1.28+); termination order from 1.29.',
    messages: {
      tightBudget:
        'The pod runs {{sidecars}} and has a termination grace period of {{grace}}s{{detail}}. Sidecars receive SIGTERM only after every app container has exited, inside the same grace period, so they get about {{left}}s to flush and exit before everything still running is killed. Make the grace period cover the app\'s drain time plus the sidecars\' shutdown.',
      sidecarPreStop:
        'The `preStop` hook of {{container}} sleeps {{seconds}}s, but it starts only after every app container has exited{{detail}}, inside the same {{grace}}s grace period: it gets at most {{left}}s before the sidecar is killed. Raise `terminationGracePeriodSeconds` or shorten the hooks.',
    },
  },
  checkPod(pod, context) {
    const sidecars = pod.initContainers.filter((c) => c.role === 'sidecar');
    if (sidecars.length === 0) return;
    const graceRef = pod.pairs.get('terminationGracePeriodSeconds')?.value;
    const graceValue = scalarValue(graceRef);
    const grace = typeof graceValue === 'number' ? graceValue : DEFAULT_GRACE;
    let drain: { container: ContainerModel; sleep: Sleep } | undefined;
    for (const container of pod.containers) {
      const sleep = preStopSleep(container, pod.yaml);
      if (sleep && (!drain || sleep.seconds > drain.sleep.seconds)) drain = { container, sleep };
    }
    const appSeconds = drain?.sleep.seconds ?? 0;
    const detail = drain ? `; ${drain.container.label} sleeps ${appSeconds}s in its \`preStop\` hook first` : '';
    const left = Math.max(0, grace - appSeconds);
    const explicitGrace = graceRef !== undefined && typeof graceValue === 'number';
    if (left <= MIN_SIDECAR_SECONDS && (explicitGrace || drain)) {
      const at = explicitGrace ? graceRef : drain?.sleep.at;
      if (!at) return;
      context.report({
        at,
        messageId: 'tightBudget',
        data: { sidecars: listLabels(sidecars), grace, detail, left },
      });
      return;
    }
    for (const sidecar of sidecars) {
      const sleep = preStopSleep(sidecar, pod.yaml);
      // A sleep longer than the grace period itself is rejected by the API server (E17).
      if (!sleep || sleep.seconds > grace || appSeconds + sleep.seconds <= grace) continue;
      context.report({
        at: sleep.at,
        messageId: 'sidecarPreStop',
        data: { container: sidecar.label, seconds: sleep.seconds, detail: drain ? ` (${drain.container.label} sleeps ${appSeconds}s in its own \`preStop\` hook)` : '', grace, left },
      });
    }
  },
});

function listLabels(containers: readonly ContainerModel[]): string {
  const labels = containers.map((c) => c.label);
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1] ?? ''}`;
}
