import assert from 'node:assert/strict';
import type { Hover, Range } from 'vscode-languageserver-types';
import { getLanguageService } from '../../../server/src/service/index';
import { LineIndex } from '../../../server/src/service/parse/ranges';
import { normalizeSettings } from '../../../server/src/service/settings';

/**
 * `marked` holds one `|` (the cursor) and optionally `⟦…⟧` around the exact text the hover range must cover.
 * (Manifests in hover tests avoid `|` block scalars.)
 */
export function parseMarked(marked: string): { text: string; offset: number; expected: { start: number; end: number } | undefined } {
  let text = '';
  let offset = -1;
  let open = -1;
  let expected: { start: number; end: number } | undefined;
  for (const ch of marked) {
    if (ch === '|') {
      assert.equal(offset, -1, 'more than one | cursor marker');
      offset = text.length;
    } else if (ch === '⟦') open = text.length;
    else if (ch === '⟧') expected = { start: open, end: text.length };
    else text += ch;
  }
  assert.ok(offset >= 0, 'no | cursor marker');
  return { text, offset, expected };
}

export interface HoverResult {
  readonly hover: Hover | null;
  readonly markdown: string;
  readonly text: string;
  readonly range: Range | undefined;
  readonly expectedRange: Range | undefined;
}

const service = getLanguageService();

export function hoverAt(marked: string, settings: Record<string, unknown> = {}): HoverResult {
  const { text, offset, expected } = parseMarked(marked);
  const file = service.parse(text);
  const lines = new LineIndex(text);
  const hover = service.doHover('file:///test.yaml', file, lines.positionAt(offset), normalizeSettings(settings));
  const contents = hover?.contents;
  const markdown = contents && typeof contents === 'object' && 'value' in contents ? contents.value : '';
  if (hover) assert.equal((contents as { kind?: string }).kind, 'markdown');
  return {
    hover,
    markdown,
    text,
    range: hover?.range,
    expectedRange: expected ? { start: lines.positionAt(expected.start), end: lines.positionAt(expected.end) } : undefined,
  };
}

/** Asserts a hover exists, covers the ⟦…⟧ range, and contains every snippet. */
export function expectHover(marked: string, snippets: readonly string[], settings: Record<string, unknown> = {}): string {
  const r = hoverAt(marked, settings);
  assert.ok(r.hover, 'expected a hover');
  if (r.expectedRange) assert.deepEqual(r.range, r.expectedRange, 'hover range');
  for (const s of snippets) assert.ok(r.markdown.includes(s), `hover lacks ${JSON.stringify(s)}:\n${r.markdown}`);
  return r.markdown;
}

/** The first section of a hover (before any diagnostic sections). */
export function firstSection(markdown: string): string {
  return markdown.split('\n\n---\n\n')[0] ?? '';
}
