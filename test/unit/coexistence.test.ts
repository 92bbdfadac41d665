import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { getLanguageService } from '../../server/src/service/index';
import { ROOT } from '../helpers/fixtures';

/**
 * Beside Red Hat's YAML extension (yaml-language-server) there must be no duplicate or conflicting messages:
 * we never contribute or register a schema for YAML files, never change another extension's settings, and every
 * diagnostic we publish carries our own source, so the two sets stay apart in the Problems panel.
 */
describe('coexistence with other YAML tooling', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: Record<string, unknown>; activationEvents: string[] };

  it('contributes no schema association for YAML or JSON', () => {
    assert.equal(manifest.contributes['yamlValidation'], undefined);
    assert.equal(manifest.contributes['jsonValidation'], undefined);
    const properties = Object.keys((manifest.contributes['configuration'] as { properties: Record<string, unknown> }).properties);
    assert.deepEqual(properties.filter((p) => !p.startsWith('k8sInit.')), [], 'settings only under k8sInit.');
  });

  it('never reads or writes another extension\'s configuration section from the client', () => {
    const dir = join(ROOT, 'client', 'src');
    const sources = readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(join(dir, f), 'utf8'));
    for (const source of sources) {
      for (const m of source.matchAll(/getConfiguration\(\s*['"]([^'"]+)['"]/g)) assert.ok(m[1]?.startsWith('k8sInit'), `getConfiguration('${m[1]}')`);
      assert.doesNotMatch(source, /yaml\.schemas|redhat\.vscode-yaml/);
    }
  });

  it('publishes every finding, syntax errors included, under its own source', () => {
    const service = getLanguageService();
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  initContainers: [{name: i, image: busybox, readinessProbe: {}}]\n  containers: [{name: i, image: x:1}]\n---\nkind: [\n';
    const diagnostics = service.doValidation('file:///a.yaml', service.parse(text));
    assert.ok(diagnostics.length > 3);
    assert.deepEqual([...new Set(diagnostics.map((d) => d.source))], ['k8s-init']);
  });
});
