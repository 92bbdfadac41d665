import { isMap, isScalar, isSeq } from 'yaml';
import type { FixAction, FixInput } from '../../rules/types';
import { findPair, removeItem, setPair } from '../edits/index';
import { mapValue, scalarText } from '../parse/nav';
import { action, childMap, closest, containerTarget, podTarget, removeReportedField, replaceReported, setContainerField, setPath, uniqueName } from './common';

/** E05: `restartPolicyRules` without a container `restartPolicy`: add one (`Never` for init containers). */
export function restartRulesPolicyFix(input: FixInput): FixAction[] {
  const t = containerTarget(input);
  const podPolicy = (input.data.fix as { value?: string } | undefined)?.value ?? 'Never';
  if (!t) return [];
  const value = t.container.list === 'initContainers' && podPolicy === 'Always' ? 'Never' : podPolicy;
  return action(`Add \`restartPolicy: ${value}\``, setContainerField(t, 'restartPolicy', value), true);
}

/** E06: an unsupported `action` or `operator` → the closest allowed value; rules on an ephemeral container → removed. */
export function restartRulesInvalidFixes(input: FixInput): FixAction[] {
  const fix = (input.data.fix ?? {}) as { value?: string; allowed?: string[]; remove?: string };
  if (fix.remove) return removeReportedField(input, true);
  if (fix.value === undefined || !fix.allowed?.length) return [];
  const best = closest(fix.value, fix.allowed, Math.max(3, fix.value.length)) ?? fix.allowed[0];
  return best ? replaceReported(input, best, `Change to \`${best}\``) : [];
}

/** E11: a mount repeated with the same volume and path: remove the repetition. */
export function duplicateMountFix(input: FixInput): FixAction[] {
  const t = containerTarget(input);
  const index = (input.data.fix as { index?: number } | undefined)?.index;
  if (!t || index === undefined || input.data.messageId !== 'duplicatePath') return [];
  const mount = t.container.volumeMounts.find((m) => m.index === index);
  const twin = t.container.volumeMounts.find((m) => m.index < index && m.name === mount?.name && m.mountPath === mount?.mountPath && m.readOnly === mount?.readOnly);
  const seq = findPair(t.map, 'volumeMounts')?.value;
  if (!mount || !twin || !isSeq(seq) || t.container.pairs.get('volumeMounts')?.merged) return [];
  return action(`Remove the repeated mount of \`${mount.name ?? ''}\` at \`${mount.mountPath ?? ''}\``, removeItem(t.ctx, seq, index), true);
}

/** E13: an extended resource (GPU, hugepages) whose request differs from its limit, or has no limit. */
export function extendedResourceFixes(input: FixInput): FixAction[] {
  const t = containerTarget(input);
  const fix = (input.data.fix ?? {}) as { resource?: string; value?: string };
  if (!t || !fix.resource) return [];
  const resources = t.container.pairs.get('resources')?.value;
  if (!resources || resources.alias || !isMap(resources.node)) return [];
  if (input.data.messageId === 'limitRequired' && fix.value) {
    const requests = mapValue(mapValue(resources, 'requests', t.pod.yaml), fix.resource, t.pod.yaml);
    const raw = requests ? t.ctx.text.slice(t.ctx.base + requests.span.start, t.ctx.base + requests.span.end) : fix.value;
    const limits = childMap(resources.node, 'limits');
    const edits = limits ? setPair(t.ctx, limits, fix.resource, rawScalar(raw)) : setPath(t.ctx, resources.node, ['limits', fix.resource], rawScalar(raw));
    return action(`Add a ${fix.resource} limit equal to the request (${fix.value})`, edits, true);
  }
  if (input.data.messageId === 'notEqual') {
    const limit = mapValue(mapValue(resources, 'limits', t.pod.yaml), fix.resource, t.pod.yaml);
    const text = scalarText(limit);
    if (!limit || !isScalar(limit.node) || text === undefined) return [];
    const source = t.ctx.text.slice(t.ctx.base + limit.span.start, t.ctx.base + limit.span.end);
    const target = input.start;
    return action(`Set the ${fix.resource} request to the limit (${text})`, [{ start: target, end: input.end, newText: source }], true);
  }
  return [];
}

/** A quantity written as in the source: numbers stay numbers, strings keep their quotes. */
function rawScalar(source: string): string | number {
  const n = Number(source);
  return /^-?\d+(\.\d+)?$/.test(source) && Number.isFinite(n) ? n : source.replace(/^["']|["']$/g, '');
}

/** E17: a preStop/postStart `sleep` longer than the grace period: shorten it, or lengthen the grace period. */
export function sleepExceedsGraceFixes(input: FixInput): FixAction[] {
  const fix = (input.data.fix ?? {}) as { seconds?: number; grace?: number };
  if (input.data.messageId !== 'exceedsGrace' || fix.seconds === undefined || fix.grace === undefined) return [];
  const out = [...replaceReported(input, fix.grace, `Sleep ${fix.grace} seconds (the termination grace period)`)];
  const t = podTarget(input);
  if (t && !t.pod.pairs.get('terminationGracePeriodSeconds')?.merged) {
    out.push(...action(`Set the pod's \`terminationGracePeriodSeconds\` to ${fix.seconds}`, setPair(t.ctx, t.map, 'terminationGracePeriodSeconds', fix.seconds, { before: ['initContainers', 'containers'] })));
  }
  return out;
}

/** E19: an invalid port name → the suggested one; a duplicate port name → a unique one. */
export function portNameFixes(input: FixInput): FixAction[] {
  const fix = (input.data.fix ?? {}) as { field?: string; suggestion?: string; name?: string };
  if (fix.field !== 'name') return [];
  if (fix.suggestion && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(fix.suggestion) && /[a-z]/.test(fix.suggestion)) {
    return replaceReported(input, fix.suggestion, `Rename the port to \`${fix.suggestion}\``);
  }
  const t = containerTarget(input);
  if (!fix.name || !t) return [];
  const taken = new Set<string>();
  const ports = mapValue(t.container.ref, 'ports', t.pod.yaml);
  for (const p of ports && isSeq(ports.node) ? ports.node.items : []) {
    const name = isMap(p) ? findPair(p, 'name')?.value : undefined;
    if (isScalar(name)) taken.add(String(name.value));
  }
  const fresh = uniqueName(fix.name.slice(0, 13), taken);
  return fresh.length <= 15 ? replaceReported(input, fresh, `Rename the port to \`${fresh}\``) : [];
}

/** E24: a pod-level request below what the containers request together → the aggregate. */
export function podRequestsFix(input: FixInput): FixAction[] {
  const fix = (input.data.fix ?? {}) as { resource?: string; aggregate?: string };
  return fix.aggregate ? replaceReported(input, fix.aggregate, `Raise the pod's ${fix.resource ?? ''} request to ${fix.aggregate}`) : [];
}

/** E16: a probe or hook with more than one handler: remove the extra one (the API server keeps the first). */
export function extraHandlerFix(input: FixInput): FixAction[] {
  const fix = (input.data.fix ?? {}) as { remove?: string; keep?: string };
  if (input.data.messageId !== 'extraHandler' || !fix.remove) return [];
  return removeReportedField(input, true, `Remove \`${fix.remove}\` (keep \`${fix.keep ?? 'the first handler'}\`)`);
}
