/**
 * Hovers on single fields: `restartPolicy` of an init container (native sidecar semantics and version),
 * probes and `lifecycle` (allowed here or not, and why), and every other pod-spec / container field (its
 * documentation from the bundled API definitions, with role-specific notes).
 */
import { gateEnabled, gateKnown } from '../featureGates';
import type { ContainerModel, PodSpecModel } from '../model/types';
import { definition, fieldInfo, fieldKnownIn } from '../schema/fieldInfo';
import type { FieldInfo } from '../schema/fieldInfo';
import type { Settings } from '../settings';
import { compareVersions } from '../settings';
import { nameOf } from '../startup';
import { DOCS, code, link } from './markdown';

export const PROBE_KEYS = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;

/** Where the selected version stands on native sidecars. */
export function sidecarVersionText(settings: Settings): string {
  const v = settings.kubernetesVersion;
  if (gateEnabled(settings, 'SidecarContainers')) {
    const stage = compareVersions(v, '1.33') >= 0 ? 'GA since 1.33' : compareVersions(v, '1.29') >= 0 ? 'beta, on by default since 1.29' : 'alpha, `SidecarContainers` gate enabled';
    return `✓ Supported by the selected Kubernetes ${v} (${stage}).`;
  }
  if (!gateKnown(settings, 'SidecarContainers')) {
    return `✗ Kubernetes ${v} does not know this field: the API server rejects it under strict field validation, or drops it — then the container runs as a regular init container and blocks every later step. Needs Kubernetes 1.29+.`;
  }
  return `✗ In Kubernetes ${v} native sidecars are alpha behind the \`SidecarContainers\` feature gate, which is off: the API server drops the field and the container runs as a regular init container. Needs 1.29+ (or the gate).`;
}

export function initRestartPolicyHover(pod: PodSpecModel, container: ContainerModel, settings: Settings): string {
  const value = container.restartPolicy;
  const rules = gateEnabled(settings, 'ContainerRestartRules');
  const path = `${container.path}.restartPolicy`;
  if (value === 'Always' || value === undefined) {
    return [
      `**\`restartPolicy: Always\` on an init container** makes ${nameOf(container)} a native **sidecar**:`,
      '',
      '- it starts in init-container order, but the next step does not wait for it to exit — only for it to start (or to pass its `startupProbe`);',
      '- it keeps running alongside the app containers and is restarted whenever it exits, whatever the pod’s `restartPolicy`;',
      '- it is stopped after the app containers, in reverse start order, so it does not block a Job from completing;',
      '- probes and `lifecycle` hooks are allowed on it; its resources count for the pod’s whole life.',
      '',
      sidecarVersionText(settings),
      '',
      `${link('Sidecar containers', DOCS.sidecar)}`,
    ].join('\n');
  }
  if ((value === 'Never' || value === 'OnFailure') && rules) {
    const meaning =
      value === 'Never'
        ? 'if it fails it is not restarted, and the pod fails'
        : 'if it fails it is restarted in place until it succeeds';
    return [
      `**\`restartPolicy: ${value}\` on an init container** (container restart rules, Kubernetes ${settings.kubernetesVersion}): ${nameOf(container)} stays a **regular init container** — it must exit 0 before the next step — with its own restart policy: ${meaning}, whatever the pod’s \`restartPolicy: ${pod.restartPolicy}\`.`,
      '',
      'Only `Always` makes a sidecar.',
      '',
      link('Container restart rules', DOCS.containerRestartRules),
    ].join('\n');
  }
  const supported = rules ? '"Always", "Never", "OnFailure"' : '"Always"';
  return [
    `**\`restartPolicy: ${value}\` on an init container** is rejected by Kubernetes ${settings.kubernetesVersion}: \`${path}: Unsupported value: "${value}": supported values: ${supported}\`.`,
    '',
    `Use \`Always\` to make ${nameOf(container)} a sidecar; omit the field for a regular init container.${rules ? '' : ' `Never`/`OnFailure` need the `ContainerRestartRules` gate (on by default from 1.35).'}`,
    '',
    link('Sidecar containers', DOCS.sidecar),
  ].join('\n');
}

const PROBE_PURPOSE: Readonly<Record<string, string>> = {
  livenessProbe: 'restarts the container when it fails',
  readinessProbe: 'takes the pod out of Service endpoints while it fails',
  startupProbe: 'holds back the liveness and readiness probes until it passes',
  lifecycle: 'runs `postStart` right after the container starts and `preStop` before it is stopped',
};

export function probeOrLifecycleHover(container: ContainerModel, key: string, settings: Settings): string {
  const what = `${code(key)} — ${PROBE_PURPOSE[key] ?? ''}`;
  const docs = key === 'lifecycle' ? link('Container lifecycle hooks', DOCS.lifecycleHooks) : link('Probes', DOCS.probes);
  const path = `${container.path}.${key}`;
  const sidecarOn = gateEnabled(settings, 'SidecarContainers');
  let verdict: string;
  if (container.list === 'ephemeralContainers') {
    verdict = `✗ **Not allowed** on ephemeral container ${nameOf(container)}: debugging containers are never probed or hooked. API server: \`${path}: Forbidden: cannot be set for an Ephemeral Container\`.`;
  } else if (container.role === 'init' || (container.role === 'sidecar' && !sidecarOn)) {
    const legacy = compareVersions(settings.kubernetesVersion, '1.28') < 0;
    const api = legacy ? `${path}: Invalid value: …: must not be set for init containers` : `${path}: Forbidden: may not be set for init containers without restartPolicy=Always`;
    verdict = `✗ **Not allowed** on init container ${nameOf(container)}: it runs to completion before the next step, so there is nothing long-running to probe or hook. API server: \`${api}\`.\n\nDrop it, or — if the container must keep running — make it a sidecar with \`restartPolicy: Always\`${sidecarOn ? '' : ` (needs Kubernetes 1.29+; selected ${settings.kubernetesVersion})`}.`;
  } else if (container.role === 'sidecar') {
    const extra: Readonly<Record<string, string>> = {
      startupProbe: ' For a sidecar it also gates the startup sequence: the next init container (or the app containers) starts only after it passes.',
      readinessProbe: ' For a sidecar it counts toward the pod’s readiness but does not hold back the next step (use a `startupProbe` for that).',
      livenessProbe: ' A failing sidecar is restarted without restarting the pod.',
      lifecycle: ' For a sidecar, `preStop` runs when it is stopped after the app containers (reverse start order).',
    };
    verdict = `✓ **Allowed** on sidecar ${nameOf(container)} (\`restartPolicy: Always\`).${extra[key] ?? ''}`;
  } else {
    verdict = `✓ **Allowed** on app container ${nameOf(container)}.`;
  }
  return `${what}\n\n${verdict}\n\n${docs}`;
}

/** The definition a pod-spec path leads to, and the field at its end. */
export function resolveField(podPath: readonly (string | number)[]): { field: FieldInfo; name: string; owner: string } | undefined {
  let def = 'PodSpec';
  let result: { field: FieldInfo; name: string; owner: string } | undefined;
  for (const seg of podPath) {
    if (typeof seg === 'number') continue;
    if (result !== undefined) {
      if (!result.field.ref || !definition(result.field.ref)) return undefined;
      def = result.field.ref;
    }
    const field = fieldInfo(def, seg);
    if (!field) return undefined;
    result = { field, name: seg, owner: def };
  }
  return result;
}

/** Notes that depend on the container's role or the pod, for a few fields. */
function roleNote(pod: PodSpecModel, container: ContainerModel | undefined, podPath: readonly (string | number)[], settings: Settings): string | undefined {
  const field = podPath[podPath.length - 1];
  if (!container) {
    if (podPath.length === 1 && field === 'restartPolicy') {
      const allowed = pod.workload.allowedRestartPolicies;
      const kind = allowed ? ` A ${pod.workload.kind} allows ${allowed.map((a) => `\`${a}\``).join(' or ')}.` : '';
      return `Applies to the app containers and regular init containers; sidecars always restart.${kind} This pod: \`${pod.restartPolicy}\`${pod.restartPolicyPair ? '' : ' (default)'}.`;
    }
    if (podPath.length === 1 && field === 'containers') return 'App containers start together after every init container has completed (and every sidecar has started).';
    return undefined;
  }
  if (podPath.length !== 3) return undefined;
  if (container.role === 'init' && field === 'ports') {
    return 'A regular init container exits before the app containers start: nothing can connect to these ports afterwards, and a Service `targetPort` naming one finds no endpoint.';
  }
  if (container.role === 'sidecar' && field === 'ports') {
    return `A sidecar’s ports are served for the pod’s whole life. Named sidecar ports work as a Service \`targetPort\` from Kubernetes 1.32${compareVersions(settings.kubernetesVersion, '1.32') < 0 ? ` (selected ${settings.kubernetesVersion}: not yet)` : ''}.`;
  }
  if (container.list === 'initContainers' && field === 'resizePolicy') {
    const ok = gateEnabled(settings, 'InPlacePodVerticalScaling');
    return `On init containers this needs in-place resize (\`InPlacePodVerticalScaling\`, on by default from 1.33): ${ok ? `✓ allowed in ${settings.kubernetesVersion}` : `✗ rejected in ${settings.kubernetesVersion} (\`must not be set for init containers\`)`}.`;
  }
  if (container.list === 'containers' && field === 'restartPolicy') {
    const ok = gateEnabled(settings, 'ContainerRestartRules');
    return `On an app container this is **not** the sidecar marker (that is \`restartPolicy: Always\` under \`initContainers\`). ${ok ? `Kubernetes ${settings.kubernetesVersion} accepts it as the container’s own restart policy (container restart rules).` : `✗ Rejected by Kubernetes ${settings.kubernetesVersion}: \`${container.path}.restartPolicy: Forbidden: may not be set for non-init containers\`.`}`;
  }
  if (field === 'restartPolicyRules') {
    const ok = gateEnabled(settings, 'ContainerRestartRules');
    return ok ? `Needs a container \`restartPolicy\`; supported by Kubernetes ${settings.kubernetesVersion}.` : `✗ The \`ContainerRestartRules\` gate is off in ${settings.kubernetesVersion}: the API server silently drops these rules.`;
  }
  return undefined;
}

export function fieldDocHover(pod: PodSpecModel, container: ContainerModel | undefined, podPath: readonly (string | number)[], settings: Settings): string | undefined {
  const resolved = resolveField(podPath);
  if (!resolved) return undefined;
  const { field, name, owner } = resolved;
  const type = field.ref && !field.type.includes(field.ref) ? `${field.type} (${field.ref})` : field.type;
  const lines = [`**${code(name)}** · ${code(type)} · ${owner}`, '', field.description.trim()];
  if (field.enum && field.enum.length > 0 && field.enum.length <= 12) lines.push('', `Values: ${field.enum.map((e) => code(e)).join(', ')}`);
  if (!fieldKnownIn(field, settings.kubernetesVersion)) {
    const when = compareVersions(settings.kubernetesVersion, field.since) < 0 ? `added in ${field.since}` : `removed after ${field.until ?? '?'}`;
    lines.push('', `⚠ Not in the selected Kubernetes ${settings.kubernetesVersion} (${when}).`);
  } else if (field.since !== '1.27') lines.push('', `Since Kubernetes ${field.since}.`);
  const note = roleNote(pod, container, podPath, settings);
  if (note) lines.push('', note);
  lines.push('', link(`Pod API reference (${owner})`, DOCS.podApi));
  return lines.join('\n');
}
