// The extension-host test entry (`--extensionTestsPath`): runs the mocha suites inside VS Code (here code-server)
// with the real `vscode` API, prints one line per test and writes a result file the runner turns into
// "N passed, N failed".
import { writeFileSync } from 'node:fs';
import Mocha from 'mocha';

export interface SuiteResult {
  passed: number;
  failed: number;
  pending: number;
  durationMs: number;
  failures: Array<{ title: string; error: string }>;
  timings: Record<string, number>;
}

const PREFIX = '[k8s-init-test]';

/** Timings the tests want in the report (activation, first diagnostics …). */
export const timings: Record<string, number> = {};

export function run(): Promise<void> {
  const grep = process.env['K8S_INIT_TEST_GREP'];
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'base', ...(grep ? { grep } : {}) });
  // Define describe/it before the test modules evaluate (they are bundled and required lazily below).
  mocha.suite.emit('pre-require', globalThis, 'k8s-init-suite', mocha);
  require('./extension.suite');
  require('./languageFeatures.suite');
  require('./settings.suite');
  require('./timeline.suite');
  require('./lifecycle.suite');

  const result: SuiteResult = { passed: 0, failed: 0, pending: 0, durationMs: 0, failures: [], timings };
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      result.durationMs = Date.now() - started;
      const line = `${result.passed} passed, ${result.failed} failed`;
      console.log(`${PREFIX} ${line}`);
      const out = process.env['K8S_INIT_TEST_RESULT'];
      if (out) writeFileSync(out, JSON.stringify(result, null, 2));
      if (failures > 0) reject(new Error(`${failures} extension-host tests failed`));
      else resolve();
    });
    runner.on('pass', (t) => {
      result.passed++;
      console.log(`${PREFIX} ✔ ${t.fullTitle()} (${t.duration ?? 0} ms)`);
    });
    runner.on('fail', (t, err: Error) => {
      result.failed++;
      result.failures.push({ title: t.fullTitle(), error: err.stack ?? err.message });
      console.log(`${PREFIX} ✘ ${t.fullTitle()}: ${err.message}`);
    });
    runner.on('pending', (t) => {
      result.pending++;
      console.log(`${PREFIX} - ${t.fullTitle()} (pending)`);
    });
  });
}
