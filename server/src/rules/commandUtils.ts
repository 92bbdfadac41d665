import type { NodeRef, Span } from '../service/parse/nav';
import { nodeSpan } from '../service/parse/nav';

/**
 * The chunk-relative span of a piece of a script (`[start, end)` in the script text) inside the YAML
 * scalar that holds the script, when it can be located without doubt: the text from `start` to the end
 * of its line occurs exactly once in the script and exactly once in the scalar's source. Escapes,
 * folding and block indentation make other cases ambiguous; then undefined.
 */
export function scriptSpan(ref: NodeRef, script: string, start: number, end: number, chunkText: string): Span | undefined {
  if (ref.alias) return undefined;
  const line = script.slice(start).split('\n')[0] ?? '';
  const snippet = line.slice(0, Math.max(end - start, Math.min(line.length, 40)));
  if (snippet.length < end - start || snippet.length === 0) return undefined;
  if (count(script, snippet) !== 1) return undefined;
  const range = nodeSpan(ref.node);
  const raw = chunkText.slice(range.start, range.end);
  if (count(raw, snippet) !== 1) return undefined;
  const at = range.start + raw.indexOf(snippet);
  return { start: at, end: at + (end - start) };
}

function count(text: string, snippet: string): number {
  let n = 0;
  for (let i = text.indexOf(snippet); i >= 0 && n < 2; i = text.indexOf(snippet, i + 1)) n++;
  return n;
}

/** A container label at the start of a sentence: "init container 2 of 3 `x`" → "Init container 2 of 3 `x`". */
export function sentence(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}
