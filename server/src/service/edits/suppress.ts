import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Node } from 'yaml';
import { parseChunk } from '../parse/yamlFile';
import type { OffsetEdit } from '../../rules/types';
import type { Manifest } from '../model/types';
import { documentAt } from './locate';
import { applyEdits, eolOf, indentOfLine, lineEndOf, lineStartOf } from './text';

const NEXT_LINE = /^([ \t]*)#\s*k8s-init-disable-next-line\b(.*)$/;

/**
 * The edit that suppresses `ruleId` on the line of an absolute offset: a
 * `# k8s-init-disable-next-line <rule-id>` comment above it at the line's indentation, or the rule
 * id added to such a comment already there. Undefined when a comment there would change the data
 * (inside a block scalar or a multi-line quoted string) or the rule is already listed.
 */
export function suppressionEdit(text: string, manifest: Manifest, offset: number, ruleId: string): OffsetEdit | undefined {
  const lineStart = lineStartOf(text, offset);
  let edit: OffsetEdit;
  if (lineStart > 0) {
    const prevStart = lineStartOf(text, lineStart - 1);
    const prevEnd = lineEndOf(text, prevStart);
    const m = NEXT_LINE.exec(text.slice(prevStart, prevEnd));
    if (m) {
      const rest = m[2] as string;
      const listEnd = rest.indexOf('--') === -1 ? rest.length : rest.indexOf('--');
      const ids = rest.slice(0, listEnd).split(/[\s,]+/).filter((s) => s !== '');
      if (ids.length === 0 || ids.includes(ruleId)) return undefined;
      const list = rest.slice(0, listEnd).trimEnd();
      const at = prevEnd - rest.length + list.length;
      edit = { start: at, end: at, newText: `, ${ruleId}` };
      return keepsData(manifest, edit, offset) ? edit : undefined;
    }
  }
  const indent = indentOfLine(text, offset);
  edit = { start: lineStart, end: lineStart, newText: `${indent}# k8s-init-disable-next-line ${ruleId}${eolOf(text)}` };
  return keepsData(manifest, edit, offset) ? edit : undefined;
}

/** Whether the YAML document around `offset` still parses to the same data after the edit. */
function keepsData(manifest: Manifest, edit: OffsetEdit, offset: number): boolean {
  const document = documentAt(manifest, offset);
  if (!document?.source.yaml) return false;
  const base = document.source.offset;
  const local = { start: edit.start - base, end: edit.end - base, newText: edit.newText };
  if (local.start < 0) return false;
  const changed = parseChunk(applyEdits(document.source.text, [local]), base, document.source.chunkIndex);
  if (changed.errors.length > 0 || !changed.yaml) return false;
  return sameTree(changed.yaml.contents, document.source.yaml.contents);
}

/**
 * Whether two YAML trees hold the same data, comparing aliases by their anchor name instead of
 * expanding them (an alias bomb must not be expanded) and walking iteratively (deep nesting must not
 * overflow the stack). Stricter than comparing the data, which only makes it more careful.
 */
export function sameTree(a: unknown, b: unknown): boolean {
  const stack: Array<[unknown, unknown]> = [[a, b]];
  while (stack.length > 0) {
    const [x, y] = stack.pop() as [unknown, unknown];
    if ((x === null || x === undefined) && (y === null || y === undefined)) continue;
    if (isScalar(x) && isScalar(y)) {
      if (!Object.is(x.value, y.value) || x.tag !== y.tag || x.anchor !== y.anchor) return false;
    } else if (isAlias(x) && isAlias(y)) {
      if (x.source !== y.source) return false;
    } else if (isPair(x) && isPair(y)) {
      stack.push([x.key, y.key], [x.value, y.value]);
    } else if ((isMap(x) && isMap(y)) || (isSeq(x) && isSeq(y))) {
      const xs = x.items as unknown[];
      const ys = y.items as unknown[];
      if (xs.length !== ys.length || (x as Node).tag !== (y as Node).tag || (x as Node).anchor !== (y as Node).anchor) return false;
      for (let i = 0; i < xs.length; i++) stack.push([xs[i], ys[i]]);
    } else {
      return false;
    }
  }
  return true;
}
