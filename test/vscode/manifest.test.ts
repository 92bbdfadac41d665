// The extension manifest (package.json): generated parts in sync with the registry, and what a user sees in the
// Settings UI and the command palette is complete.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { RULES } from '../../server/src/rules/index';
import { BUNDLED_VERSIONS, DEFAULT_KUBERNETES_VERSION } from '../../server/src/service/settings';
import { readManifestText, updatedManifest } from '../../scripts/generateManifestRules';
import { ROOT } from './paths';

interface Property {
  readonly type?: string;
  readonly default?: unknown;
  readonly enum?: readonly string[];
  readonly description?: string;
  readonly markdownDescription?: string;
  readonly properties?: Record<string, Property>;
}
interface Manifest {
  readonly main: string;
  readonly icon: string;
  readonly activationEvents: readonly string[];
  readonly capabilities: { untrustedWorkspaces: { supported: boolean | string }; virtualWorkspaces: boolean };
  readonly contributes: {
    configuration: { title: string; properties: Record<string, Property> };
    commands: ReadonlyArray<{ command: string; title: string; category?: string }>;
    grammars: ReadonlyArray<{ scopeName: string; path: string; injectTo?: readonly string[] }>;
    snippets?: ReadonlyArray<{ language: string; path: string }>;
  };
}

const text = readManifestText();
const manifest = JSON.parse(text) as Manifest;
const props = manifest.contributes.configuration.properties;

test('generated parts are in sync (rules, feature gates, versions, snippets): run `npm run gen:manifest`', () => {
  assert.deepEqual(JSON.parse(text), updatedManifest(JSON.parse(text) as Record<string, unknown>));
});

test('k8sInit.rules knows every registered rule id, with the severities as an enum', () => {
  const rules = props['k8sInit.rules'];
  assert.ok(rules?.properties);
  assert.deepEqual(Object.keys(rules.properties), RULES.map((r) => r.meta.id));
  for (const [id, p] of Object.entries(rules.properties)) {
    assert.deepEqual(p.enum, ['error', 'warning', 'information', 'hint', 'off'], id);
    assert.match(p.markdownDescription ?? '', new RegExp(`docs/rules/${id}\\.md`), id);
  }
});

test('every setting has a title section, a description and a default; enums where the values are closed', () => {
  assert.ok(manifest.contributes.configuration.title);
  for (const key of ['k8sInit.kubernetesVersion', 'k8sInit.featureGates', 'k8sInit.rules', 'k8sInit.inlayHints.enabled', 'k8sInit.codeLens.enabled', 'k8sInit.trace.server']) {
    const p = props[key];
    assert.ok(p, key);
    assert.ok(p.description ?? p.markdownDescription, `${key} has a description`);
    assert.notEqual(p.default, undefined, `${key} has a default`);
  }
  assert.deepEqual(props['k8sInit.kubernetesVersion']?.enum, [...BUNDLED_VERSIONS]);
  assert.equal(props['k8sInit.kubernetesVersion']?.default, DEFAULT_KUBERNETES_VERSION);
  assert.deepEqual(props['k8sInit.trace.server']?.enum, ['off', 'messages', 'verbose']);
});

test('commands have a category; activation, capabilities, entry point and icon are declared', () => {
  const ids = manifest.contributes.commands.map((c) => c.command).sort();
  assert.deepEqual(ids, ['k8sInit.restartServer', 'k8sInit.showOutput', 'k8sInit.showStartupTimeline']);
  for (const c of manifest.contributes.commands) assert.equal(c.category, 'Kubernetes Init Containers', c.command);
  assert.deepEqual(manifest.activationEvents, ['onLanguage:yaml']);
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
  assert.equal(manifest.capabilities.virtualWorkspaces, true);
  assert.equal(manifest.main, './client/out/extension.js');
  assert.ok(existsSync(join(ROOT, manifest.icon)), manifest.icon);
  assert.deepEqual(readFileSync(join(ROOT, manifest.icon)).subarray(1, 4).toString('ascii'), 'PNG');
});

test('the grammars exist and inject into source.yaml; contributed snippet files exist', () => {
  assert.equal(manifest.contributes.grammars.length, 2);
  for (const g of manifest.contributes.grammars) {
    assert.deepEqual(g.injectTo, ['source.yaml']);
    const grammar = JSON.parse(readFileSync(join(ROOT, g.path), 'utf8')) as { scopeName: string; injectionSelector: string };
    assert.equal(grammar.scopeName, g.scopeName);
    assert.ok(grammar.injectionSelector.startsWith('L:'));
  }
  for (const s of manifest.contributes.snippets ?? []) assert.ok(existsSync(join(ROOT, s.path)), s.path);
});
