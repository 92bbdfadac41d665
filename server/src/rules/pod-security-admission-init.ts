import { defineRule } from './types';
import type { ContainerModel, K8sObject, PodSpecModel } from './types';
import { containerAnchor, containerSecurityPair, effectiveSecurityValue, initLike, isTrue, securityContext, stringList } from './hygieneUtils';
import { mapPairs, mapValue, scalarText, scalarValue, seqItems } from '../service/parse/nav';

const BASELINE_CAPS = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);
type Level = 'baseline' | 'restricted';
type Mode = 'enforce' | 'warn' | 'audit';

export const podSecurityAdmissionInit = defineRule({
  meta: {
    id: 'pod-security-admission-init',
    catalogueId: 'H18',
    group: 'hygiene',
    description: 'An init container or sidecar that violates the Pod Security Standard its namespace enforces, warns or audits (read from a Namespace object in the same file or an open document).',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      violation: '{{container}} violates the Pod Security Standard "{{level}}" that namespace `{{namespace}}` {{modeText}}: {{problems}}. {{consequence}} Admission: `violates PodSecurity "{{level}}:latest": {{problems}}`',
    },
  },
  crossObject: true,
  checkPod(pod, context) {
    const namespace = pod.owner.namespace;
    if (namespace === undefined) return;
    const policy = namespacePolicy(context.otherObjects, namespace);
    if (!policy) return;
    for (const container of initLike(pod)) {
      const problems = violations(container, pod, policy.level);
      if (problems.length === 0) continue;
      const enforced = policy.mode === 'enforce';
      context.report({
        at: containerAnchor(container),
        messageId: 'violation',
        severity: enforced ? 'error' : 'warning',
        data: {
          container: container.label.charAt(0).toUpperCase() + container.label.slice(1),
          level: policy.level,
          namespace,
          modeText: enforced ? 'enforces' : policy.mode === 'warn' ? 'warns about' : 'audits',
          problems: problems.join('; '),
          consequence: enforced ? 'The API server rejects the pod (for workloads: the controller cannot create its pods).' : 'The API server accepts it with a warning.',
        },
      });
    }
  },
});

/** The strictest labelled PSS level of the namespace, enforce before warn before audit. */
function namespacePolicy(objects: readonly K8sObject[], namespace: string): { level: Level; mode: Mode } | undefined {
  const ns = objects.find((o) => o.kind === 'Namespace' && o.apiVersion === 'v1' && o.name === namespace);
  if (!ns) return undefined;
  const labels = mapValue(mapValue(ns.ref, 'metadata', ns.yaml), 'labels', ns.yaml);
  const values = new Map(mapPairs(labels, ns.yaml).map((p) => [p.keyText, scalarText(p.value)]));
  for (const mode of ['enforce', 'warn', 'audit'] as const) {
    const level = values.get(`pod-security.kubernetes.io/${mode}`);
    if (level === 'baseline' || level === 'restricted') return { level, mode };
  }
  return undefined;
}

function violations(container: ContainerModel, pod: PodSpecModel, level: Level): string[] {
  const name = container.name ?? '?';
  const out: string[] = [];
  if (isTrue(containerSecurityPair(container, pod, 'privileged')?.value)) out.push(`privileged (container "${name}" must not set securityContext.privileged=true)`);
  const caps = mapValue(securityContext(container), 'capabilities', pod.yaml);
  const added = stringList(mapValue(caps, 'add', pod.yaml), pod).map((c) => c.text.replace(/^CAP_/, ''));
  const nonBaseline = added.filter((c) => !BASELINE_CAPS.has(c.toUpperCase()));
  if (nonBaseline.length > 0) out.push(`non-default capabilities (container "${name}" must not include ${nonBaseline.map((c) => `"${c}"`).join(', ')} in securityContext.capabilities.add)`);
  const hostPorts = seqItems(container.pairs.get('ports')?.value, pod.yaml).map((p) => scalarValue(mapValue(p.ref, 'hostPort', pod.yaml))).filter((p) => typeof p === 'number' && p !== 0);
  if (hostPorts.length > 0) out.push(`hostPort (container "${name}" uses hostPort ${hostPorts.join(', ')})`);
  const seccomp = scalarText(mapValue(effectiveSecurityValue(container, pod, 'seccompProfile')?.value, 'type', pod.yaml));
  if (seccomp === 'Unconfined') out.push(`seccompProfile (container "${name}" must not set securityContext.seccompProfile.type to "Unconfined")`);
  if (level === 'baseline') return out;
  const ape = containerSecurityPair(container, pod, 'allowPrivilegeEscalation');
  if (!ape || scalarValue(ape.value) !== false) out.push(`allowPrivilegeEscalation != false (container "${name}" must set securityContext.allowPrivilegeEscalation=false)`);
  const dropped = stringList(mapValue(caps, 'drop', pod.yaml), pod).map((c) => c.text.toUpperCase());
  const restrictedAdded = added.filter((c) => c.toUpperCase() !== 'NET_BIND_SERVICE');
  if (!dropped.includes('ALL') || restrictedAdded.length > 0) out.push(`unrestricted capabilities (container "${name}" must set securityContext.capabilities.drop=["ALL"]${restrictedAdded.length > 0 ? ' and may only add NET_BIND_SERVICE' : ''})`);
  const user = effectiveSecurityValue(container, pod, 'runAsUser');
  const nonRoot = isTrue(effectiveSecurityValue(container, pod, 'runAsNonRoot')?.value);
  if (user && scalarValue(user.value) === 0) out.push(`runAsUser=0 (container "${name}" must not set runAsUser=0)`);
  else if (!nonRoot) out.push(`runAsNonRoot != true (pod or container "${name}" must set securityContext.runAsNonRoot=true)`);
  if (seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost' && seccomp !== 'Unconfined') out.push(`seccompProfile (pod or container "${name}" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")`);
  return out;
}
