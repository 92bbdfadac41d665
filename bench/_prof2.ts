import { readFileSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import { parseAllDocuments } from 'yaml';
import { getLanguageService } from '../server/src/service/index';
const text = readFileSync(`${__dirname}/../test/fixtures/corpus/tricky/14-big-multidoc-5000-lines.yaml`, 'utf8');
const service = getLanguageService();
const N = Number(process.env.N ?? 60);
const mode = process.env.MODE ?? 'analysis';
let gc = 0;
new PerformanceObserver((l) => { for (const e of l.getEntries()) gc += e.duration; }).observe({ entryTypes: ['gc'] });
function med(a: number[]) { a.sort((x, y) => x - y); return a[a.length >> 1]; }
const t0: number[] = [];
for (let i = 0; i < N; i++) {
  const t = performance.now();
  if (mode === 'floor') parseAllDocuments(text);
  else if (mode === 'parse') service.parse(text);
  else service.doValidation('file:///x.yaml', service.parse(text));
  t0.push(performance.now() - t);
}
setTimeout(() => console.log(`${mode}: median ${med(t0).toFixed(1)} ms, gc ${(gc / N).toFixed(1)} ms/iter`), 10);
