import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { getLanguageService } from '../server/src/service/index';
const text = readFileSync(`${__dirname}/../test/fixtures/corpus/tricky/14-big-multidoc-5000-lines.yaml`, 'utf8');
const service = getLanguageService();
const N = Number(process.env.N ?? 100);
function med(a: number[]) { a.sort((x, y) => x - y); return a[Math.floor(a.length * Number(process.env.Q ?? 0.5))] as number; }
const f: number[] = [], p: number[] = [], a: number[] = [];
for (let i = 0; i < N; i++) {
  let t = performance.now(); parseAllDocuments(text); f.push(performance.now() - t);
  t = performance.now(); service.parse(text); p.push(performance.now() - t);
  t = performance.now(); service.doValidation('file:///x.yaml', service.parse(text)); a.push(performance.now() - t);
}
const fl = med(f);
console.log(`floor ${fl.toFixed(1)}  parse ${med(p).toFixed(1)} (${(med(p) / fl).toFixed(2)}x)  analysis ${med(a).toFixed(1)} (${(med(a) / fl).toFixed(2)}x)`);
