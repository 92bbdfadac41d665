/**
 * Hovers: what the cursor is on, explained with this pod's own names and numbers.
 * - `initContainers` → the startup sequence; a container `name` → its place in it;
 * - `resources` / `requests` / `limits` (container or pod level) and `overhead` → effective resources and QoS;
 * - `restartPolicy` in an init container → native sidecar semantics and version;
 * - probes and `lifecycle` → allowed here or not, and why; any other pod-spec field → its API documentation;
 * - over a diagnostic of ours → the rule's explanation and docs link (appended, or alone).
 */
import type { Diagnostic, Hover, Position, Range } from 'vscode-languageserver-types';
import { MarkupKind } from 'vscode-languageserver-types';
import type { Rule } from '../rules/types';
import { cursorAt } from './cursor';
import type { CursorContext } from './cursor';
import { PROBE_KEYS, fieldDocHover, initRestartPolicyHover, probeOrLifecycleHover } from './hover/fields';
import { link } from './hover/markdown';
import { resourcesHover } from './hover/resources';
import { containerNameHover, initContainersHover } from './hover/sequence';
import type { Span } from './parse/nav';
import type { ParsedFile } from './parsedFile';
import type { Settings } from './settings';

export interface HoverOptions {
  /** Diagnostics of the document (to explain the ones under the cursor). */
  readonly diagnostics?: readonly Diagnostic[];
  /** Rules by id (for their descriptions). */
  readonly rules?: ReadonlyMap<string, Rule>;
}

interface Part {
  readonly markdown: string;
  readonly span: Span | undefined;
}

export function doHover(file: ParsedFile, position: Position, settings: Settings, options: HoverOptions = {}): Hover | null {
  const offset = file.lines.offsetAt(position);
  const cursor = cursorAt(file, offset);
  const part = cursor ? hoverPart(cursor, settings) : undefined;
  const diagnostics = diagnosticsAt(options.diagnostics ?? [], position);
  const sections: string[] = [];
  if (part) sections.push(part.markdown);
  for (const d of diagnostics) sections.push(diagnosticSection(d, options.rules));
  if (sections.length === 0) return null;
  let range: Range | undefined;
  if (part?.span && cursor) range = file.lines.rangeOf(cursor.base, part.span);
  else if (!part && diagnostics[0]) range = diagnostics[0].range;
  const hover: Hover = { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') } };
  if (range) hover.range = range;
  return hover;
}

function hoverPart(c: CursorContext, settings: Settings): Part | undefined {
  const pod = c.pod;
  if (!pod) return undefined;
  const last = c.path[c.path.length - 1];
  const keySpan = last?.kind === 'key' ? last.keySpan : undefined;
  /** Key hovers cover the key; value hovers cover the scalar under the cursor. */
  const span = c.onKey ? keySpan : c.scalarSpan;
  const pp = c.podPath;
  const container = c.container;

  if (!container) {
    if (pp.length === 1 && pp[0] === 'initContainers' && c.onKey) return { markdown: initContainersHover(pod, settings), span };
    if (pp[0] === 'resources' || pp[0] === 'overhead') {
      if (pp.length <= 3 && (c.onKey || pp.length === 3)) return { markdown: resourcesHover(pod, undefined, settings), span };
      return undefined;
    }
    if (pp.length >= 1 && typeof pp[pp.length - 1] === 'string') {
      const doc = fieldDocHover(pod, undefined, pp, settings);
      return doc ? { markdown: doc, span } : undefined;
    }
    return undefined;
  }

  const cp = c.containerPath;
  if (cp.length === 0) return undefined;
  const field = cp[0];
  if (field === 'name' && cp.length === 1) return { markdown: containerNameHover(pod, container, settings), span };
  if (field === 'resources' && cp.length <= 3 && (c.onKey || cp.length === 3)) {
    return { markdown: resourcesHover(pod, container, settings), span };
  }
  if (field === 'restartPolicy' && cp.length === 1 && container.list === 'initContainers') {
    return { markdown: initRestartPolicyHover(pod, container, settings), span };
  }
  if (cp.length === 1 && c.onKey && typeof field === 'string' && ((PROBE_KEYS as readonly string[]).includes(field) || field === 'lifecycle')) {
    return { markdown: probeOrLifecycleHover(container, field, settings), span };
  }
  if (typeof pp[pp.length - 1] !== 'string') return undefined;
  const doc = fieldDocHover(pod, container, pp, settings);
  return doc ? { markdown: doc, span } : undefined;
}

function diagnosticsAt(diagnostics: readonly Diagnostic[], p: Position): Diagnostic[] {
  const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return diagnostics.filter((d) => before(d.range.start, p) && before(p, d.range.end));
}

function diagnosticSection(d: Diagnostic, rules: ReadonlyMap<string, Rule> | undefined): string {
  const id = typeof d.code === 'string' || typeof d.code === 'number' ? String(d.code) : undefined;
  const rule = id ? rules?.get(id) : undefined;
  const head = rule ? `**${rule.meta.id}** (${rule.meta.catalogueId})` : id ? `**${id}**` : '**k8s-init**';
  const docs = d.codeDescription?.href ? ` · ${link('rule docs', d.codeDescription.href)}` : '';
  const lines = [`${head} · ${severityWord(d.severity)}${docs}`, '', d.message];
  if (rule) lines.push('', `*${rule.meta.description}${rule.meta.versions ? ` ${rule.meta.versions}` : ''}*`);
  return lines.join('\n');
}

function severityWord(s: number | undefined): string {
  return s === 1 ? 'error' : s === 2 ? 'warning' : s === 3 ? 'information' : 'hint';
}
