import { defineRule } from './types';
import { gateEnabled } from '../service/featureGates';
import { sentence } from './commandUtils';
import { analyzeContainer } from '../service/command/analyze';
import { commandKey } from '../service/command/effective';
import { oneShotOf } from '../service/command/container';
import { containerAnchor } from './hygieneUtils';
import { oneShotSidecarFix } from '../service/fixes/runtime';

/**
 * W12: a sidecar (`restartPolicy: Always`) whose command clearly finishes by itself — only one-shot
 * commands (`cp`, `mkdir`, `chown`, `wget -O`, `git clone`, `sleep 10`, `echo`, `true`), no loops, nothing
 * in the background. A sidecar is restarted whenever it exits, exit code 0 included, so such a step
 * runs again and again with back-off for the pod's whole life. Anything that might keep running
 * (`tail -F`, `sleep infinity`, `while true`, an unknown program, the image's entrypoint) keeps it silent.
 */
export const sidecarOneShotCommand = defineRule({
  meta: {
    id: 'sidecar-one-shot-command',
    catalogueId: 'W12',
    group: 'runtime',
    description: 'A sidecar (restartPolicy: Always) whose command finishes by itself, so it is restarted forever.',
    defaultSeverity: 'warning',
    fixable: true,
    versions: 'Native sidecars: Kubernetes 1.29+ (1.28 with the `SidecarContainers` feature gate).',
    messages: {
      oneShot:
        '{{Container}} runs `{{command}}`, which finishes by itself, but `restartPolicy: Always` makes it a sidecar: Kubernetes restarts a sidecar every time it exits (exit code 0 included), with back-off, for the whole life of the pod. A one-shot step belongs in a regular init container: remove `restartPolicy: Always`.',
    },
  },
  checkPod(pod, context) {
    // Without native sidecars `restartPolicy: Always` is rejected or dropped (W02/E03 report that).
    if (!gateEnabled(context.settings, 'SidecarContainers')) return;
    for (const container of pod.initContainers) {
      if (container.role !== 'sidecar') continue;
      const command = oneShotOf(container, pod.yaml);
      if (!command) continue;
      const analysis = analyzeContainer(container, pod.yaml);
      context.report({
        at: commandKey(analysis.command, analysis.scriptWord) ?? containerAnchor(container),
        messageId: 'oneShot',
        data: { container: container.label, Container: sentence(container.label), command },
        related: container.pairs.get('restartPolicy') ? [{ at: (container.pairs.get('restartPolicy')?.value ?? container.ref), message: 'makes it a sidecar' }] : [],
      });
    }
  },
  fix: oneShotSidecarFix,
});
