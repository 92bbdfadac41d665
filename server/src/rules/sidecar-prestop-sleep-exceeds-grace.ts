import { defineRule } from './types';
import { mapGet, scalarValue } from '../service/parse/nav';
import { gateEnabled } from '../service/featureGates';
import { handlerSites, isSet, siteLabel, writtenHandlers } from './probeHandlers';
import { sleepExceedsGraceFixes } from '../service/fixes/values';

const DEFAULT_GRACE = 30;

export const sidecarPrestopSleepExceedsGrace = defineRule({
  meta: {
    id: 'sidecar-prestop-sleep-exceeds-grace',
    catalogueId: 'E17',
    group: 'api',
    description:
      'A `sleep` lifecycle hook of a sidecar or app container longer than the pod `terminationGracePeriodSeconds` (default 30), or not positive (zero is allowed from Kubernetes 1.33).',
    defaultSeverity: 'error',
    fixable: true,
    versions:
      'The `sleep` action exists from Kubernetes 1.29 (feature gate `PodLifecycleSleepAction`, on by default from 1.30). A zero sleep is accepted from 1.33 (`PodLifecycleSleepActionAllowZero`, alpha 1.32).',
    messages: {
      exceedsGrace:
        'The `sleep` of {{seconds}}s in {{hook}} is longer than the pod\'s termination grace period of {{grace}}s{{graceSource}}: the container would be killed before the hook ends. Shorten the sleep or raise `terminationGracePeriodSeconds`. API server: `{{path}}: Invalid value: {{seconds}}: {{apiDetail}}`',
      notPositive:
        'The `sleep` of {{seconds}}s in {{hook}} is rejected: {{reason}}. API server: `{{path}}: Invalid value: {{seconds}}: {{apiDetail}}`',
    },
  },
  checkPod(pod, context) {
    if (!gateEnabled(context.settings, 'PodLifecycleSleepAction')) return;
    const allowZero = gateEnabled(context.settings, 'PodLifecycleSleepActionAllowZero');
    const gracePair = pod.pairs.get('terminationGracePeriodSeconds');
    const graceValue = scalarValue(gracePair?.value);
    const grace = typeof graceValue === 'number' && Number.isInteger(graceValue) ? graceValue : DEFAULT_GRACE;
    const graceSource = gracePair?.value && typeof graceValue === 'number' ? '' : ' (the default, as `terminationGracePeriodSeconds` is not set)';
    const apiDetail = allowZero
      ? `must be non-negative and less than terminationGracePeriodSeconds (${grace})`
      : `must be greater than 0 and less than terminationGracePeriodSeconds (${grace}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`;
    for (const site of handlerSites(pod)) {
      if (site.kind !== 'hook') continue;
      const first = writtenHandlers(site)[0];
      if (first?.name !== 'sleep') continue; // only the handler the API server keeps is validated
      const secondsPair = mapGet(first.pair.value, 'seconds', pod.yaml);
      if (!isSet(secondsPair)) continue; // `seconds` is required: a schema error
      const seconds = scalarValue(secondsPair.value);
      if (typeof seconds !== 'number' || !Number.isInteger(seconds)) continue;
      const data = { seconds, grace, hook: siteLabel(site), path: `${site.path}.sleep`, apiDetail };
      const fix = { seconds, grace };
      if (seconds > grace) {
        context.report({
          at: secondsPair.value,
          messageId: 'exceedsGrace',
          data: { ...data, graceSource },
          related: gracePair?.value ? [{ at: gracePair.value, message: `the pod's termination grace period: ${grace}s` }] : [],
          fix,
        });
      } else if (seconds < 0 || (seconds === 0 && !allowZero)) {
        const reason =
          seconds < 0 ? 'a sleep cannot be negative' : `Kubernetes ${context.settings.kubernetesVersion} does not accept a zero sleep (accepted from 1.33); remove the hook instead`;
        context.report({ at: secondsPair.value, messageId: 'notPositive', data: { ...data, reason }, fix });
      }
    }
  },
  fix: sleepExceedsGraceFixes,
});
