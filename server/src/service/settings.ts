export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

/** Kubernetes releases whose API definitions are bundled. */
export const BUNDLED_VERSIONS = ['1.27', '1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36'] as const;
export const DEFAULT_KUBERNETES_VERSION = '1.36';

export interface Settings {
  /** `major.minor`, one of BUNDLED_VERSIONS. */
  readonly kubernetesVersion: string;
  /** Feature gates that differ from the version's defaults. */
  readonly featureGates: Readonly<Record<string, boolean>>;
  /** Severity overrides per rule id. */
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly inlayHints: { readonly enabled: boolean };
  readonly codeLens: { readonly enabled: boolean };
}

export const DEFAULT_SETTINGS: Settings = {
  kubernetesVersion: DEFAULT_KUBERNETES_VERSION,
  featureGates: {},
  rules: {},
  inlayHints: { enabled: true },
  codeLens: { enabled: true },
};

const SEVERITIES: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];

/** Accepts `1.33`, `v1.33`, `1.33.2`; returns `major.minor` or undefined. */
export function normalizeVersion(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(String(value).trim());
  return m ? `${Number(m[1])}.${Number(m[2])}` : undefined;
}

/** Builds settings from whatever a client sent (any shape); invalid parts fall back to defaults. */
export function normalizeSettings(raw: unknown): Settings {
  const obj = isRecord(raw) ? raw : {};
  const version = normalizeVersion(obj['kubernetesVersion']) ?? DEFAULT_KUBERNETES_VERSION;
  const featureGates: Record<string, boolean> = {};
  if (isRecord(obj['featureGates'])) {
    for (const [k, v] of Object.entries(obj['featureGates'])) if (typeof v === 'boolean') featureGates[k] = v;
  }
  const rules: Record<string, SeveritySetting> = {};
  if (isRecord(obj['rules'])) {
    for (const [k, v] of Object.entries(obj['rules'])) {
      const s = v === 'info' ? 'information' : v;
      if (typeof s === 'string' && SEVERITIES.includes(s)) rules[k] = s as SeveritySetting;
    }
  }
  return {
    kubernetesVersion: version,
    featureGates,
    rules,
    inlayHints: { enabled: readEnabled(obj['inlayHints']) },
    codeLens: { enabled: readEnabled(obj['codeLens']) },
  };
}

function readEnabled(value: unknown): boolean {
  if (isRecord(value) && typeof value['enabled'] === 'boolean') return value['enabled'];
  return true;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const settingsKeys = new WeakMap<Settings, string>();

/** A stable key for caches that depend on settings. */
export function settingsKey(s: Settings): string {
  let key = settingsKeys.get(s);
  if (key === undefined) {
    key = JSON.stringify([s.kubernetesVersion, s.featureGates, s.rules]);
    settingsKeys.set(s, key);
  }
  return key;
}

/** `major.minor` as one number (rules compare versions for every container: parse each string once). */
const versionNumbers = new Map<string, number>();

function versionNumber(v: string): number {
  let n = versionNumbers.get(v);
  if (n === undefined) {
    const [major = 0, minor = 0] = v.split('.').map(Number);
    n = major * 100000 + minor;
    if (versionNumbers.size < 1024) versionNumbers.set(v, n);
  }
  return n;
}

/** Compares `major.minor` versions: negative when a < b, zero when equal. */
export function compareVersions(a: string, b: string): number {
  return versionNumber(a) - versionNumber(b);
}

export function versionAtLeast(settings: Settings, version: string): boolean {
  return compareVersions(settings.kubernetesVersion, version) >= 0;
}
