import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getLanguageService } from './server/src/service/index';
import { normalizeSettings } from './server/src/service/settings';
const s = getLanguageService();
function files(dir: string): string[] { const out: string[] = []; for (const n of readdirSync(dir)) { const f = join(dir, n); if (statSync(f).isDirectory()) out.push(...files(f)); else if (/\.ya?ml$/.test(n)) out.push(f); } return out; }
let count = 0, hovers = 0;
const t0 = Date.now();
for (const f of [...files('test/fixtures/corpus'), ...files('examples')]) {
  const text = readFileSync(f, 'utf8');
  const file = s.parse(text);
  for (const v of ['1.27', '1.28', '1.33', '1.36']) {
    const settings = normalizeSettings({ kubernetesVersion: v });
    try {
      s.getInlayHints(file, undefined, settings); s.getCodeLenses('file:///x', file, settings); s.getDocumentSymbols(file, settings);
      s.getStartupTimeline('file:///x', file, { line: 0, character: 0 }, settings);
      const diags = s.doValidation('file:///x', file, settings);
      for (let o = 0; o < text.length; o += v === '1.36' ? 1 : 7) {
        const h = s.doHover('file:///x', file, file.lines.positionAt(o), settings); count++; if (h) hovers++;
      }
      void diags;
    } catch (e) { console.log('THROW', f, v, e); process.exit(1); }
  }
}
console.log({ count, hovers, ms: Date.now() - t0 });
