import { defineRule } from './types';
import { initLike } from './hygieneUtils';
import { capitalize } from './ruleUtils';
import { mapGet, mapValue, scalarText, seqItems } from '../service/parse/nav';

export const initSecretViaEnvRef = defineRule({
  meta: {
    id: 'init-secret-via-env-ref',
    catalogueId: 'H04',
    group: 'hygiene',
    description: 'An init container or sidecar that reads a Secret into environment variables (`secretKeyRef` or `envFrom.secretRef`).',
    defaultSeverity: 'information',
    fixable: false,
    messages: {
      secretKeyRef: '{{container}} reads the Secret `{{secret}}` into the environment variable `{{variable}}`. Environment variables leak into child processes, crash dumps and `/proc`; mounting the Secret as a read-only volume keeps it in a file only the process reads.',
      secretRef: '{{container}} loads every key of the Secret `{{secret}}` into its environment. Environment variables leak into child processes, crash dumps and `/proc`; prefer a read-only Secret volume.',
    },
  },
  checkPod(pod, context) {
    for (const container of initLike(pod)) {
      for (const { ref: env } of seqItems(container.pairs.get('env')?.value, pod.yaml)) {
        const ref = mapGet(mapValue(env, 'valueFrom', pod.yaml), 'secretKeyRef', pod.yaml);
        if (!ref) continue;
        const secret = scalarText(mapValue(ref.value, 'name', pod.yaml)) ?? '?';
        context.report({ at: ref.key, messageId: 'secretKeyRef', data: { container: capitalize(container.label), secret, variable: scalarText(mapValue(env, 'name', pod.yaml)) ?? '?' } });
      }
      for (const { ref: from } of seqItems(container.pairs.get('envFrom')?.value, pod.yaml)) {
        const ref = mapGet(from, 'secretRef', pod.yaml);
        if (!ref) continue;
        context.report({ at: ref.key, messageId: 'secretRef', data: { container: capitalize(container.label), secret: scalarText(mapValue(ref.value, 'name', pod.yaml)) ?? '?' } });
      }
    }
  },
});
