import { defineRule } from './types';
import { sentence } from './commandUtils';
import type { ContainerModel, PodSpecModel } from './types';
import { analyzeContainer } from '../service/command/analyze';
import { commandKey } from '../service/command/effective';
import { podSettable, procSysTarget, safeSince, sysctlWrites } from '../service/command/patterns/sysctl';
import type { SysctlWrite } from '../service/command/patterns/sysctl';
import { mapValue, scalarValue } from '../service/parse/nav';
import { compareVersions } from '../service/settings';
import { containerAnchor } from './hygieneUtils';

/**
 * H17: a privileged init container that only exists to set kernel parameters that the pod could set
 * itself in `spec.securityContext.sysctls` (namespaced sysctls: `net.*` of the pod's own network
 * namespace, `kernel.shm*`, `kernel.msg*`, `kernel.sem`, `fs.mqueue.*`). Node-level sysctls
 * (`vm.max_map_count`, `kernel.core_pattern`) cannot be set per pod, so the privileged init container is
 * the usual pattern there and the rule is silent (it is H07's business whether privileged is acceptable).
 */
export const initPrivilegedSysctlPattern = defineRule({
  meta: {
    id: 'init-privileged-sysctl-pattern',
    catalogueId: 'H17',
    group: 'hygiene',
    description: 'A privileged init container setting sysctls that the pod could set in securityContext.sysctls.',
    defaultSeverity: 'information',
    fixable: false,
    messages: {
      usePodSysctls:
        '{{Container}} runs privileged to set {{sysctls}}, which the pod can set itself: `spec.securityContext.sysctls: [{{entries}}]`. That needs no privileged container and is validated by the API server. {{allowList}}',
    },
  },
  checkPod(pod, context) {
    const hostNetwork = scalarValue(pod.pairs.get('hostNetwork')?.value) === true;
    for (const container of pod.initContainers) {
      if (container.role !== 'init' || !privileged(container, pod)) continue;
      const writes = writesOf(container, pod);
      if (writes.length === 0 || !writes.every((w) => podSettable(w.name, hostNetwork)) || !onlySysctl(container, pod)) continue;
      const unsafe = writes.filter((w) => {
        const since = safeSince(w.name);
        return since === undefined || compareVersions(context.settings.kubernetesVersion, since) < 0;
      });
      const allowList = unsafe.length === 0
        ? 'These are "safe" sysctls, allowed on every node.'
        : `${unsafe.map((w) => `\`${w.name}\``).join(', ')} ${unsafe.length === 1 ? 'is' : 'are'} not in the "safe" set: the kubelet must allow ${unsafe.length === 1 ? 'it' : 'them'} (\`--allowed-unsafe-sysctls\`), otherwise the pod is rejected by the node (SysctlForbidden).`;
      const analysis = analyzeContainer(container, pod.yaml);
      context.report({
        at: commandKey(analysis.command, analysis.scriptWord) ?? containerAnchor(container),
        messageId: 'usePodSysctls',
        data: {
          container: container.label,
          Container: sentence(container.label),
          sysctls: writes.map((w) => `\`${w.name}\``).join(', '),
          entries: writes.map((w) => `{name: ${w.name}, value: "${w.value ?? ''}"}`).join(', '),
          allowList,
        },
      });
    }
  },
});

/** Trivial commands that may accompany the sysctl writes; anything else may need the privilege. */
const TRIVIAL = new Set(['sysctl', 'echo', 'printf', 'set', 'true', 'exit', '[', '[[', 'test', 'cat', 'sleep']);

/** The container does nothing but set sysctls (and print them). */
function onlySysctl(container: ContainerModel, pod: PodSpecModel): boolean {
  return analyzeContainer(container, pod.yaml).uses.every((u) => u.name === '' || TRIVIAL.has(u.name) || /^(sh|bash|ash|dash)$/.test(u.name));
}

function privileged(container: ContainerModel, pod: PodSpecModel): boolean {
  return scalarValue(mapValue(container.pairs.get('securityContext')?.value, 'privileged', pod.yaml)) === true;
}

/** `sysctl -w a=b` commands and `echo v > /proc/sys/a/b` redirects of the container. */
function writesOf(container: ContainerModel, pod: PodSpecModel): SysctlWrite[] {
  const out: SysctlWrite[] = [];
  for (const u of analyzeContainer(container, pod.yaml).uses) {
    out.push(...sysctlWrites(u.argv));
    for (const r of u.redirects) {
      const name = r.op.endsWith('>') && r.target ? procSysTarget(r.target.value) : undefined;
      if (name) out.push({ name, value: u.name === 'echo' || u.name === 'printf' ? u.args.filter((a) => !a.startsWith('-')).join(' ') : undefined });
    }
  }
  return out;
}
