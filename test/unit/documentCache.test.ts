// The server's document cache parses large files in slices that leave the event loop free.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentCache } from '../../server/src/documentCache';
import { getLanguageService } from '../../server/src/service/index';
import { runSliced, slicedJob } from '../../server/src/slices';

const service = getLanguageService();
const BIG = readFileSync(join(__dirname, '..', 'fixtures', 'corpus', 'tricky', '14-big-multidoc-5000-lines.yaml'), 'utf8');

describe('sliced analysis in the server', () => {
  it('parses a large file over several event-loop turns, with the same result as a parse at once', async () => {
    const cache = new DocumentCache(service);
    const doc = TextDocument.create('file:///big.yaml', 'yaml', 1, BIG);
    let turns = 0;
    let counting = true;
    const tick = (): void => {
      turns++;
      if (counting) setImmediate(tick);
    };
    setImmediate(tick);
    const parsed = await cache.getAsync(doc, () => true);
    counting = false;
    assert.ok(parsed);
    assert.ok(turns > 1, `the event loop turned ${turns} times meanwhile`);
    assert.equal(cache.get(doc), parsed, 'the sliced parse is the cached one');
    assert.deepEqual(service.doValidation(doc.uri, parsed), service.doValidation(doc.uri, service.parse(BIG)));
  });

  it('lets a request that needs the file now finish the sliced parse', async () => {
    const cache = new DocumentCache(service);
    const doc = TextDocument.create('file:///big.yaml', 'yaml', 1, BIG);
    const pending = cache.getAsync(doc, () => true);
    const now = cache.get(doc);
    assert.equal(await pending, now);
  });

  it('drops a sliced parse when a newer version arrives', async () => {
    const cache = new DocumentCache(service);
    let version = 1;
    const doc = TextDocument.create('file:///big.yaml', 'yaml', version, BIG);
    const pending = cache.getAsync(doc, () => version === 1);
    version = 2;
    assert.equal(await pending, undefined);
  });

  it('validates in slices with the same diagnostics', async () => {
    const parsed = service.parse(BIG);
    const sliced = await runSliced(slicedJob(service.validationSteps('file:///b.yaml', parsed)), () => true, 1);
    assert.deepEqual(sliced, service.doValidation('file:///b.yaml', service.parse(BIG)));
  });
});
