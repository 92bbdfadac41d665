// Keeps the generated parts of the extension manifest (package.json) in sync with the sources:
//  - `k8sInit.rules`: one known property per registered rule (completion and hovers in settings.json);
//  - `k8sInit.featureGates`: the gates the rules read, with their lifecycle;
//  - `k8sInit.kubernetesVersion`: the bundled versions and the default;
//  - `contributes.snippets`: one entry per snippets/*.json file.
// Usage: node --import tsx scripts/generateManifestRules.ts [--check]   (--check: exit 1 when out of date)
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES } from '../server/src/rules/index';
import { FEATURE_GATES } from '../server/src/service/featureGates';
import type { GateInfo } from '../server/src/service/featureGates';
import { DEFAULT_DOCS_BASE_URL } from '../server/src/service/index';
import { BUNDLED_VERSIONS, DEFAULT_KUBERNETES_VERSION } from '../server/src/service/settings';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifestPath = join(root, 'package.json');

export const SEVERITY_SETTINGS = ['error', 'warning', 'information', 'hint', 'off'] as const;
const SEVERITY_DESCRIPTIONS = [
  'Report as an error.',
  'Report as a warning.',
  'Report as information.',
  'Report as a hint (shown faintly).',
  'Do not run the rule.',
];

type Json = Record<string, unknown>;

/** The schema of `k8sInit.rules.<id>` for every registered rule, in registry (catalogue) order. */
export function ruleProperties(): Json {
  const props: Json = {};
  for (const rule of RULES) {
    const m = rule.meta;
    props[m.id] = {
      type: 'string',
      enum: [...SEVERITY_SETTINGS],
      enumDescriptions: SEVERITY_DESCRIPTIONS,
      markdownDescription: [`**${m.catalogueId}** ${sentence(m.description)}`, `Default: \`${m.defaultSeverity}\`.`, m.versions ? sentence(m.versions) : '', `[Documentation](${DEFAULT_DOCS_BASE_URL}/${m.id}.md)`]
        .filter(Boolean)
        .join(' '),
    };
  }
  return props;
}

function sentence(text: string): string {
  const t = text.trim();
  return /[.!?)]$/.test(t) ? t : `${t}.`;
}

/** The schema of `k8sInit.featureGates.<gate>` for every gate the rules read. */
export function featureGateProperties(): Json {
  const props: Json = {};
  for (const [gate, info] of Object.entries(FEATURE_GATES) as Array<[string, GateInfo]>) {
    const stages = [`alpha in ${info.alpha}`];
    if (info.onByDefault) stages.push(`on by default since ${info.onByDefault}`);
    if (info.ga) stages.push(`GA in ${info.ga} (always on from then; this setting is ignored there)`);
    props[gate] = { type: 'boolean', markdownDescription: `\`${gate}\`: ${stages.join(', ')}.` };
  }
  return props;
}

/** `contributes.snippets` for the files in snippets/. */
export function snippetContributions(): Json[] {
  const dir = join(root, 'snippets');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') || f.endsWith('.code-snippets'))
    .sort()
    .map((f) => ({ language: 'yaml', path: `./snippets/${f}` }));
}

/** The manifest with its generated parts brought up to date. */
export function updatedManifest(manifest: Json): Json {
  const contributes = (manifest['contributes'] ?? {}) as Json;
  const configuration = (contributes['configuration'] ?? {}) as Json;
  const properties = (configuration['properties'] ?? {}) as Json;
  const version = (properties['k8sInit.kubernetesVersion'] ?? {}) as Json;
  const gates = (properties['k8sInit.featureGates'] ?? {}) as Json;
  const rules = (properties['k8sInit.rules'] ?? {}) as Json;
  const nextProperties: Json = {
    ...properties,
    'k8sInit.kubernetesVersion': { ...version, default: DEFAULT_KUBERNETES_VERSION, enum: [...BUNDLED_VERSIONS] },
    'k8sInit.featureGates': { ...gates, properties: featureGateProperties() },
    'k8sInit.rules': { ...rules, properties: ruleProperties() },
  };
  const nextContributes: Json = { ...contributes, configuration: { ...configuration, properties: nextProperties } };
  const snippets = snippetContributions();
  if (snippets.length > 0) nextContributes['snippets'] = snippets;
  else delete nextContributes['snippets'];
  return { ...manifest, contributes: nextContributes };
}

export function readManifestText(): string {
  return readFileSync(manifestPath, 'utf8');
}

export function formatManifest(manifest: Json): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function main(): void {
  const text = readManifestText();
  const next = formatManifest(updatedManifest(JSON.parse(text) as Json));
  const inSync = JSON.stringify(JSON.parse(text)) === JSON.stringify(JSON.parse(next));
  if (process.argv.includes('--check')) {
    if (!inSync) {
      console.error('package.json is out of date: run `npm run gen:manifest`');
      process.exit(1);
    }
    console.log('package.json generated parts are up to date');
    return;
  }
  if (inSync) {
    console.log('package.json already up to date');
    return;
  }
  writeFileSync(manifestPath, next);
  console.log(`package.json: ${RULES.length} rule settings, ${snippetContributions().length} snippet files`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
