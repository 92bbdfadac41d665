// `npm audit --omit=dev` for CI: fails when the runtime dependencies have a known vulnerability; when the
// registry's advisory endpoint cannot be reached (offline machines, proxies that only allow GET), says so
// and does not fail, since nothing was learnt either way.
// Usage: node scripts/audit.mjs   (npm run audit)
import { spawnSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const r = spawnSync(npm, ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 120_000 });
let report;
try {
  report = JSON.parse(r.stdout || '{}');
} catch {
  report = {};
}
const counts = report.metadata?.vulnerabilities;
if (counts) {
  const total = Object.values(counts).reduce((a, b) => a + (typeof b === 'number' ? b : 0), 0) - (counts.total ?? 0);
  const deps = report.metadata?.dependencies?.prod ?? report.metadata?.dependencies?.total ?? '?';
  if (total === 0) {
    console.log(`npm audit --omit=dev: no known vulnerability in ${deps} runtime dependencies`);
    process.exit(0);
  }
  console.error(`npm audit --omit=dev: ${total} known vulnerabilit${total === 1 ? 'y' : 'ies'}:`);
  for (const [name, v] of Object.entries(report.vulnerabilities ?? {})) console.error(`  ${name} (${v.severity}): ${v.range ?? ''}`);
  process.exit(1);
}
const reason = report.message ?? report.error?.summary ?? (r.error ? String(r.error) : (r.stderr || '').split('\n').find((l) => l.includes('audit')) ?? `exit status ${r.status}`);
console.log(`npm audit --omit=dev: the advisory endpoint could not be reached, no result (${reason.trim()})`);
