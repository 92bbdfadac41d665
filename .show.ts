import { readFileSync } from 'node:fs';
import { service, validate, quickFixes, applyTextEdits, editsOf } from './test/helpers/fixTester';
const [file, rule, version] = process.argv.slice(2);
const text = readFileSync(file!, 'utf8');
const settings = service.settings(version ? { kubernetesVersion: version } : {});
const v = validate(text, settings);
for (const d of v.diagnostics.filter((x) => x.code === rule)) {
  console.log(`### ${d.range.start.line}:${d.range.start.character} ${(d.data as {messageId: string}).messageId} ${d.message.slice(0, 120)}`);
  for (const a of quickFixes(v.file, d, settings)) {
    console.log(`--- ${a.title}${a.isPreferred ? ' (preferred)' : ''}`);
    const out = applyTextEdits(text, editsOf(a));
    // print a diff-ish: changed lines
    const A = text.split('\n'), B = out.split('\n');
    let i = 0; while (i < A.length && A[i] === B[i]) i++;
    let ja = A.length - 1, jb = B.length - 1; while (ja >= i && jb >= i && A[ja] === B[jb]) { ja--; jb--; }
    for (let k = i; k <= ja; k++) console.log('- ' + A[k]);
    for (let k = i; k <= jb; k++) console.log('+ ' + B[k]);
  }
}
