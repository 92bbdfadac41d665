#!/usr/bin/env node
// A stand-in for the `code` executable, for @vscode/test-electron's runTests({ vscodeExecutablePath }): it
// runs the extension tests in code-server instead of a downloaded desktop VS Code (which cannot be downloaded
// here). runTests spawns: <this> [workspace] --no-sandbox … --extensionTestsPath=X --extensionDevelopmentPath=Y
// [--extensions-dir=… --user-data-dir=…]; the workspace, the two paths and the profile folders are honoured.
import path from 'node:path';
import { runExtensionTestsInCodeServer } from './codeServerExtTests.mjs';

const opts = {};
for (const a of process.argv.slice(2)) {
  const value = a.slice(a.indexOf('=') + 1);
  if (a.startsWith('--extensionDevelopmentPath=')) opts.devPath ??= path.resolve(value);
  else if (a.startsWith('--extensionTestsPath=')) opts.testsPath = path.resolve(value);
  else if (a.startsWith('--user-data-dir=')) opts.userDataDir = path.resolve(value);
  else if (a.startsWith('--extensions-dir=')) opts.extensionsDir = path.resolve(value);
  else if (!a.startsWith('-')) opts.workspace ??= path.resolve(a);
}
if (!opts.devPath || !opts.testsPath || !opts.workspace) {
  console.error('codeServerAsVscode: needs --extensionDevelopmentPath=, --extensionTestsPath= and a workspace folder');
  process.exit(2);
}
// test-electron accepts a tests folder holding index.js
if (!path.extname(opts.testsPath)) opts.testsPath = path.join(opts.testsPath, 'index.js');
const deadlineMs = Number(process.env.K8S_INIT_EXTTEST_DEADLINE_MS ?? 240_000);
process.exit(await runExtensionTestsInCodeServer({ ...opts, deadlineMs }));
