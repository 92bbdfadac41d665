// The short fuzz run of the normal test command (a few hundred inputs, fixed seed unless FUZZ_SEED is
// set). The long run is `npm run fuzz` (test/fuzz/run.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCampaign } from '../../fuzz/campaign';
import { corpusFiles } from '../../fuzz/mutations';

const SEED = process.env['FUZZ_SEED'] === undefined ? 20_261_121 : Number(process.env['FUZZ_SEED']);

describe('fuzzing the service (short run)', { timeout: 120_000 }, () => {
  it(`generated manifests and mutated corpus files keep every property (seed ${SEED})`, () => {
    const files = corpusFiles();
    const counts = runCampaign({
      seed: SEED,
      generated: 150,
      mutated: files.length * 4,
      windowChars: 6000,
      check: { positions: 2, codeActions: 2, fixAll: true, timeBudgetMs: 15_000 },
    });
    assert.equal(counts.generated, 150);
    assert.equal(Object.keys(counts.perFile).length, files.length, 'every corpus file was mutated');
    assert.ok(counts.diagnostics > 0 && counts.actions > 0 && counts.edits > 0, JSON.stringify(counts));
  });
});
