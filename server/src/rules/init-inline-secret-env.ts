import { defineRule } from './types';
import { inlineSecret } from '../service/command/patterns/secrets';
import { mapValue, scalarText, seqItems } from '../service/parse/nav';
import { initLike } from './hygieneUtils';
import { secretKeyRefFix } from '../service/fixes/hygiene';

/**
 * H03: a literal `env[].value` of an init container or sidecar that is a secret — the name says
 * credential (`PGPASSWORD`, `API_TOKEN`) and the value is not a path, reference, flag or number; or the
 * value itself is a private key, a JWT, a cloud/API token or a URL with a password, whatever the name.
 * The pattern lists live in service/command/patterns/secrets.ts. App containers are out of scope (the
 * `init-` rules only look at init containers and sidecars).
 */
export const initInlineSecretEnv = defineRule({
  meta: {
    id: 'init-inline-secret-env',
    catalogueId: 'H03',
    group: 'hygiene',
    description: 'A password, token or key written as a literal env value of an init container or sidecar.',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      secretName:
        'The env var `{{name}}` of {{container}} holds a literal secret. It is stored in the object spec: anyone who can read the {{kind}} (`kubectl get -o yaml`, the GitOps repository, etcd backups) can read it. Reference a Secret instead: `valueFrom: {secretKeyRef: {name: …, key: …}}`, or mount it as a file.',
      secretValue:
        'The env var `{{name}}` of {{container}} holds {{looks}} as a literal value. It is stored in the object spec: anyone who can read the {{kind}} (`kubectl get -o yaml`, the GitOps repository, etcd backups) can read it. Reference a Secret instead: `valueFrom: {secretKeyRef: {name: …, key: …}}`, or mount it as a file.',
    },
  },
  checkPod(pod, context) {
    for (const container of initLike(pod)) {
      for (const { ref } of seqItems(container.pairs.get('env')?.value, pod.yaml)) {
        const name = scalarText(mapValue(ref, 'name', pod.yaml));
        const valueRef = mapValue(ref, 'value', pod.yaml);
        const value = scalarText(valueRef);
        if (name === undefined || value === undefined || !valueRef) continue;
        const why = inlineSecret(name, value);
        if (!why) continue;
        const data = { name, container: container.label, looks: why, kind: pod.workload.kind };
        context.report({ at: valueRef, messageId: why === 'name' ? 'secretName' : 'secretValue', data });
      }
    }
  },
  fix: secretKeyRefFix,
});
