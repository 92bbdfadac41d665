import { defineRule } from './types';
import type { ContainerModel, PodSpecModel } from './types';
import type { RelatedReport } from './types';
import { analyzeContainer } from '../service/command/analyze';
import type { LoopUse } from '../service/command/analyze';
import { commandKey } from '../service/command/effective';
import { longRunningOf } from '../service/command/container';
import { mapValue } from '../service/parse/nav';
import { containerAnchor } from './hygieneUtils';
import { scriptSpan, sentence } from './commandUtils';
import { timeoutLoopFix } from '../service/fixes/runtime';

/**
 * W03: a regular init container that may never finish: a `until`/`while` wait loop with no attempt
 * limit, deadline or `timeout`, a loop that never ends, or a program that runs until killed (a proxy,
 * `git-sync` without `--one-time`, `tail -f`). Bounded loops (`for i in $(seq 1 60)`, retry counters,
 * `timeout 300 sh -c …`, `$SECONDS` deadlines, `while read`) are never reported; a pod-level or Job
 * `activeDeadlineSeconds` bounds everything, so the rule is silent then.
 */
export const initWaitLoopUnbounded = defineRule({
  meta: {
    id: 'init-wait-loop-unbounded',
    catalogueId: 'W03',
    group: 'runtime',
    description: 'A regular init container that can wait forever: an unbounded wait loop, an endless loop, or a long-running program.',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      unbounded:
        '{{Container}} waits in `{{loop}}` with no attempt limit, deadline or timeout{{attempt}}. If the dependency never comes up, the init container never finishes and the pod stays in `Init:{{done}}/{{total}}` (Pending) without an error. Bound the loop (`for i in $(seq 1 60); do …; done; exit 1`) or wrap it in `timeout 300 sh -c \'…\'`, so that a failure becomes visible and is retried.',
      endless:
        '{{Container}} runs `{{loop}}`, which never ends. A regular init container must exit before the next init container and the app can start, so the pod stays in `Init:{{done}}/{{total}}` forever. If it is meant to run beside the app, make it a sidecar (`restartPolicy: Always`); otherwise end the loop.',
      neverExits:
        '{{Container}} runs {{what}}, which keeps running until it is killed. A regular init container must exit before the next init container and the app can start, so the pod stays in `Init:{{done}}/{{total}}` forever. {{hint}}',
    },
  },
  checkPod(pod, context) {
    if (deadlineSet(pod)) return;
    const total = pod.initContainers.length;
    pod.initContainers.forEach((container, position) => {
      if (container.role !== 'init') return;
      const analysis = analyzeContainer(container, pod.yaml);
      const loop = analysis.loops.find(reportable);
      const common = { container: container.label, Container: sentence(container.label), done: position, total };
      if (loop) {
        const key = commandKey(analysis.command, analysis.scriptWord);
        if (!key) return;
        const at = scriptWordAt(analysis.scriptWord, loop, context.document.source.text);
        const related: RelatedReport[] = at ? [{ at, message: loop.infinite ? 'the endless loop' : 'the unbounded loop' }] : [];
        const attempt = loop.attemptTimeouts.length > 0 ? ` (\`${loop.attemptTimeouts.join('`, `')}\` limits each attempt, not the loop)` : '';
        context.report({ at: key, messageId: loop.infinite ? 'endless' : 'unbounded', data: { ...common, loop: loop.head, attempt }, related });
        return;
      }
      const lr = longRunningOf(container, pod.yaml);
      // Vault Agent's one-shot mode (`exit_after_auth`) usually lives in its config file, which the manifest does not show.
      if (!lr || lr.kind === 'secrets') return;
      const key = commandKey(analysis.command);
      const at = lr.source === 'image' || !key ? containerAnchor(container) : key;
      const what = lr.source === 'image' ? `the ${lr.label} image's own entrypoint (\`${lr.text}\`)` : `\`${lr.text}\``;
      context.report({ at, messageId: 'neverExits', data: { ...common, what, hint: hintFor(lr.label, container) } });
    });
  },
  fix: timeoutLoopFix,
});

/** An unbounded `while`/`until` loop (or `for ((;;))`) that runs in the foreground with no `timeout` around it. */
function reportable(loop: LoopUse): boolean {
  if (loop.bound !== undefined || loop.background || loop.timeout !== undefined) return false;
  return loop.kind !== 'for' || loop.infinite;
}

/** Pod `activeDeadlineSeconds` (bare Pod, Job template) or Job `activeDeadlineSeconds` bound the init phase. */
function deadlineSet(pod: PodSpecModel): boolean {
  if (pod.pairs.has('activeDeadlineSeconds')) return true;
  return mapValue(pod.workload.jobSpec, 'activeDeadlineSeconds', pod.yaml) !== undefined;
}

function hintFor(label: string, container: ContainerModel): string {
  if (label === 'git-sync') return 'Add `--one-time` (or env `GITSYNC_ONE_TIME=true`) to clone once, or make it a sidecar (`restartPolicy: Always`) to keep syncing beside the app.';
  void container;
  return 'If it is meant to run beside the app, make it a sidecar (`restartPolicy: Always`, Kubernetes 1.29+).';
}

function scriptWordAt(word: ReturnType<typeof analyzeContainer>['scriptWord'], loop: LoopUse, chunkText: string): { start: number; end: number } | undefined {
  if (!word) return undefined;
  return scriptSpan(word.ref, loop.script.text, loop.node.start, loop.node.start + loop.kind.length, chunkText);
}
