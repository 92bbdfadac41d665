import { defineRule } from './types';
import type { RuleContext } from './types';
import { mapGet, scalarText, scalarValue, seqItems } from '../service/parse/nav';
import type { NodeRef, PairRef } from '../service/parse/nav';
import { handlerSites, isSet, siteLabel, writtenHandlers } from './probeHandlers';
import type { HandlerSite } from './probeHandlers';
import type { Document } from 'yaml';
import { capitalize } from './apiText';
import { extraHandlerFix } from '../service/fixes/values';

type Messages = 'noHandler' | 'extraHandler' | 'execCommand' | 'portNumber' | 'portName' | 'headerName';

const PORT_NAME_CHARS = /^[-a-z0-9]+$/;
const HEADER_NAME = /^[-A-Za-z0-9]+$/;
const HEADER_DETAIL = "a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')";

export const probeOrHookHandlerInvalid = defineRule<Messages>({
  meta: {
    id: 'probe-or-hook-handler-invalid',
    catalogueId: 'E16',
    group: 'api',
    description:
      'A probe or lifecycle hook of a sidecar or app container with no handler, more than one handler, an `exec` without `command`, or an invalid port or HTTP header name.',
    defaultSeverity: 'error',
    fixable: true,
    versions: 'Rejected by every Kubernetes version; sidecar probes and hooks are validated like app container ones from 1.28.',
    messages: {
      noHandler:
        '{{site}} has no handler: it must say how to check or what to run — one of {{handlers}}. API server: `{{path}}: Required value: must specify a handler type`',
      extraHandler:
        '{{site}} has more than one handler: `{{first}}` is used, so `{{name}}` must go (a probe or hook runs exactly one action). API server: `{{path}}: Forbidden: may not specify more than 1 handler type`',
      execCommand: '`exec` in {{site}} has no `command` to run. API server: `{{path}}: Required value`',
      portNumber: 'Port {{value}} in {{site}} is not a valid port number (1–65535). API server: `{{path}}: Invalid value: {{value}}: must be between 1 and 65535, inclusive`',
      portName:
        'Port "{{value}}" in {{site}} is not a valid port name{{hint}}. API server: `{{path}}: Invalid value: "{{value}}": {{apiDetail}}`',
      headerName: 'HTTP header name "{{value}}" in {{site}} is invalid: use letters, digits and `-` only. API server: `{{path}}: Invalid value: "{{value}}": {{apiDetail}}`',
    },
  },
  checkPod(pod, context) {
    for (const site of handlerSites(pod)) {
      const label = siteLabel(site);
      const written = writtenHandlers(site);
      const first = written[0];
      if (!first) {
        const handlers = (site.kind === 'probe' ? ['exec', 'httpGet', 'tcpSocket', 'grpc'] : ['exec', 'httpGet', 'sleep']).map((h) => `\`${h}\``).join(', ');
        context.report({ at: site.pair.key, messageId: 'noHandler', data: { site: capitalize(label), handlers, path: site.path }, fix: { kind: site.kind } });
        continue;
      }
      for (const extra of written.slice(1)) {
        context.report({
          at: extra.pair.key,
          messageId: 'extraHandler',
          data: { site: capitalize(label), first: first.name, name: extra.name, path: `${site.path}.${extra.name}` },
          related: [{ at: first.pair.key, message: `\`${first.name}\` is the handler the API server keeps` }],
          fix: { remove: extra.name, keep: first.name },
        });
      }
      checkHandler(site, label, first.name, first.pair, pod.yaml, context);
    }
  },
  fix: extraHandlerFix,
});

function checkHandler(site: HandlerSite, label: string, name: string, pair: PairRef & { value: NodeRef }, yaml: Document.Parsed, context: RuleContext<Messages>): void {
  const path = `${site.path}.${name}`;
  switch (name) {
    case 'exec': {
      const command = mapGet(pair.value, 'command', yaml);
      if (!isSet(command) || seqItems(command.value, yaml).length === 0) {
        context.report({ at: pair.key, messageId: 'execCommand', data: { site: label, path: `${path}.command` }, fix: { insert: 'command' } });
      }
      return;
    }
    case 'httpGet': {
      checkPort(mapGet(pair.value, 'port', yaml), label, `${path}.port`, true, context);
      const headers = mapGet(pair.value, 'httpHeaders', yaml);
      for (const { ref } of seqItems(headers?.value, yaml)) {
        const header = mapGet(ref, 'name', yaml);
        const value = scalarText(header?.value);
        if (!header?.value || value === undefined || HEADER_NAME.test(value)) continue;
        context.report({ at: header.value, messageId: 'headerName', data: { site: label, value, apiDetail: HEADER_DETAIL, path: `${path}.httpHeaders` } });
      }
      return;
    }
    case 'tcpSocket':
      checkPort(mapGet(pair.value, 'port', yaml), label, `${path}.port`, true, context);
      return;
    case 'grpc':
      checkPort(mapGet(pair.value, 'port', yaml), label, `${path}.port`, false, context);
      return;
    default:
      return; // `sleep` is checked by sidecar-prestop-sleep-exceeds-grace
  }
}

/** `ValidatePortNumOrName`: an integer must be 1–65535; a string must be an IANA port name. */
function checkPort(port: PairRef | undefined, site: string, path: string, namesAllowed: boolean, context: RuleContext<Messages>): void {
  if (!isSet(port)) return; // a missing port is a schema error (required field)
  const value = scalarValue(port.value);
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || (value >= 1 && value <= 65535)) return;
    context.report({ at: port.value, messageId: 'portNumber', data: { site, value, path }, fix: { value } });
    return;
  }
  if (!namesAllowed || typeof value !== 'string') return; // wrong types are schema errors
  const problem = portNameProblem(value);
  if (!problem) return;
  const hint = /^[0-9]+$/.test(value) ? ': a quoted number is read as a port *name* — write the number without quotes' : ' (at most 15 lowercase letters, digits and `-`, with at least one letter, as declared in the container\'s `ports`)';
  context.report({ at: port.value, messageId: 'portName', data: { site, value, hint, apiDetail: problem, path }, fix: { value } });
}

/** `IsValidPortName`: the first problem the API server reports. */
export function portNameProblem(port: string): string | undefined {
  if (port.length > 15) return 'must be no more than 15 characters';
  if (!PORT_NAME_CHARS.test(port)) return 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)';
  if (!/[a-z]/.test(port)) return 'must contain at least one letter (a-z)';
  if (port.includes('--')) return 'must not contain consecutive hyphens';
  if (port.startsWith('-') || port.endsWith('-')) return 'must not begin or end with a hyphen';
  return undefined;
}
