import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { RULES } from '../../server/src/rules/index';
import { getLanguageService } from '../../server/src/service/index';
import { SYNTAX_CODE, TEMPLATE_CODE } from '../../server/src/service/validation';
import { ROOT } from '../helpers/fixtures';

const EXAMPLES = join(ROOT, 'examples');
const CLEAN = '05-clean-deployment.yaml';
/** Rules that cannot fire with the default settings, and the settings under which examples/ shows them. */
const NEEDS_SETTINGS: Readonly<Record<string, Record<string, unknown>>> = {
  'native-sidecar-min-version': { kubernetesVersion: '1.28' },
};

const service = getLanguageService({ onRuleError: (id, e) => { throw new Error(`rule ${id} threw: ${String(e)}`); } });
const files = readdirSync(EXAMPLES).filter((f) => /\.ya?ml$/.test(f)).sort();

/** Findings per example file, the files checked together as `k8s-init-check examples/` does. */
function check(settings: Record<string, unknown> = {}): Map<string, Diagnostic[]> {
  const parsed = files.map((f) => ({ f, p: service.parse(readFileSync(join(EXAMPLES, f), 'utf8')) }));
  const objects = parsed.map(({ p }) => p.manifest.documents.flatMap((d) => d.objects));
  const s = service.settings(settings);
  return new Map(parsed.map(({ f, p }, i) => [f, service.doValidation(`file:///examples/${f}`, p, s, objects.filter((_o, j) => j !== i).flat())]));
}

describe('examples/ (what the README\'s first command checks)', () => {
  const results = check();
  const fired = new Set([...results.values()].flat().map((d) => String(d.code)));

  it('has a Deployment, a Job with a native sidecar, a CronJob, a StatefulSet and a clean manifest', () => {
    const kinds = new Set(files.flatMap((f) => [...readFileSync(join(EXAMPLES, f), 'utf8').matchAll(/^kind: (\w+)/gm)].map((m) => m[1])));
    for (const kind of ['Deployment', 'Job', 'CronJob', 'StatefulSet']) assert.ok(kinds.has(kind), kind);
    assert.ok(files.includes(CLEAN));
  });

  it('shows every registered rule firing (extend examples/ when this fails)', () => {
    const missing = RULES.map((r) => r.meta.id).filter((id) => !fired.has(id) && !(id in NEEDS_SETTINGS));
    assert.deepEqual(missing, []);
  });

  for (const [rule, settings] of Object.entries(NEEDS_SETTINGS)) {
    it(`shows ${rule} with ${JSON.stringify(settings)}`, () => {
      assert.ok([...check(settings).values()].flat().some((d) => d.code === rule));
    });
  }

  it(`${CLEAN} has no findings at all`, () => {
    assert.deepEqual((results.get(CLEAN) ?? []).map((d) => `${d.range.start.line + 1}: ${String(d.code)}`), []);
  });

  it('has no YAML syntax errors or template notices', () => {
    assert.deepEqual([...fired].filter((c) => c === SYNTAX_CODE || c === TEMPLATE_CODE), []);
  });
});
