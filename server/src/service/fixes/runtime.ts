import { isMap, isScalar, isSeq } from 'yaml';
import type { Scalar } from 'yaml';
import type { FixAction, FixInput, OffsetEdit } from '../../rules/types';
import { analyzeContainer } from '../command/analyze';
import { addToSeqOf, findPair, insertItem, insertPair, movableItem, pairAt, removeItem, replaceScalar } from '../edits/index';
import { locateFix } from '../edits/locate';
import { markMoved } from '../edits/text';
import { mapPairs, mapValue, scalarText, scalarValue, seqItems } from '../parse/nav';
import { action, containerTarget, nameOf, removeFieldFix, setContainerField } from './common';
import { moveToSidecarFix } from './move';

const TIMEOUT_SECONDS = '300';

/** W01: a legacy sidecar in a Job's `containers` → a native sidecar (moved to `initContainers`, `restartPolicy: Always`). */
export function legacySidecarFix(input: FixInput): FixAction[] {
  const t = containerTarget(input);
  if (!t || input.data.messageId !== 'blocksCompletion') return [];
  return moveToSidecarFix(input, t, true);
}

/**
 * W03: an unbounded wait loop → bounded by `timeout 300`: the whole command when the script is only
 * the loop, else the loop itself (`timeout 300 sh -c '…'`) when it uses no shell variables.
 */
export function timeoutLoopFix(input: FixInput): FixAction[] {
  const t = containerTarget(input);
  if (!t || input.data.messageId !== 'unbounded') return [];
  const analysis = analyzeContainer(t.container, t.pod.yaml);
  const loop = analysis.loops.find((l) => l.bound === undefined && !l.background && l.timeout === undefined && (l.kind !== 'for' || l.infinite));
  const word = analysis.scriptWord;
  if (!loop || !word || word.ref.alias || !isScalar(word.ref.node) || loop.script.text !== word.text) return [];
  const script = word.text;
  const loopText = script.slice(loop.node.start, loop.node.end);
  const rest = (script.slice(0, loop.node.start) + script.slice(loop.node.end)).replace(/\bset -[a-z]+\b/g, '').replace(/[\s;]/g, '');
  const shell = analysis.command.argv[analysis.command.program]?.text ?? 'sh';
  const command = findPair(t.map, 'command')?.value;
  if (rest === '' && isSeq(command) && analysis.command.commandPair && !analysis.command.commandPair.merged && analysis.command.timeout === undefined) {
    const edits = [...insertItem(t.ctx, command, 'timeout', 0), ...insertItem(t.ctx, command, TIMEOUT_SECONDS, 0)];
    return action(`Give up after ${TIMEOUT_SECONDS} seconds: run the command under \`timeout ${TIMEOUT_SECONDS}\``, edits, true);
  }
  if (/\$[A-Za-z_{]/.test(loopText) || !/^(ba|da|a)?sh$/.test(shell.replace(/^.*\//, ''))) return [];
  const wrapped = `timeout ${TIMEOUT_SECONDS} ${shell.replace(/^.*\//, '')} -c '${loopText.replace(/'/g, `'\\''`)}'`;
  const next = script.slice(0, loop.node.start) + wrapped + script.slice(loop.node.end);
  return action(`Give up after ${TIMEOUT_SECONDS} seconds: wrap the loop in \`timeout ${TIMEOUT_SECONDS}\``, [replaceScalar(t.ctx, word.ref.node as Scalar, next)], true);
}

/** W07: move the sidecar above the init container that needs it. */
export function sidecarOrderFix(input: FixInput): FixAction[] {
  const t = containerTarget(input);
  if (!t) return [];
  const seq = findPair(t.pod.ref.node as never, 'initContainers')?.value;
  if (!isSeq(seq) || t.pod.pairs.get('initContainers')?.merged) return [];
  const sidecar = t.pod.initContainers.find((c) => c.role === 'sidecar' && c.index > t.container.index && input.data.args['sidecar'] === c.label);
  if (!sidecar || sidecar.ref.alias) return [];
  const item = movableItem(t.ctx, sidecar.ref.node, t.pod.yaml, seq.flow === true);
  const edits: OffsetEdit[] = [...removeItem(t.ctx, seq, sidecar.index), ...markMoved(insertItem(t.ctx, seq, item, t.container.index))];
  return action(`Move ${nameOf(sidecar)} above ${nameOf(t.container)}`, edits, true);
}

/** W08: a `startupProbe` on the sidecar's health endpoint or port, so the next init containers wait for it. */
export function startupProbeFix(input: FixInput): FixAction[] {
  const t = containerTarget(input);
  if (!t) return [];
  const probe = probeFor(t);
  if (!probe) return [];
  const where = 'httpGet' in probe ? `\`${probe.httpGet.path}\` on port ${probe.httpGet.port}` : `port ${probe.tcpSocket.port}`;
  return action(`Add a \`startupProbe\` (${where}) to ${nameOf(t.container)}`, setContainerField(t, 'startupProbe', probe, { after: ['ports', 'args', 'command', 'image', 'name'] }), true);
}

type Probe = { httpGet: { path: string; port: number }; periodSeconds: number; failureThreshold: number } | { tcpSocket: { port: number }; periodSeconds: number; failureThreshold: number };

/** A health endpoint (`--health-check --http-port=N` of cloud-sql-proxy), the first declared port, or a `--port=N` argument. */
function probeFor(t: NonNullable<ReturnType<typeof containerTarget>>): Probe | undefined {
  const timing = { periodSeconds: 1, failureThreshold: 60 };
  const args = analyzeContainer(t.container, t.pod.yaml).command.argv.map((w) => w.text);
  const flag = (name: string): number | undefined => {
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      const m = new RegExp(`^--${name}(?:=(\\d+))?$`).exec(a);
      if (!m) continue;
      const v = Number(m[1] ?? args[i + 1]);
      if (Number.isInteger(v) && v > 0 && v < 65536) return v;
    }
    return undefined;
  };
  const health = args.includes('--health-check') ? flag('http-port') : undefined;
  if (health !== undefined) return { httpGet: { path: '/startup', port: health }, ...timing };
  const declared = seqItems(t.container.pairs.get('ports')?.value, t.pod.yaml)
    .map(({ ref }) => scalarValue(mapValue(ref, 'containerPort', t.pod.yaml)))
    .find((p): p is number => typeof p === 'number');
  const port = declared ?? flag('port');
  return port === undefined ? undefined : { tcpSocket: { port }, ...timing };
}

/** W12: a sidecar whose command finishes → a regular init container (no `restartPolicy: Always`). */
export function oneShotSidecarFix(input: FixInput): FixAction[] {
  const t = containerTarget(input);
  if (!t) return [];
  return removeFieldFix(t, 'restartPolicy', true).map((a) => ({ ...a, title: `Remove \`restartPolicy: Always\`: ${nameOf(t.container)} runs once as a regular init container` }));
}

/** W16: scope a `podFailurePolicy` exit-code rule to the main container. */
export function scopeExitCodesFix(input: FixInput): FixAction[] {
  const target = locateFix(input);
  const doc = target?.document.source.yaml;
  const found = doc && target ? pairAt(doc, target.at) : undefined;
  const pod = target?.object?.podSpecs[0];
  const main = pod?.containers.find((c) => c.name !== undefined)?.name;
  if (!target || !found || found.key !== 'onExitCodes' || !isMap(found.pair.value) || !main) return [];
  return action(`Match exit codes of \`${main}\` only (\`containerName: ${main}\`)`, insertPair(target.ctx, found.pair.value, 'containerName', main, { before: ['operator', 'values'] }), true);
}

/** W06: equal cpu and memory requests and limits for the init container (its limits, else its requests, else small defaults). */
export function guaranteedResourcesFix(input: FixInput): FixAction[] {
  const t = containerTarget(input);
  if (!t || t.container.pairs.get('resources')?.merged) return [];
  const doc = t.pod.yaml;
  const resources = t.container.pairs.get('resources')?.value;
  const requests = mapValue(resources, 'requests', doc);
  const limits = mapValue(resources, 'limits', doc);
  const names = new Set([...mapPairs(requests, doc), ...mapPairs(limits, doc)].map((p) => p.keyText));
  if ([...names].some((n) => n !== 'cpu' && n !== 'memory')) return [];
  const pick = (name: string, fallback: string): string => scalarText(mapValue(limits, name, doc)) ?? scalarText(mapValue(requests, name, doc)) ?? fallback;
  const values = { cpu: pick('cpu', '100m'), memory: pick('memory', '64Mi') };
  return action(
    `Give ${nameOf(t.container)} equal requests and limits (cpu ${values.cpu}, memory ${values.memory})`,
    setContainerField(t, 'resources', { requests: values, limits: values }),
    true,
  );
}

/** W09: mount the emptyDir the init container fills into the first app container (read-only). */
export function consumeVolumeFix(input: FixInput): FixAction[] {
  if (input.data.messageId !== 'notConsumed') return [];
  const target = locateFix(input);
  const pod = target?.pod;
  const volume = pod?.volumes.find((v) => v.nameRef && target && target.at >= v.nameRef.span.start && target.at <= v.nameRef.span.end);
  const app = pod?.containers[0];
  if (!target || !pod || !volume?.name || !app || app.ref.alias || !isMap(app.ref.node) || app.pairs.get('volumeMounts')?.merged) return [];
  const initPath = pod.initContainers.flatMap((c) => c.volumeMounts).find((m) => m.name === volume.name)?.mountPath ?? `/${volume.name}`;
  const mountPath = app.volumeMounts.some((m) => m.mountPath === initPath) ? `/mnt/${volume.name}` : initPath;
  const edits = addToSeqOf(target.ctx, app.ref.node, 'volumeMounts', { name: volume.name, mountPath, readOnly: true }, { after: ['image', 'name'] });
  return action(`Mount \`${volume.name}\` in ${nameOf(app)} at \`${mountPath}\` (read-only)`, edits, true);
}
