import { compareVersions } from './settings';
import type { Settings } from './settings';

/** Lifecycle of the feature gates the rules depend on (rule catalogue §2). */
export interface GateInfo {
  readonly alpha: string;
  /** First release where the gate is on by default. */
  readonly onByDefault: string | undefined;
  readonly ga?: string;
}

export const FEATURE_GATES = {
  SidecarContainers: { alpha: '1.28', onByDefault: '1.29', ga: '1.33' },
  InPlacePodVerticalScaling: { alpha: '1.27', onByDefault: '1.33' },
  PodLevelResources: { alpha: '1.32', onByDefault: '1.34' },
  ContainerRestartRules: { alpha: '1.34', onByDefault: '1.35' },
  RestartAllContainersOnContainerExits: { alpha: '1.35', onByDefault: undefined },
  PodLifecycleSleepAction: { alpha: '1.29', onByDefault: '1.30', ga: '1.34' },
  PodLifecycleSleepActionAllowZero: { alpha: '1.32', onByDefault: '1.33' },
} as const satisfies Record<string, GateInfo>;

export type GateName = keyof typeof FEATURE_GATES;

/** Whether the gate is on for the selected version, honouring explicit `featureGates` settings (not for GA gates). */
export function gateEnabled(settings: Settings, gate: GateName): boolean {
  let known = gateCache.get(settings);
  if (!known) {
    known = new Map();
    gateCache.set(settings, known);
  }
  let on = known.get(gate);
  if (on === undefined) {
    on = computeGate(settings, gate);
    known.set(gate, on);
  }
  return on;
}

/** Rules ask about gates for every container: answer once per settings object. */
const gateCache = new WeakMap<Settings, Map<GateName, boolean>>();

function computeGate(settings: Settings, gate: GateName): boolean {
  const info: GateInfo = FEATURE_GATES[gate];
  const v = settings.kubernetesVersion;
  if (compareVersions(v, info.alpha) < 0) return false;
  if (info.ga !== undefined && compareVersions(v, info.ga) >= 0) return true;
  const explicit = settings.featureGates[gate];
  if (explicit !== undefined) return explicit;
  return info.onByDefault !== undefined && compareVersions(v, info.onByDefault) >= 0;
}

/** Whether the field guarded by the gate exists at all in the selected version. */
export function gateKnown(settings: Settings, gate: GateName): boolean {
  return compareVersions(settings.kubernetesVersion, FEATURE_GATES[gate].alpha) >= 0;
}
