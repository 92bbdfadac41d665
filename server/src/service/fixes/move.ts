import { isMap, isSeq } from 'yaml';
import type { FixAction, FixInput, OffsetEdit } from '../../rules/types';
import { contentEnd, findPair, insertItem, insertPair, RawYaml, removeItem, setPair, startOf } from '../edits/index';
import type { YamlValue } from '../edits/index';
import { gateEnabled } from '../featureGates';
import { lineStartOf, markMoved } from '../edits/text';
import { action, nameOf } from './common';
import type { ContainerTarget } from './common';

/** The container's text with `restartPolicy: Always` added (or kept), for writing into another list. */
function itemWithRestartPolicy(t: ContainerTarget, intoFlow: boolean): YamlValue | undefined {
  const node = t.map;
  const { ctx } = t;
  const hasAlways = t.container.restartPolicy === 'Always';
  if (intoFlow && !node.flow) {
    const data = node.toJS(t.pod.yaml, { maxAliasCount: 100 }) as Record<string, YamlValue>;
    const out: Record<string, YamlValue> = {};
    for (const [k, v] of Object.entries(data)) {
      if (k === 'restartPolicy') continue;
      out[k] = v;
      if (k === 'image' || (k === 'name' && !('image' in data))) out['restartPolicy'] = 'Always';
    }
    if (!('restartPolicy' in out)) out['restartPolicy'] = 'Always';
    return out;
  }
  const start = startOf(ctx, node);
  const end = contentEnd(ctx, node);
  const edits: OffsetEdit[] = hasAlways ? [] : setPair(ctx, node, 'restartPolicy', 'Always', { after: ['image', 'name'] });
  let text = ctx.text.slice(start, end);
  const edit = edits[0];
  if (edit) {
    if (edit.start >= end) text = `${text}${ctx.style.eol}${' '.repeat(start - lineStartOf(ctx.text, start))}${edit.newText.replace(/\r?\n$/, '').replace(/^[ \t]*/, '')}`;
    else text = ctx.text.slice(start, edit.start) + edit.newText + ctx.text.slice(edit.end, end);
  }
  if (node.flow) return new RawYaml(text.replace(/\s*\r?\n\s*/g, ' '));
  const col = start - lineStartOf(ctx.text, start);
  return new RawYaml(
    text
      .split(/\r?\n/)
      .map((line, i) => (i === 0 ? line : line.slice(Math.min(col, line.length - line.trimStart().length))))
      .join('\n'),
  );
}

/**
 * Moves an app container to the start of `initContainers` as a native sidecar (`restartPolicy: Always`),
 * creating `initContainers:` before `containers:` when the pod has none.
 */
export function moveToSidecarFix(input: FixInput, t: ContainerTarget, preferred: boolean): FixAction[] {
  if (t.container.list !== 'containers' || !gateEnabled(input.settings, 'SidecarContainers')) return [];
  const podMap = t.pod.ref.node;
  if (!isMap(podMap) || t.pod.pairs.get('containers')?.merged) return [];
  const containers = findPair(podMap, 'containers')?.value;
  if (!isSeq(containers)) return [];
  if (containers.items.filter((i) => i !== null).length < 2) return []; // a pod needs one app container
  const remove = removeItem(t.ctx, containers, t.container.index);
  const initPair = findPair(podMap, 'initContainers');
  let insert: OffsetEdit[];
  if (initPair && isSeq(initPair.value) && (initPair.value.flow || initPair.value.items.length > 0)) {
    const item = itemWithRestartPolicy(t, initPair.value.flow === true);
    if (item === undefined) return [];
    insert = insertItem(t.ctx, initPair.value, item, 0);
  } else if (initPair) {
    return [];
  } else {
    const item = itemWithRestartPolicy(t, podMap.flow === true);
    if (item === undefined) return [];
    insert = insertPair(t.ctx, podMap, 'initContainers', [item], { before: ['containers'] });
  }
  if (remove.length === 0 || insert.length === 0) return [];
  return action(`Move ${nameOf(t.container)} to \`initContainers\` as a native sidecar (\`restartPolicy: Always\`)`, [...remove, ...markMoved(insert)], preferred);
}
