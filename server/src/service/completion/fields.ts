import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind } from 'vscode-languageserver-types';
import type { CompletionItem } from 'vscode-languageserver-types';
import { gateEnabled } from '../featureGates';
import { definition, fieldKnownIn } from '../schema/fieldInfo';
import type { FieldInfo } from '../schema/fieldInfo';
import type { Settings } from '../settings';
import type { ContainerRole } from '../model/types';

const PROBE_AND_HOOKS = new Set(['livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle']);

/** Field docs for completion items: type, the API description, and when the field appeared. */
export function fieldDoc(info: FieldInfo, extra?: string): { kind: 'markdown'; value: string } {
  const since = info.since !== '1.27' ? ` · since Kubernetes ${info.since}` : '';
  const values = info.enum ? `\n\nValues: ${info.enum.map((v) => `\`${v}\``).join(', ')}` : '';
  return { kind: MarkupKind.Markdown, value: `\`${info.type}\`${since}${extra ? `\n\n${extra}` : ''}\n\n${info.description}${values}` };
}

export interface KeyCompletionOptions {
  readonly role: ContainerRole;
  readonly present: ReadonlySet<string>;
  readonly settings: Settings;
  /** Column of the mapping's keys (for nested values in the insert text). */
  readonly col: number;
  readonly indent: number;
  readonly indentSeq: boolean;
  readonly eol: string;
  readonly range: { start: number; end: number };
}

/** Container keys for a role: a plain init container gets no probes or `lifecycle`; `restartPolicy: Always` makes a sidecar. */
export function containerKeyItems(o: KeyCompletionOptions): Array<CompletionItem & { offsets: { start: number; end: number } }> {
  const def = definition('Container');
  if (!def) return [];
  const sidecars = gateEnabled(o.settings, 'SidecarContainers');
  const restartRules = gateEnabled(o.settings, 'ContainerRestartRules');
  const items: Array<CompletionItem & { offsets: { start: number; end: number } }> = [];
  for (const [name, info] of Object.entries(def.fields)) {
    if (!fieldKnownIn(info, o.settings.kubernetesVersion) || o.present.has(name)) continue;
    if (o.role === 'init' && PROBE_AND_HOOKS.has(name)) continue;
    if (name === 'restartPolicy' && o.role === 'app' && !restartRules) continue;
    if (name === 'restartPolicy' && o.role === 'ephemeral') continue;
    if (name === 'restartPolicy' && o.role === 'init') {
      if (sidecars) {
        items.push({
          label: 'restartPolicy: Always',
          kind: CompletionItemKind.Property,
          detail: 'make this init container a native sidecar',
          documentation: fieldDoc(info, 'An init container with `restartPolicy: Always` is a **native sidecar**: it starts in order, keeps running beside the app (probes and `lifecycle` allowed) and stops after it.'),
          insertText: 'restartPolicy: Always',
          filterText: 'restartPolicy',
          sortText: '0restartPolicy',
          offsets: o.range,
        });
      }
      if (!restartRules) continue;
    }
    items.push({ ...keyItem(name, info, o), offsets: o.range });
  }
  return items;
}

function keyItem(name: string, info: FieldInfo, o: KeyCompletionOptions): CompletionItem {
  const child = ' '.repeat(o.col + o.indent);
  const dash = ' '.repeat(o.col + (o.indentSeq ? o.indent : 0));
  let insert: string;
  if (info.enum && info.enum.length > 0) insert = `${name}: \${1|${info.enum.join(',')}|}`;
  else if (info.type === 'boolean') insert = `${name}: \${1|true,false|}`;
  else if (info.type === 'object' || info.type.startsWith('map of')) insert = `${name}:${o.eol}${child}$0`;
  else if (info.type.startsWith('array of') && info.ref) insert = `${name}:${o.eol}${dash}- $0`;
  else if (info.type.startsWith('array of')) insert = `${name}: [$0]`;
  else insert = `${name}: $0`;
  return {
    label: name,
    kind: CompletionItemKind.Property,
    detail: info.type,
    documentation: fieldDoc(info),
    insertText: insert,
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
    sortText: `1${name}`,
  };
}

/** Values of a container field written in place: enums, and the restart policies the role and version allow. */
export function containerValueItems(key: string, role: ContainerRole, settings: Settings): CompletionItem[] {
  const info = definition('Container')?.fields[key];
  if (key === 'restartPolicy') {
    const restartRules = gateEnabled(settings, 'ContainerRestartRules');
    const values: Array<[string, string]> = [];
    if (role === 'init' || role === 'sidecar') {
      if (gateEnabled(settings, 'SidecarContainers')) values.push(['Always', 'native sidecar: keeps running beside the app']);
      if (restartRules) values.push(['OnFailure', 'regular init container, retried in place when it fails'], ['Never', 'regular init container, the pod fails when it fails']);
    } else if (role === 'app' && restartRules) {
      values.push(['Always', 'restart this container whenever it exits'], ['OnFailure', 'restart it when it fails'], ['Never', 'never restart it']);
    }
    return values.map(([v, detail], i) => ({ label: v, kind: CompletionItemKind.EnumMember, detail, sortText: `${i}`, ...(info ? { documentation: fieldDoc(info) } : {}) }));
  }
  if (!info?.enum) return [];
  return info.enum.map((v, i) => ({ label: v, kind: CompletionItemKind.EnumMember, sortText: `${i}`, documentation: fieldDoc(info) }));
}
