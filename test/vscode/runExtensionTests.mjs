// The extension-host suite: a standard @vscode/test-electron runTests() call whose vscodeExecutablePath is a
// shim that runs the same mocha suite in code-server (desktop VS Code cannot be downloaded here; where it can,
// drop vscodeExecutablePath). Builds the extension and the suite first, copies the fixtures into a throw-away
// workspace, and prints "N passed, N failed".
// Usage: node test/vscode/runExtensionTests.mjs
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT, checkPrerequisites, isolatedEnvironment } from './harness/codeServer.mjs';

const require = createRequire(import.meta.url);
const t0 = Date.now();
const summary = (passed, failed) => console.log(`${passed} passed, ${failed} failed`);

const missing = checkPrerequisites();
if (missing.length > 0) {
  console.error(`extension-host suite cannot run; missing:\n  ${missing.join('\n  ')}`);
  summary(0, 1);
  process.exit(1);
}

// 1. Bundles: the extension (client + server) and the suite (vscode and mocha stay external).
if (!process.env.K8S_INIT_SKIP_BUILD) {
  const b = spawnSync(process.execPath, [path.join(ROOT, 'esbuild.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (b.status !== 0) process.exit(1);
}
const esbuild = require('esbuild');
const suiteOut = path.join(ROOT, 'test', 'vscode', 'out', 'suite.js');
await esbuild.build({
  absWorkingDir: ROOT,
  entryPoints: ['test/vscode/suite/index.ts'],
  outfile: suiteOut,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});

// 2. A throw-away workspace with the fixtures, and throw-away profile folders.
const iso = isolatedEnvironment('k8s-init-vscode-');
const workspace = path.join(iso.tmp, 'workspace');
fs.cpSync(path.join(ROOT, 'test', 'vscode', 'fixtures'), workspace, { recursive: true });
const resultFile = path.join(iso.tmp, 'result.json');

// 3. runTests with the code-server shim.
const { runTests } = require('@vscode/test-electron');
let exitCode = 1;
try {
  exitCode = await runTests({
    vscodeExecutablePath: path.join(ROOT, 'test', 'vscode', 'harness', 'codeServerAsVscode.mjs'),
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: suiteOut,
    launchArgs: [workspace, `--user-data-dir=${iso.dirs.user}`, `--extensions-dir=${iso.dirs.ext}`],
    extensionTestsEnv: { K8S_INIT_TEST_RESULT: resultFile },
  });
} catch (e) {
  console.error(`runTests: ${e instanceof Error ? e.message : String(e)}`);
  exitCode = 1;
}

let result;
try {
  result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
} catch {
  result = undefined;
}
iso.cleanup();
const seconds = ((Date.now() - t0) / 1000).toFixed(1);
if (!result) {
  console.error('the extension-host suite did not report a result');
  console.log(`extension-host suite: ${seconds} s`);
  summary(0, 1);
  process.exit(1);
}
for (const f of result.failures) console.log(`\nFAILED ${f.title}\n${f.error}`);
console.log(`\nextension-host suite: ${seconds} s (mocha ${(result.durationMs / 1000).toFixed(1)} s); timings ${JSON.stringify(result.timings)}`);
summary(result.passed, result.failed);
process.exit(exitCode === 0 && result.failed === 0 && result.passed > 0 ? 0 : 1);
