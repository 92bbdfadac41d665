import { isScalar, visit } from 'yaml';
import type { Document } from 'yaml';

/**
 * Returns the chunk-relative offset of the first Go / Helm template action (`{{ … }}`) that is part of
 * the YAML structure, or undefined. Actions inside block scalars and quoted scalars are data (e.g. a
 * ConfigMap that ships templates), and actions in comments are ignored.
 */
export function findTemplateAction(text: string, yaml: Document.Parsed | undefined): number | undefined {
  let index = text.indexOf('{{');
  if (index === -1) return undefined;
  const dataSpans = yaml ? stringSpans(yaml) : [];
  while (index !== -1) {
    const lineStart = text.lastIndexOf('\n', index) + 1;
    const before = text.slice(lineStart, index);
    const commented = /(^|\s)#/.test(before);
    if (!commented && !dataSpans.some(([s, e]) => index >= s && index < e)) return index;
    index = text.indexOf('{{', index + 2);
  }
  return undefined;
}

function stringSpans(yaml: Document.Parsed): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  visit(yaml, {
    Scalar(_key, node) {
      if (!isScalar(node) || !node.range) return;
      if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED' || node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') {
        spans.push([node.range[0], node.range[1]]);
      }
    },
  });
  return spans;
}
