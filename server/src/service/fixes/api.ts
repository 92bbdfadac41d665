import { isScalar } from 'yaml';
import type { FixAction, FixInput } from '../../rules/types';
import { gateEnabled } from '../featureGates';
import { mapValue } from '../parse/nav';
import { setPair } from '../edits/index';
import { action, closest, containerTarget, validAsSidecar, insertPair, nameOf, podTarget, removeFieldFix, removeReportedField, replaceReported, replaceValue, setContainerField, uniqueName } from './common';
import { moveToSidecarFix } from './move';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];

/** E03: an init container `restartPolicy` other than `Always`: remove it (regular init container) or make it a sidecar. */
export function initRestartPolicyFixes(input: FixInput): FixAction[] {
  const t = containerTarget(input);
  const value = (input.data.fix as { value?: string } | undefined)?.value ?? t?.container.restartPolicy;
  if (!t || value === undefined) return [];
  // Without a container restartPolicy, `restartPolicyRules` would be rejected: keep it then.
  const remove = t.container.pairs.has('restartPolicyRules') ? [] : removeFieldFix(t, 'restartPolicy', true);
  const typo = closest(value, RESTART_POLICIES, 2);
  const known = RESTART_POLICIES.includes(value);
  const out: FixAction[] = [];
  if (!known && typo && typo !== 'Always' && input.data.messageId === 'unsupportedValue') out.push(...replaceReported(input, typo, `Change to \`${typo}\``, false));
  out.push(...remove.map((a) => ({ ...a, title: `Remove \`restartPolicy\`: ${nameOf(t.container)} stays a regular init container` })));
  if (gateEnabled(input.settings, 'SidecarContainers') && validAsSidecar(t)) out.push(...replaceReported(input, 'Always', `Change to \`Always\`: make ${nameOf(t.container)} a native sidecar`, false));
  return out;
}

/** E04: `restartPolicy` on an app container: move it to `initContainers` as a sidecar (for `Always`), or remove it. */
export function containerRestartPolicyFixes(input: FixInput): FixAction[] {
  const t = containerTarget(input);
  if (!t) return [];
  if (input.data.messageId === 'unsupportedValue') {
    const typo = closest(t.container.restartPolicy ?? '', RESTART_POLICIES, 3);
    const out = typo ? replaceReported(input, typo, `Change to \`${typo}\``, true) : [];
    return [...out, ...(t.container.pairs.has('restartPolicyRules') ? [] : removeFieldFix(t, 'restartPolicy', out.length === 0))];
  }
  const sidecar = t.container.restartPolicy === 'Always' ? moveToSidecarFix(input, t, true) : [];
  const remove = t.container.pairs.has('restartPolicyRules') ? [] : removeFieldFix(t, 'restartPolicy', sidecar.length === 0);
  return [...sidecar, ...remove];
}

/** E08: an invalid container name → the suggested valid one (or a shortened one), or a name for a nameless container. */
export function containerNameFixes(input: FixInput): FixAction[] {
  const t = containerTarget(input);
  if (!t) return [];
  const fix = (input.data.fix ?? {}) as { name?: string; suggested?: string; insert?: string };
  const taken = new Set(t.pod.allContainers.map((c) => c.name).filter((n): n is string => n !== undefined));
  if (fix.insert === 'name') {
    const base = (t.container.image ?? '').replace(/[@:].*$/, '').split('/').pop()?.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
    const name = uniqueName(base || (t.container.role === 'app' ? 'app' : t.container.role), taken);
    return action(`Add \`name: ${name}\``, setContainerField(t, 'name', name, { before: ['image'] }), true);
  }
  let fresh = fix.suggested;
  if (!fresh && fix.name && fix.name.length > 63) fresh = fix.name.slice(0, 63).replace(/[^a-z0-9]+$/, '');
  if (!fresh || fresh === fix.name) return [];
  fresh = taken.has(fresh) ? uniqueName(fresh, taken) : fresh;
  return action(`Rename to \`${fresh}\``, replaceValue(t.ctx, t.container.pairs.get('name')?.value, fresh), true);
}

/** E09: leading or trailing spaces in an image name. */
export function imageWhitespaceFix(input: FixInput): FixAction[] {
  const trimmed = (input.data.fix as { trimmed?: string } | undefined)?.trimmed;
  return trimmed ? replaceReported(input, trimmed, `Use \`${trimmed}\``) : [];
}

/** E12: a request above its limit: lower the request to the limit, or raise the limit to the request. */
export function requestExceedsLimitFixes(input: FixInput): FixAction[] {
  const t = containerTarget(input);
  const fix = (input.data.fix ?? {}) as { resource?: string; request?: string; limit?: string };
  if (!t || !fix.resource || input.data.messageId !== 'exceedsLimit') return [];
  const doc = t.pod.yaml;
  const resources = t.container.pairs.get('resources')?.value;
  const requestRef = mapValue(mapValue(resources, 'requests', doc), fix.resource, doc);
  const limitRef = mapValue(mapValue(resources, 'limits', doc), fix.resource, doc);
  if (!requestRef || !limitRef || requestRef.alias || limitRef.alias || !isScalar(requestRef.node) || !isScalar(limitRef.node)) return [];
  const source = (ref: typeof requestRef): string => t.ctx.text.slice(t.ctx.base + ref.span.start, t.ctx.base + ref.span.end);
  return [
    ...action(`Lower the ${fix.resource} request to the limit (${fix.limit ?? source(limitRef)})`, [{ start: t.ctx.base + requestRef.span.start, end: t.ctx.base + requestRef.span.end, newText: source(limitRef) }], true),
    ...action(`Raise the ${fix.resource} limit to the request (${fix.request ?? source(requestRef)})`, [{ start: t.ctx.base + limitRef.span.start, end: t.ctx.base + limitRef.span.end, newText: source(requestRef) }]),
  ];
}

/** E14: `successThreshold` other than 1 on a liveness or startup probe: remove it (the default is 1). */
export function successThresholdFixes(input: FixInput): FixAction[] {
  return [...removeReportedField(input, true, 'Remove `successThreshold` (a liveness or startup probe uses 1)'), ...replaceReported(input, 1, 'Set `successThreshold: 1`', false)];
}

/** E15, E20, E22 and the like: the diagnostic points at a field that must go. */
export function removeReportedFieldFix(input: FixInput): FixAction[] {
  return removeReportedField(input, true);
}

/** E21: `mountPropagation: Bidirectional` on an unprivileged container → `HostToContainer`. */
export function propagationFix(input: FixInput): FixAction[] {
  return replaceReported(input, 'HostToContainer', 'Use `HostToContainer` (mounts from the host still propagate into the container)');
}

/** E23: `RestartContainer` resize policy with pod `restartPolicy: Never` → `NotRequired`. */
export function resizeRestartNeverFix(input: FixInput): FixAction[] {
  return replaceReported(input, 'NotRequired', 'Use `NotRequired`');
}

/** E26: a podFailurePolicy `containerName` that names no container → the closest name; template `OnFailure` → `Never`. */
export function podFailurePolicyFixes(input: FixInput): FixAction[] {
  const fix = (input.data.fix ?? {}) as { containerName?: string; candidates?: string[]; replaceWith?: string };
  if (fix.replaceWith) return replaceReported(input, fix.replaceWith, `Change the pod \`restartPolicy\` to \`${fix.replaceWith}\``);
  const name = fix.containerName;
  const candidates = fix.candidates ?? [];
  if (name === undefined || candidates.length === 0) return [];
  const best = closest(name, candidates, Math.max(2, Math.floor(name.length / 2)));
  const ordered = best ? [best, ...candidates.filter((c) => c !== best)] : candidates;
  return ordered.slice(0, 3).flatMap((c, i) => replaceReported(input, c, `Change to \`${c}\``, i === 0 && best !== undefined));
}

/** E27: the pod `restartPolicy` a workload kind rejects → an accepted one; `activeDeadlineSeconds` where it is forbidden → removed. */
export function workloadRestartPolicyFixes(input: FixInput): FixAction[] {
  const fix = (input.data.fix ?? {}) as { insert?: string; value?: string; replaceWith?: string; remove?: string };
  if (fix.remove) return removeReportedField(input, true);
  if (fix.replaceWith) return replaceReported(input, fix.replaceWith, `Change to \`${fix.replaceWith}\``);
  if (fix.insert && fix.value) {
    const t = podTarget(input);
    if (!t) return [];
    const pair = t.pod.restartPolicyPair;
    if (pair?.merged || pair?.value?.alias) return [];
    if (pair) return action(`Set \`restartPolicy: ${fix.value}\``, setPair(t.ctx, t.map, 'restartPolicy', fix.value), true);
    return action(`Add \`restartPolicy: ${fix.value}\` to the pod template`, insertPair(t.ctx, t.map, 'restartPolicy', fix.value, { before: ['initContainers', 'containers'] }), true);
  }
  return [];
}
