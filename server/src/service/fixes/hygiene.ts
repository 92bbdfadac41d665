import { isMap, isScalar, isSeq } from 'yaml';
import type { FixAction, FixInput } from '../../rules/types';
import { appendItem, findPair, insertPair, pairAt, removeItem, removePair, setPair } from '../edits/index';
import { locateFix } from '../edits/locate';
import { mapValue, scalarValue, seqItems } from '../parse/nav';
import { action, childMap, containerTarget, nameOf, podTarget, replaceReported, setPath } from './common';
import type { ContainerTarget } from './common';

/** Current tags of images often used in init containers and sidecars (what "pin the tag" offers). */
const KNOWN_TAGS: Readonly<Record<string, string>> = {
  busybox: '1.36.1',
  alpine: '3.20.3',
  'alpine/git': 'v2.45.2',
  'curlimages/curl': '8.10.1',
  'bitnami/kubectl': '1.31.1',
  nginx: '1.27.2',
  postgres: '16.4',
  mysql: '8.4.2',
  redis: '7.4.1',
  python: '3.12.7-slim',
  'envoyproxy/envoy': 'v1.31.2',
  'istio/proxyv2': '1.23.2',
  'gcr.io/cloud-sql-connectors/cloud-sql-proxy': '2.14.0',
  'fluent/fluent-bit': '3.1.9',
  'hashicorp/vault': '1.17.6',
  'migrate/migrate': 'v4.17.1',
  'flyway/flyway': '10.20.0',
  'otel/opentelemetry-collector-contrib': '0.111.0',
};

/** H01: an untagged or `:latest` image of a well-known repository → a pinned release tag. */
export function pinImageFix(input: FixInput): FixAction[] {
  const image = (input.data.fix as { image?: string } | undefined)?.image;
  if (!image) return [];
  const repository = image.replace(/:latest$/, '');
  const short = repository.replace(/^(docker\.io\/)?(library\/)?/, '');
  const tag = KNOWN_TAGS[short];
  return tag ? replaceReported(input, `${repository}:${tag}`, `Pin the image to \`${repository}:${tag}\``) : [];
}

/** H03: a literal secret in `env[].value` → a `secretKeyRef` (the Secret is named after the object). */
export function secretKeyRefFix(input: FixInput): FixAction[] {
  const t = locateFix(input);
  const doc = t?.document.source.yaml;
  const found = doc && t ? pairAt(doc, t.at) : undefined;
  if (!t || !found || found.key !== 'value') return [];
  const envName = stringOf(findPair(found.map, 'name')?.value);
  if (!envName) return [];
  const secret = `${(t.object?.name ?? 'app').replace(/[^a-z0-9-]+/g, '-')}-secrets`;
  const key = envName.toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^-+|-+$/g, '');
  const valueFrom = { secretKeyRef: { name: secret, key } };
  return action(`Read \`${envName}\` from the Secret \`${secret}\` (key \`${key}\`)`, [...removePair(t.ctx, found.map, 'value'), ...insertPair(t.ctx, found.map, 'valueFrom', valueFrom, { after: ['name'] })], true);
}

/** H05: resources for a sidecar or init container without any. */
export function addResourcesFix(input: FixInput): FixAction[] {
  const t = containerTarget(input);
  if (!t) return [];
  const resources = { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '128Mi' } };
  return action(`Add \`resources\` to ${nameOf(t.container)} (requests cpu 50m, memory 64Mi; limit memory 128Mi)`, setSecurityLike(t, ['resources'], resources), true);
}

/** H06: a readiness probe on the sidecar's first declared port. */
export function sidecarProbeFix(input: FixInput): FixAction[] {
  const t = containerTarget(input);
  if (!t) return [];
  const ports = seqItems(t.container.pairs.get('ports')?.value, t.pod.yaml);
  const port = ports.map(({ ref }) => scalarValue(mapValue(ref, 'containerPort', t.pod.yaml))).find((p): p is number => typeof p === 'number');
  if (port === undefined) return [];
  return action(`Add a \`readinessProbe\` on port ${port} to ${nameOf(t.container)}`, setSecurityLike(t, ['readinessProbe'], { tcpSocket: { port }, periodSeconds: 10 }), true);
}

function stringOf(node: unknown): string | undefined {
  return isScalar(node) && node.value !== null ? String(node.value) : undefined;
}

/** Sets a (nested) container field, creating the mappings on the way. */
function setSecurityLike(t: ContainerTarget, path: readonly string[], value: Parameters<typeof setPath>[3]): ReturnType<typeof setPath> {
  const [head] = path;
  if (head === undefined || t.container.pairs.get(head)?.merged) return [];
  const existing = childMap(t.map, head);
  if (!existing && findPair(t.map, head) && path.length > 1) {
    // `securityContext:` written empty or as a scalar: replace its value.
    let nested = value;
    for (const key of [...path.slice(1)].reverse()) nested = { [key]: nested };
    return setPair(t.ctx, t.map, head, nested);
  }
  return setPath(t.ctx, t.map, path, value);
}

/** H08 / H10: a boolean in the container's `securityContext`. */
export function securityFlagFix(key: 'allowPrivilegeEscalation' | 'readOnlyRootFilesystem', value: boolean) {
  return (input: FixInput): FixAction[] => {
    const t = containerTarget(input);
    if (!t) return [];
    return action(`Set \`securityContext.${key}: ${value}\` on ${nameOf(t.container)}`, setSecurityLike(t, ['securityContext', key], value), true);
  };
}

/** H11 (capabilities not dropped): `capabilities.drop: [ALL]`. */
export function dropCapabilitiesFix(input: FixInput): FixAction[] {
  if (input.data.messageId !== 'notDropped') return [];
  const t = containerTarget(input);
  if (!t) return [];
  const sc = childMap(t.map, 'securityContext');
  const capabilities = sc ? childMap(sc, 'capabilities') : undefined;
  const drop = capabilities ? findPair(capabilities, 'drop')?.value : undefined;
  const edits = isSeq(drop) && (drop.flow || drop.items.length > 0) ? appendItem(t.ctx, drop, 'ALL') : setSecurityLike(t, ['securityContext', 'capabilities', 'drop'], ['ALL']);
  return action(`Drop all capabilities of ${nameOf(t.container)} (\`capabilities.drop: [ALL]\`)`, edits, true);
}

/** H12: `imagePullPolicy: Always`. */
export function pullAlwaysFix(input: FixInput): FixAction[] {
  const t = containerTarget(input);
  if (!t) return [];
  return action(`Set \`imagePullPolicy: Always\` on ${nameOf(t.container)}`, setSecurityLike(t, ['imagePullPolicy'], 'Always'), true);
}

/** H13: the `RuntimeDefault` seccomp profile (for the whole pod when none is set, else instead of `Unconfined`). */
export function seccompFix(input: FixInput): FixAction[] {
  if (input.data.messageId === 'unconfined') {
    const t = locateFix(input);
    const doc = t?.document.source.yaml;
    const found = doc && t ? pairAt(doc, t.at) : undefined;
    if (found?.key === 'type' && isScalar(found.pair.value)) return replaceReported(input, 'RuntimeDefault', 'Use the `RuntimeDefault` seccomp profile');
    return [];
  }
  const c = containerTarget(input);
  if (c && mapValue(c.container.pairs.get('securityContext')?.value, 'seccompProfile', c.pod.yaml)) {
    // The container's own profile overrides the pod's: fix it there.
    return action(`Set \`securityContext.seccompProfile.type: RuntimeDefault\` on ${nameOf(c.container)}`, setSecurityLike(c, ['securityContext', 'seccompProfile'], { type: 'RuntimeDefault' }), true);
  }
  const t = podTarget(input);
  if (!t || t.pod.pairs.get('securityContext')?.merged) return [];
  const sc = childMap(t.map, 'securityContext');
  const edits = sc ? setPair(t.ctx, sc, 'seccompProfile', { type: 'RuntimeDefault' }) : setPair(t.ctx, t.map, 'securityContext', { seccompProfile: { type: 'RuntimeDefault' } }, { before: ['initContainers', 'containers'] });
  return action('Set the pod\'s `securityContext.seccompProfile.type: RuntimeDefault`', edits, true);
}

/** H14: mount a writable hostPath read-only. */
export function readOnlyMountFix(input: FixInput): FixAction[] {
  const t = locateFix(input);
  const doc = t?.document.source.yaml;
  const found = doc && t ? pairAt(doc, t.at) : undefined;
  if (!t || !found || found.key !== 'name' || input.data.messageId !== 'writable') return [];
  return action('Mount it read-only (`readOnly: true`)', setPair(t.ctx, found.map, 'readOnly', true, { after: ['mountPath', 'name'] }), true);
}

/** H16: a repeated env var: remove the earlier definition (the later one is what the container gets), or this one. */
export function duplicateEnvFixes(input: FixInput): FixAction[] {
  const t = containerTarget(input);
  const fix = (input.data.fix ?? {}) as { name?: string; index?: number };
  const env = t ? findPair(t.map, 'env')?.value : undefined;
  if (!t || !isSeq(env) || fix.index === undefined || t.container.pairs.get('env')?.merged) return [];
  const first = env.items.findIndex((item, i) => i < (fix.index as number) && isMap(item) && stringOf(findPair(item, 'name')?.value) === fix.name);
  const out: FixAction[] = [];
  if (first >= 0) out.push(...action(`Remove the earlier definition of \`${fix.name ?? ''}\` (keeps the value the container gets)`, removeItem(t.ctx, env, first), true));
  out.push(...action(`Remove this definition of \`${fix.name ?? ''}\``, removeItem(t.ctx, env, fix.index), first < 0));
  return out;
}
