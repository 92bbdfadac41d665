import assert from 'node:assert/strict';
import { isNode } from 'yaml';
import type { Node } from 'yaml';
import { parseYamlFile } from '../../../server/src/service/parse/yamlFile';
import { applyEdits, editContext } from '../../../server/src/service/edits/index';
import type { EditContext } from '../../../server/src/service/edits/index';
import type { OffsetEdit } from '../../../server/src/rules/types';

/** The node at a path of the `doc`-th YAML document of a text, with its edit context. */
export function nodeAt<T extends Node = Node>(text: string, path: ReadonlyArray<string | number>, doc = 0): { ctx: EditContext; node: T } {
  const chunks = parseYamlFile(text).documents.filter((d) => d.yaml !== undefined);
  const chunk = chunks[doc];
  assert.ok(chunk?.yaml, `document ${doc}`);
  const node = path.length === 0 ? chunk.yaml.contents : chunk.yaml.getIn(path, true);
  assert.ok(isNode(node), `node at ${path.join('.')}`);
  return { ctx: editContext(text, chunk.offset, chunk.text), node: node as T };
}

/** Applies edits and checks that every YAML document of the result parses without errors. */
export function applyAndParse(text: string, edits: readonly OffsetEdit[]): string {
  const out = applyEdits(text, edits);
  for (const d of parseYamlFile(out).documents) assert.deepEqual(d.errors, [], `result parses:\n${out}`);
  return out;
}

/** Converts `\n` to `\r\n` (for CRLF variants of a case). */
export const crlf = (s: string): string => s.replace(/\n/g, '\r\n');
