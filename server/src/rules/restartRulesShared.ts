import { gateEnabled, gateKnown } from '../service/featureGates';
import { versionAtLeast } from '../service/settings';
import type { Settings } from '../service/settings';

/** Container-level restart policies the API server knows (the order of its "supported values"). */
export const CONTAINER_RESTART_POLICIES = ['Always', 'OnFailure', 'Never'] as const;

export interface ContainerRestartRulesState {
  /** Whether init-container `restartPolicy` reaches validation (1.28+ with `SidecarContainers` on); otherwise it is unknown or dropped. */
  readonly sidecarsKnown: boolean;
  /** Whether the API server knows `restartPolicyRules` at all (1.34+). */
  readonly rulesKnown: boolean;
  /** Whether `ContainerRestartRules` is on: container `restartPolicy` on any container, `OnFailure`/`Never`, restart rules. */
  readonly enabled: boolean;
  /** Why the gate is off, phrased to start a sentence part: "in Kubernetes 1.33," or "with the … feature gate off,". */
  readonly reason: string;
}

export function containerRestartRulesState(settings: Settings): ContainerRestartRulesState {
  const enabled = gateEnabled(settings, 'ContainerRestartRules');
  const explicitOff = settings.featureGates['ContainerRestartRules'] === false && versionAtLeast(settings, '1.35');
  return {
    sidecarsKnown: versionAtLeast(settings, '1.28') && gateEnabled(settings, 'SidecarContainers'),
    rulesKnown: gateKnown(settings, 'ContainerRestartRules'),
    enabled,
    reason: explicitOff ? 'with the `ContainerRestartRules` feature gate off,' : `in Kubernetes ${settings.kubernetesVersion},`,
  };
}

/** `"In", "NotIn"` — how apimachinery lists supported values. */
export function quotedList(values: readonly string[]): string {
  return values.map((v) => `"${v}"`).join(', ');
}
