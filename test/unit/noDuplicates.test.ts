import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RULES_BY_ID } from '../../server/src/rules/index';
import { corpusInputs, findingsOf } from '../../scripts/auditFindings';
import type { AuditFinding } from '../../scripts/auditFindings';

/**
 * On the whole shared corpus, no two findings of different rules start at the same position with the same
 * severity — that is what a duplicate looks like to the user (two squiggles, one place, one colour) — unless
 * the pair is allowed below. When two rules say the same thing, the more specific one keeps the finding and
 * the generic one skips that case (see scripts/auditFindings.ts for the full audit).
 */
const ALLOWED: ReadonlyArray<{ readonly rules: readonly string[]; readonly why: string }> = [
  {
    rules: [
      'init-added-capabilities',
      'init-writable-root-fs',
      'init-privilege-escalation-allowed',
      'init-runs-as-root',
      'init-no-seccomp',
      'init-missing-resources',
      'sidecar-missing-probes',
      'init-migration-concurrent-replicas',
      'init-wait-loop-unbounded',
    ],
    why: 'different properties of one container (a setting it lacks, what its image does), each reported at the container name because there is no field to point at',
  },
  { rules: ['init-image-not-digest', 'init-image-pull-policy'], why: 'supply chain (no digest) and pull-secret re-validation (pull policy) of one image' },
  { rules: ['init-image-tag-unpinned', 'init-image-pull-policy'], why: 'a moving tag and the pull policy of one image' },
  { rules: ['container-name-duplicate', 'container-name-invalid'], why: 'the API server reports both errors for one name' },
];

const allowed = (a: string, b: string): boolean => ALLOWED.some((entry) => entry.rules.includes(a) && entry.rules.includes(b));

describe('no duplicate findings on the corpus', () => {
  const inputs = corpusInputs();
  it('has the corpus', () => assert.ok(inputs.length >= 35));
  for (const input of inputs) {
    it(input.name, () => {
      const { findings } = findingsOf(input);
      const clashes: string[] = [];
      const byStart = new Map<number, AuditFinding[]>();
      for (const f of findings) byStart.set(f.start, [...(byStart.get(f.start) ?? []), f]);
      for (const group of byStart.values()) {
        for (let i = 0; i < group.length; i++) {
          for (let j = i + 1; j < group.length; j++) {
            const a = group[i] as AuditFinding;
            const b = group[j] as AuditFinding;
            if (a.rule === b.rule || a.severity !== b.severity || allowed(a.rule, b.rule)) continue;
            clashes.push(`${a.line}:${a.character} ${a.rule} + ${b.rule}`);
          }
        }
      }
      assert.deepEqual(clashes, []);
    });
  }
  it('the allow-list names registered rules only', () => {
    for (const entry of ALLOWED) for (const rule of entry.rules) assert.ok(RULES_BY_ID.has(rule), rule);
  });
});
