import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getLanguageService } from '../server/src/service/index';
const MINE = new Set(process.argv.slice(2));
const CORPUS = '/work/main/test/fixtures/corpus';
function files(d: string): string[] { return readdirSync(d).flatMap((n) => { const f = join(d, n); return statSync(f).isDirectory() ? files(f) : /\.ya?ml$/.test(n) ? [relative(CORPUS, f)] : []; }).sort(); }
const s = getLanguageService({ onRuleError: (id, e) => { throw new Error(`${id}: ${String(e)}`); } });
for (const f of files(CORPUS)) {
  const text = readFileSync(join(CORPUS, f), 'utf8').replace(/^\uFEFF/, '');
  for (const d of s.doValidation(`file:///${f}`, s.parse(text))) {
    if (MINE.size && !MINE.has(String(d.code))) continue;
    console.log(`${f} ${d.range.start.line}:${d.range.start.character} ${d.code} [${d.severity}] ${d.message.slice(0, 220)}`);
  }
}
