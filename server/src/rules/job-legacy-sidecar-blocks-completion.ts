import { defineRule } from './types';
import { sentence } from './commandUtils';
import type { ContainerModel, PodSpecModel } from './types';
import { analyzeContainer } from '../service/command/analyze';
import { envLiterals, longRunningOf } from '../service/command/container';
import { gateEnabled } from '../service/featureGates';
import { containerAnchor } from './hygieneUtils';
import { mapValue, scalarText } from '../service/parse/nav';
import { legacySidecarFix } from '../service/fixes/runtime';

/** A main container that stops its helpers itself: `curl …/quitquitquit`, `linkerd-await --shutdown`, `pkill envoy`. */
const SHUTDOWN = /quitquitquit|linkerd-await|\bpkill\b|\bkillall\b|(^|\s)kill\s|\/(shutdown|quit|exit)\b/;

/**
 * W01: a pod that runs to completion (Job, CronJob, bare Pod with `restartPolicy: Never`/`OnFailure`) with
 * a regular container that never exits (a mesh/DB proxy or log/telemetry agent image, `sleep infinity`,
 * `tail -f`, a server): the pod does not complete when the main container finishes, so the Job never
 * completes. Silent when another container shuts the helper down (`/quitquitquit`, `linkerd-await
 * --shutdown`, `pkill`), when the helper exits on its own (Istio `EXIT_ON_ZERO_ACTIVE_CONNECTIONS`), and
 * when every container is long-running (nothing is "main").
 */
export const jobLegacySidecarBlocksCompletion = defineRule({
  meta: {
    id: 'job-legacy-sidecar-blocks-completion',
    catalogueId: 'W01',
    group: 'runtime',
    description: 'A regular container of a Job (or run-to-completion pod) that never exits, so the pod never completes.',
    defaultSeverity: 'warning',
    fixable: true,
    versions: 'Native sidecars (the fix) need Kubernetes 1.29+ (1.28 with the `SidecarContainers` feature gate).',
    messages: {
      blocksCompletion:
        '{{Container}} runs {{what}}, which keeps running after {{main}} finishes. {{owner}} completes only when all its regular containers have exited, so it never completes{{cron}}. Make it a native sidecar: move it to `initContainers` with `restartPolicy: Always`; Kubernetes stops it when the main container finishes.',
      blocksCompletionLegacy:
        '{{Container}} runs {{what}}, which keeps running after {{main}} finishes. {{owner}} completes only when all its regular containers have exited, so it never completes{{cron}}. Kubernetes {{version}} has no native sidecars (1.29+): have the main container stop it when done (for example through a shutdown endpoint), or upgrade and make it a sidecar with `restartPolicy: Always`.',
    },
  },
  checkPod(pod, context) {
    if (!pod.workload.runsToCompletion || pod.containers.length < 2) return;
    const helpers: Array<{ container: ContainerModel; what: string }> = [];
    const mains: ContainerModel[] = [];
    for (const container of pod.containers) {
      const lr = longRunningOf(container, pod.yaml);
      if (lr && !exitsByItself(container, pod)) {
        helpers.push({ container, what: lr.source === 'image' ? `the ${lr.label} image (\`${lr.text}\`)` : `\`${lr.text}\`` });
      } else mains.push(container);
    }
    if (helpers.length === 0 || mains.length === 0) return;
    if (mains.some((m) => shutsDownHelpers(m, pod))) return;
    const native = gateEnabled(context.settings, 'SidecarContainers');
    const owner = pod.workload.kind === 'Pod' ? `The pod (\`restartPolicy: ${pod.restartPolicy}\`)` : pod.workload.kind === 'CronJob' ? 'Each Job of the CronJob' : 'The Job';
    const cron = pod.workload.kind === 'CronJob' ? cronConsequence(pod) : '';
    const main = mains.map((m) => m.label).join(' and ');
    for (const h of helpers) {
      context.report({
        at: containerAnchor(h.container),
        messageId: native ? 'blocksCompletion' : 'blocksCompletionLegacy',
        data: { container: h.container.label, Container: sentence(h.container.label), what: h.what, main, owner, cron, version: context.settings.kubernetesVersion },
      });
    }
  },
  fix: legacySidecarFix,
});

function cronConsequence(pod: PodSpecModel): string {
  const policy = scalarText(mapValue(pod.owner.pairs.get('spec')?.value, 'concurrencyPolicy', pod.yaml));
  return policy === 'Forbid' ? ', and with `concurrencyPolicy: Forbid` no later run of the CronJob starts' : ', and a new stuck pod is added with every schedule';
}

/** Istio's proxy exits by itself once the app's connections are gone when `EXIT_ON_ZERO_ACTIVE_CONNECTIONS=true`. */
function exitsByItself(container: ContainerModel, pod: PodSpecModel): boolean {
  const env = envLiterals(container, pod.yaml);
  return /^true$/i.test(env.get('EXIT_ON_ZERO_ACTIVE_CONNECTIONS') ?? '');
}

function shutsDownHelpers(main: ContainerModel, pod: PodSpecModel): boolean {
  const a = analyzeContainer(main, pod.yaml);
  return SHUTDOWN.test(a.command.argv.map((w) => w.text).join(' '));
}
