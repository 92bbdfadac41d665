// The `vscode` suite of scripts/test.mjs: the client's unit tests, the manifest and grammar tests (node's test
// runner), then the extension-host tests in code-server (runExtensionTests.mjs). Each part has its own deadline
// (`timeout -k`); prints "N passed, N failed" per part and for the suite, and writes the totals to
// $K8S_INIT_SUITE_RESULT when set.
import { runParts } from '../e2e/runParts.mjs';

const here = 'test/vscode';
await runParts('vscode', [
  { name: 'client, manifest and grammar tests', kind: 'node-test', dir: here, deadlineSeconds: 300 },
  { name: 'extension-host tests in code-server', kind: 'script', script: `${here}/runExtensionTests.mjs`, deadlineSeconds: 420 },
]);
