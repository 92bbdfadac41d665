import type { MessageData } from '../rules/types';

/** Fills `{{name}}` placeholders; an unknown placeholder is left as written so tests notice it. */
export function formatMessage(template: string, data: MessageData): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => {
    const v = data[key];
    return v === undefined ? whole : String(v);
  });
}
