import { DidChangeConfigurationNotification } from 'vscode-languageserver/node';
import type { Settings } from '../service/settings';
import type { Feature, ServerContext } from './context';

export const SETTINGS_SECTION = 'k8sInit';
/** How long to wait for a `workspace/configuration` answer before going on with what we have. */
const PULL_TIMEOUT_MS = 2000;
const KNOWN_KEYS = ['kubernetesVersion', 'featureGates', 'rules', 'inlayHints', 'codeLens', 'trace'];

type Raw = Record<string, unknown>;

/** The current settings; `ready` resolves once the first settings are known (pulled, given, or defaulted). */
export class SettingsStore {
  readonly ready: Promise<void>;
  private value: Settings;
  private key: string;
  private markReady: () => void = () => undefined;
  private readonly listeners: Array<(settings: Settings) => void> = [];

  constructor(private readonly normalize: (raw: unknown) => Settings) {
    this.value = normalize({});
    this.key = JSON.stringify(this.value);
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  get current(): Settings {
    return this.value;
  }

  /** Applies a raw `k8sInit` section; listeners run when the effective settings changed. */
  update(raw: unknown, ready = true): void {
    const next = this.normalize(raw);
    const key = JSON.stringify(next);
    const changed = key !== this.key;
    this.value = next;
    this.key = key;
    if (ready) this.markReady();
    if (changed) for (const listener of this.listeners) listener(next);
  }

  /** Settles `ready` without changing the settings. */
  settle(): void {
    this.markReady();
  }

  onDidChange(listener: (settings: Settings) => void): void {
    this.listeners.push(listener);
  }
}

/**
 * Settings: from `initializationOptions` (for editors without `workspace/configuration`), then pulled
 * with `workspace/configuration` on `initialized` and on every `didChangeConfiguration`. Clients that
 * cannot be asked push them in the notification's payload, whatever its shape.
 */
export function registerConfiguration(ctx: ServerContext): Feature {
  const { connection, settings } = ctx;
  let base: Raw = {};
  let pullSeq = 0;
  const canPull = (): boolean => ctx.clientCapabilities().workspace?.configuration === true;

  const pull = async (): Promise<void> => {
    const seq = ++pullSeq;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), PULL_TIMEOUT_MS)));
    try {
      const answer: unknown = await Promise.race([connection.workspace.getConfiguration({ section: SETTINGS_SECTION }), timeout]);
      if (seq !== pullSeq) return;
      const section = isRecord(answer) ? (extractSection(answer) ?? answer) : undefined;
      settings.update({ ...base, ...section });
    } catch (error) {
      connection.console.warn(`Could not read the ${SETTINGS_SECTION} settings: ${String(error)}`);
      settings.settle();
    } finally {
      clearTimeout(timer);
    }
  };

  connection.onDidChangeConfiguration((params) => {
    if (canPull()) {
      void pull();
      return;
    }
    const section = extractSection((params as { settings?: unknown } | undefined)?.settings);
    if (section !== undefined) settings.update({ ...base, ...section });
  });

  return {
    onInitialize(params) {
      base = extractSection(params.initializationOptions) ?? {};
      settings.update(base, !canPull());
    },
    onInitialized() {
      if (!canPull()) return;
      if (ctx.clientCapabilities().workspace?.didChangeConfiguration?.dynamicRegistration === true) {
        void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
      }
      void pull();
    },
  };
}

/**
 * Finds the `k8sInit` section in whatever a client sent: `{k8sInit: {...}}`, `{settings: {k8sInit: {...}}}`,
 * flat dotted keys (`{"k8sInit.rules": {...}}`) or the section's own keys.
 */
export function extractSection(value: unknown, depth = 0): Raw | undefined {
  if (!isRecord(value) || depth > 3) return undefined;
  const direct = value[SETTINGS_SECTION];
  if (isRecord(direct)) return direct;
  const dotted: Raw = {};
  let found = false;
  for (const [key, v] of Object.entries(value)) {
    if (!key.startsWith(`${SETTINGS_SECTION}.`)) continue;
    setPath(dotted, key.slice(SETTINGS_SECTION.length + 1).split('.'), v);
    found = true;
  }
  if (found) return dotted;
  if (isRecord(value['settings'])) return extractSection(value['settings'], depth + 1);
  if (KNOWN_KEYS.some((k) => k in value)) return value;
  return undefined;
}

/** Keys that would reach Object.prototype (`k8sInit.__proto__.x` must not pollute every object). */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function setPath(target: Raw, path: readonly string[], value: unknown): void {
  if (path.some((part) => UNSAFE_KEYS.has(part))) return;
  let node = target;
  path.forEach((part, i) => {
    if (i === path.length - 1) {
      node[part] = value;
      return;
    }
    const next = node[part];
    if (isRecord(next)) {
      node = next;
    } else {
      const fresh: Raw = {};
      node[part] = fresh;
      node = fresh;
    }
  });
}

function isRecord(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
