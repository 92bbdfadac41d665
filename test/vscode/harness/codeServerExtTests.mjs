// Runs VS Code extension-host tests (the --extensionDevelopmentPath / --extensionTestsPath contract of
// @vscode/test-electron) inside code-server: its workbench takes the test paths through the `payload` URL
// parameter and, when the test module's run() settles, calls window.codeAutomationExit(code), which the
// driver exposes with playwright-core. Used by codeServerAsVscode.mjs.
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { OUT_DIR, deadline, isolatedEnvironment, launchChromium, startCodeServer, writeUserSettings } from './codeServer.mjs';

const TEST_LINE = /^\[k8s-init-test\]/;

/**
 * @param {{ devPath: string, testsPath: string, workspace: string, userDataDir?: string, extensionsDir?: string, deadlineMs?: number }} o
 * @returns {Promise<number>} the tests' exit code (1 on harness failure or deadline)
 */
export async function runExtensionTestsInCodeServer(o) {
  const t0 = Date.now();
  const mark = (what) => console.log(`[harness ${Date.now() - t0} ms] ${what}`);
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const iso = isolatedEnvironment('k8s-init-exttest-');
  const userDataDir = o.userDataDir ?? iso.dirs.user;
  const extensionsDir = o.extensionsDir ?? iso.dirs.ext;
  fs.mkdirSync(extensionsDir, { recursive: true });
  writeUserSettings(userDataDir);
  let server;
  let ctx;
  let code = 1;
  const limit = deadline(o.deadlineMs ?? 240_000, 'extension-host tests');
  try {
    server = await startCodeServer({ userDataDir, extensionsDir, env: iso.env, logFile: path.join(OUT_DIR, 'code-server-exttest.log') });
    mark(`code-server up on port ${server.port}`);
    // Paths live on the server's disk: vscode-remote URIs with the page's authority.
    const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = JSON.stringify([['extensionDevelopmentPath', remote(o.devPath)], ['extensionTestsPath', remote(o.testsPath)]]);
    const url = `${server.base}/?folder=${encodeURIComponent(o.workspace)}&payload=${encodeURIComponent(payload)}`;
    ctx = await launchChromium({ profileDir: iso.dirs.chrome, env: iso.env });
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    const exited = new Promise((resolve) => void page.exposeFunction('codeAutomationExit', (c) => resolve(c)));
    const consoleLog = path.join(OUT_DIR, 'exttest-console.log');
    fs.writeFileSync(consoleLog, '');
    page.on('console', async (m) => {
      let vals;
      try {
        vals = await Promise.all(m.args().map((a) => a.jsonValue()));
      } catch {
        vals = [m.text()];
      }
      if (typeof vals[0] === 'string' && vals[0].startsWith('%c')) vals = vals.slice(2);
      const text = util.format(...vals);
      fs.appendFileSync(consoleLog, `${text}\n`);
      if (TEST_LINE.test(text) || process.env.VERBOSE) console.log(text.slice(0, 600));
    });
    await page.goto(url);
    mark('workbench requested');
    code = await Promise.race([exited, limit.promise]);
    mark(`codeAutomationExit(${code})`);
  } catch (e) {
    console.error(`extension-host tests: ${e instanceof Error ? e.message : String(e)}`);
    await ctx?.pages()[0]?.screenshot({ path: path.join(OUT_DIR, 'exttest-failure.png') }).catch(() => undefined);
    code = 1;
  } finally {
    limit.cancel();
    await Promise.race([ctx?.close(), new Promise((r) => setTimeout(r, 5000))]).catch(() => undefined);
    server?.stop();
    iso.cleanup();
  }
  return typeof code === 'number' ? code : 1;
}
