import type { MessageData } from '../rules/types';

/**
 * A template split at its placeholders: literal texts at even indexes, placeholder names at odd ones.
 * Templates are the rules' message strings, a fixed set: each is split once.
 */
const compiled = new Map<string, readonly string[]>();

function parts(template: string): readonly string[] {
  let p = compiled.get(template);
  if (!p) {
    p = template.split(/\{\{(\w+)\}\}/);
    if (compiled.size < 10_000) compiled.set(template, p);
  }
  return p;
}

/** Fills `{{name}}` placeholders; an unknown placeholder is left as written so tests notice it. */
export function formatMessage(template: string, data: MessageData): string {
  const p = parts(template);
  if (p.length === 1) return template;
  let out = p[0] as string;
  for (let i = 1; i < p.length; i += 2) {
    const key = p[i] as string;
    const v = data[key];
    out += (v === undefined ? `{{${key}}}` : String(v)) + (p[i + 1] as string);
  }
  return out;
}
