import { defineRule } from './types';
import { containerAnchor, initLike, securityContext, stringList } from './hygieneUtils';
import { mapGet, mapValue } from '../service/parse/nav';
import { dropCapabilitiesFix } from '../service/fixes/hygiene';

const DANGEROUS = new Set(['NET_ADMIN', 'NET_RAW', 'SYS_ADMIN', 'ALL', 'SYS_PTRACE', 'SYS_MODULE', 'DAC_READ_SEARCH', 'BPF', 'PERFMON']);

export const initAddedCapabilities = defineRule({
  meta: {
    id: 'init-added-capabilities',
    catalogueId: 'H11',
    group: 'hygiene',
    description: 'An init container or sidecar that adds powerful Linux capabilities (NET_ADMIN, NET_RAW, SYS_ADMIN, ALL, …), or does not drop `ALL` (information).',
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      added: '{{container}} adds the capability `{{capability}}`. {{why}} The Pod Security Standard "baseline" forbids it; if the step configures networking (e.g. iptables for a mesh), consider the CNI plugin of your mesh instead of an init container.',
      notDropped: '{{container}} does not drop `ALL` capabilities, so it keeps the runtime\'s default set (including NET_RAW). Add `capabilities: {drop: [ALL]}` and add back only what the step needs; the Pod Security Standard "restricted" requires it.',
    },
  },
  checkPod(pod, context) {
    for (const container of initLike(pod)) {
      const label = container.label.charAt(0).toUpperCase() + container.label.slice(1);
      const caps = mapValue(securityContext(container), 'capabilities', pod.yaml);
      for (const cap of stringList(mapValue(caps, 'add', pod.yaml), pod)) {
        const name = cap.text.toUpperCase().replace(/^CAP_/, '');
        if (!DANGEROUS.has(name)) continue;
        const why = name === 'ALL' ? 'That is every capability, close to running privileged.' : name === 'SYS_ADMIN' ? 'SYS_ADMIN is close to full root on the node.' : `${name} lets the step change or spoof network traffic of the whole pod.`;
        context.report({ at: cap.ref, messageId: 'added', data: { container: label, capability: cap.text, why } });
      }
      const dropped = stringList(mapValue(caps, 'drop', pod.yaml), pod).map((d) => d.text.toUpperCase());
      if (dropped.includes('ALL')) continue;
      const at = mapGet(caps, 'drop', pod.yaml)?.key ?? mapGet(securityContext(container), 'capabilities', pod.yaml)?.key ?? container.pairs.get('securityContext')?.key ?? containerAnchor(container);
      context.report({ at, messageId: 'notDropped', data: { container: label }, severity: 'information' });
    }
  },
  fix: dropCapabilitiesFix,
});
