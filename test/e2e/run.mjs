// The `e2e` suite of scripts/test.mjs: the timeline view's HTML in headless Chromium and the UI test of the
// packaged .vsix in code-server. One deadline for the part (`timeout -k`), tests one at a time.
import { runParts } from './runParts.mjs';

await runParts('e2e', [{ name: 'timeline HTML and UI end-to-end', kind: 'node-test', dir: 'test/e2e', deadlineSeconds: 600 }]);
