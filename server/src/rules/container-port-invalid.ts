import { defineRule } from './types';
import { apiPorts, portAnchor, portNameErrors, portNumberErrors } from './apiPorts';
import type { ApiPort } from './apiPorts';
import { portNameFixes } from '../service/fixes/values';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

function goValue(v: string | number): string {
  return typeof v === 'number' ? String(v) : JSON.stringify(v);
}

export const containerPortInvalid = defineRule({
  meta: {
    id: 'container-port-invalid',
    catalogueId: 'E19',
    group: 'api',
    description:
      'A `ports[]` entry the API server rejects: a repeated or malformed port name, a missing or out-of-range `containerPort`, an out-of-range `hostPort`, or an unknown `protocol`.',
    defaultSeverity: 'error',
    fixable: true,
    versions: 'Always rejected, for init containers, sidecars, app containers and ephemeral containers alike.',
    messages: {
      nameDuplicate:
        'Port name "{{name}}" is used twice in {{container}}: port names must be unique within a container (Services and probes refer to ports by name). API server: `{{path}}.name: Duplicate value: "{{name}}"`',
      nameInvalid:
        'Port name "{{name}}" of {{container}} is not a valid IANA service name (at most 15 lowercase letters, digits and single hyphens, with at least one letter). API server: {{errors}}',
      containerPortRequired:
        '{{container}} declares a port without a `containerPort`{{zero}}: every `ports[]` entry needs the number the container listens on. API server: `{{path}}.containerPort: Required value`',
      portOutOfRange:
        'The {{field}} {{value}} of {{container}} is not a port number (1 to 65535). API server: `{{path}}.{{field}}: Invalid value: {{value}}: must be between 1 and 65535, inclusive`',
      protocolUnsupported:
        'Protocol {{value}} of {{container}} is not supported: use `TCP` (the default), `UDP` or `SCTP`, in capitals. API server: `{{path}}.protocol: Unsupported value: {{value}}: supported values: "SCTP", "TCP", "UDP"`',
    },
  },
  checkPod(pod, context) {
    for (const container of pod.allContainers) {
      const names = new Map<string, ApiPort>();
      for (const port of apiPorts(container, pod.yaml)) {
        const path = `${container.path}.ports[${port.index}]`;
        const base = { container: container.label, path };
        if (port.name !== undefined && port.name !== '' && port.nameRef) {
          const errors = portNameErrors(port.name);
          const first = names.get(port.name);
          if (errors.length > 0) {
            context.report({
              at: port.nameRef,
              messageId: 'nameInvalid',
              data: { ...base, name: port.name, errors: errors.map((e) => `\`${path}.name: Invalid value: ${goValue(port.name ?? '')}: ${e}\``).join('; ') },
              fix: { field: 'name', suggestion: port.name.toLowerCase().replace(/[^-a-z0-9]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '').slice(0, 15) },
            });
          } else if (first) {
            context.report({
              at: port.nameRef,
              messageId: 'nameDuplicate',
              data: { ...base, name: port.name },
              related: first.nameRef ? [{ at: first.nameRef, message: `"${port.name}" is first used by ports[${first.index}]` }] : [],
              fix: { field: 'name', name: port.name },
            });
          } else names.set(port.name, port);
        }
        if (port.containerPort === 0) {
          context.report({
            at: port.containerPortRef ?? portAnchor(port),
            messageId: 'containerPortRequired',
            data: { ...base, zero: port.containerPortRef ? ' (0 means "not set")' : '' },
            fix: { field: 'containerPort' },
          });
        } else if (port.containerPort !== undefined && portNumberErrors(port.containerPort).length > 0 && port.containerPortRef) {
          context.report({
            at: port.containerPortRef,
            messageId: 'portOutOfRange',
            data: { ...base, field: 'containerPort', value: port.containerPort },
            fix: { field: 'containerPort' },
          });
        }
        if (port.hostPort !== undefined && port.hostPort !== 0 && portNumberErrors(port.hostPort).length > 0 && port.hostPortRef) {
          context.report({
            at: port.hostPortRef,
            messageId: 'portOutOfRange',
            data: { ...base, field: 'hostPort', value: port.hostPort },
            fix: { field: 'hostPort' },
          });
        }
        if (!PROTOCOLS.includes(port.protocol) && port.protocolRef) {
          const upper = port.protocol.toUpperCase();
          context.report({
            at: port.protocolRef,
            messageId: 'protocolUnsupported',
            data: { ...base, value: goValue(port.protocol) },
            fix: { field: 'protocol', replaceWith: PROTOCOLS.includes(upper) ? upper : 'TCP' },
          });
        }
      }
    }
  },
  fix: portNameFixes,
});
