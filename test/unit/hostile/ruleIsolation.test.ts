// An exception inside one rule is isolated: reported with the rule id (once per run through the
// service's onRuleError; the server and the CLI log each rule once), the other rules' findings are
// still there, and a rule that reports nonsense positions or a throwing fix cannot break the results.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../../server/src/rules/index';
import { defineRule } from '../../../server/src/rules/types';
import type { Rule } from '../../../server/src/rules/types';
import { getLanguageService } from '../../../server/src/service/index';
import { run } from '../../../server/src/cli/run';
import { checkRange, lineLengths } from '../../fuzz/properties';
import { SMALL_POD } from './inputs';

const URI = 'file:///isolation.yaml';

const throwing = defineRule({
  meta: { id: 'test-throws', catalogueId: 'T01', group: 'hygiene', description: 'Throws.', defaultSeverity: 'error', messages: { m: 'never' }, fixable: false },
  checkPod(pod) {
    if (pod.allContainers.length > 0) throw new TypeError('boom in a rule');
  },
});

const throwsOnObjects = defineRule({
  meta: { id: 'test-throws-object', catalogueId: 'T02', group: 'hygiene', description: 'Throws on objects.', defaultSeverity: 'error', messages: { m: 'never' }, fixable: false },
  checkObject() {
    throw new RangeError('boom on an object');
  },
});

/** Reports before it throws: its partial findings may stay, but nothing else is lost. */
const wildSpans = defineRule({
  meta: { id: 'test-wild-spans', catalogueId: 'T03', group: 'hygiene', description: 'Reports odd spans and has a throwing fix.', defaultSeverity: 'warning', messages: { m: 'odd' }, fixable: true },
  checkPod(pod, context) {
    context.report({ at: { start: -50, end: 3 }, messageId: 'm' });
    context.report({ at: { start: 10, end: 5 }, messageId: 'm' });
    context.report({ at: { start: 1e9, end: 2e9 }, messageId: 'm' });
    context.report({ at: pod.ref, messageId: 'm', data: { unused: 1 } });
  },
  fix() {
    throw new Error('boom in a fix');
  },
});

describe('one rule failing does not take the others down', () => {
  it('a throwing rule is reported with its id; every other rule still reports', () => {
    const errors: Array<[string, unknown]> = [];
    const service = getLanguageService({ rules: [throwing, ...RULES, throwsOnObjects], onRuleError: (id, e) => errors.push([id, e]) });
    const file = service.parse(`${SMALL_POD}---\n${SMALL_POD}`);
    const diagnostics = service.doValidation(URI, file);
    const baseline = getLanguageService().doValidation(URI, getLanguageService().parse(`${SMALL_POD}---\n${SMALL_POD}`));
    assert.deepEqual(diagnostics, baseline, 'the same findings as without the throwing rules');
    assert.deepEqual([...new Set(errors.map(([id]) => id))].sort(), ['test-throws', 'test-throws-object']);
    assert.ok(errors.every(([, e]) => e instanceof Error && /boom/.test(e.message)));
    // The hover, completion, code actions and symbols of the same service still work.
    const probe = diagnostics.find((d) => d.code === 'init-probe-forbidden');
    assert.ok(probe);
    assert.ok(service.doHover(URI, file, probe.range.start));
    assert.ok(service.doCodeActions(URI, file, probe.range, { diagnostics: [probe] }).length > 0);
  });

  it('nonsense spans are clamped into the document and a throwing fix offers nothing', () => {
    const service = getLanguageService({ rules: [wildSpans] });
    const text = SMALL_POD;
    const file = service.parse(text);
    const diagnostics = service.doValidation(URI, file);
    assert.equal(diagnostics.length, 4);
    const lines = lineLengths(text);
    for (const d of diagnostics) checkRange(d.range, lines, String(d.code));
    for (const d of diagnostics) {
      const actions = service.doCodeActions(URI, file, d.range, { diagnostics: [d] });
      assert.ok(actions.every((a) => a.title.startsWith('Suppress')), actions.map((a) => a.title).join());
    }
  });

  it('the CLI names the failing rule once on stderr and still prints the other findings', () => {
    // The CLI builds its own service with every registered rule: make one of them throw for this run.
    const rule = RULES.find((r) => r.meta.id === 'init-probe-forbidden') as { checkPod?: Rule['checkPod'] };
    const original = rule.checkPod;
    rule.checkPod = () => {
      throw new Error('injected failure');
    };
    const dir = mkdtempSync(join(tmpdir(), 'k8s-init-isolation-'));
    try {
      const file = join(dir, 'pods.yaml');
      writeFileSync(file, `${SMALL_POD}---\n${SMALL_POD}`);
      let out = '';
      let err = '';
      run([file, '--format', 'json'], (x) => (out += x), (x) => (err += x));
      assert.equal(err.match(/internal error in rule init-probe-forbidden/g)?.length, 1, err);
      const rules = (JSON.parse(out) as { findings: Array<{ rule: string }> }).findings.map((f) => f.rule);
      assert.ok(!rules.includes('init-probe-forbidden'));
      assert.ok(rules.includes('init-image-tag-unpinned') || rules.length > 2, rules.join());
    } finally {
      rule.checkPod = original;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
