// Security posture: what the shipped bundles can do (no eval, no process spawning, network only where a
// transport needs it, no file writes in the server), what the CLI reads, the runtime dependency set and
// untrusted-workspace support. `npm audit --omit=dev` needs the registry, so it is not run here (see README).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import { collectInputs, decodeText, readInput } from '../../server/src/cli/files';
import { run } from '../../server/src/cli/run';
import { ROOT } from '../helpers/fixtures';
import { requireBundles } from '../helpers/lspClient';

const SERVER = join(ROOT, 'server', 'out', 'server.js');
const CLI = join(ROOT, 'server', 'out', 'cli.js');
const CLIENT = join(ROOT, 'client', 'out', 'extension.js');
const NETWORK = ['net', 'http', 'https', 'http2', 'dgram', 'tls', 'dns'];

/** The `require("x")` calls of a bundle, each with the module section (`// node_modules/…` comment) it sits in. */
function requiresOf(bundle: string): Array<{ module: string; source: string }> {
  const lines = readFileSync(bundle, 'utf8').split('\n');
  const out: Array<{ module: string; source: string }> = [];
  let source = '(bundle prelude)';
  for (const line of lines) {
    const header = /^\/\/ ((?:node_modules|server|client)\/\S+)$/.exec(line);
    if (header) source = header[1] as string;
    for (const m of line.matchAll(/\brequire\("(?:node:)?([^"]+)"\)/g)) out.push({ module: m[1] as string, source });
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (entry.name.endsWith('.ts')) out.push(full);
  }
  return out;
}

describe('security posture of the bundles', () => {
  it('no bundle evaluates code from strings', () => {
    requireBundles();
    for (const bundle of [SERVER, CLI, CLIENT]) {
      const text = readFileSync(bundle, 'utf8');
      assert.doesNotMatch(text, /(?<![\w.$])eval\s*\(/, `${bundle}: eval(`);
      assert.doesNotMatch(text, /\bnew\s+Function\s*\(/, `${bundle}: new Function(`);
      assert.doesNotMatch(text, /require\("(?:node:)?vm"\)/, `${bundle}: the vm module`);
    }
  });

  it('the server and the CLI cannot start processes; the client only to launch the server (vscode-languageclient)', () => {
    for (const bundle of [SERVER, CLI]) {
      assert.deepEqual(requiresOf(bundle).filter((r) => r.module === 'child_process' || r.module === 'worker_threads' || r.module === 'cluster'), [], bundle);
    }
    const spawning = requiresOf(CLIENT).filter((r) => r.module === 'child_process');
    for (const r of spawning) assert.match(r.source, /^node_modules\/vscode-languageclient\//, `child_process required by ${r.source}`);
  });

  it('network modules only in vscode-jsonrpc transports: the server connects to 127.0.0.1 or a pipe with --socket/--pipe, never listens', () => {
    assert.deepEqual(requiresOf(CLI).filter((r) => NETWORK.includes(r.module)), [], 'the CLI uses no network');
    for (const bundle of [SERVER, CLIENT]) {
      for (const r of requiresOf(bundle).filter((x) => NETWORK.includes(x.module))) {
        assert.equal(r.module, 'net', `${bundle}: ${r.module} required by ${r.source}`);
        assert.match(r.source, /vscode-jsonrpc\/lib\/node\/main\.js$/, `${bundle}: net required by ${r.source}`);
      }
    }
    const server = readFileSync(SERVER, 'utf8');
    // Listening (`createServer`) belongs to the client-side pipe/socket transports of the library; the server's
    // own socket transport dials the editor on the loopback interface.
    assert.match(server, /net_1\.createConnection\)\(port, "127\.0\.0\.1"\)/);
    const src = readFileSync(join(ROOT, 'server', 'src', 'server.ts'), 'utf8');
    assert.doesNotMatch(src, /createServer|createClient(Socket|Pipe)Transport/);
  });

  it('the server never touches the file system; the CLI only reads', () => {
    assert.deepEqual(requiresOf(SERVER).filter((r) => r.module === 'fs' || r.module === 'fs/promises'), [], 'the server bundle does not load fs');
    const cli = readFileSync(CLI, 'utf8');
    const used = new Set([...cli.matchAll(/import_node_fs\d*\.(\w+)/g)].map((m) => m[1]));
    assert.deepEqual([...used].sort(), ['readFileSync', 'readdirSync', 'realpathSync', 'statSync']);
    // The sources: fs appears only in the CLI's file reading.
    for (const file of sourceFiles(join(ROOT, 'server', 'src'))) {
      const text = readFileSync(file, 'utf8');
      const rel = relative(ROOT, file);
      if (/from '(node:)?fs(\/promises)?'|require\('(node:)?fs'\)/.test(text)) {
        assert.equal(rel, join('server', 'src', 'cli', 'files.ts'), `${rel} imports fs`);
        const imported = /import \{([^}]*)\} from 'node:fs'/.exec(text)?.[1]?.split(',').map((n) => n.trim()).filter(Boolean) ?? [];
        assert.deepEqual(imported.sort(), ['readFileSync', 'readdirSync', 'realpathSync', 'statSync'], `${rel} imports only reading functions of fs`);
      }
      assert.doesNotMatch(text, /from '(node:)?(child_process|net|http|https|http2|dgram|tls|vm|worker_threads)'/, `${rel} imports a forbidden module`);
      assert.doesNotMatch(text, /(?<![\w.$])eval\s*\(|new\s+Function\s*\(/, `${rel} evaluates code`);
    }
  });

  it('runtime dependencies are the reviewed set (npm audit --omit=dev covers exactly these)', () => {
    const deps = (p: string): string[] => Object.keys((JSON.parse(readFileSync(join(ROOT, p), 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {}).sort();
    assert.deepEqual(deps('package.json'), []);
    assert.deepEqual(deps('server/package.json'), ['vscode-languageserver', 'vscode-languageserver-textdocument', 'vscode-languageserver-types', 'yaml']);
    assert.deepEqual(deps('client/package.json'), ['vscode-languageclient']);
  });

  it('the extension declares untrusted and virtual workspace support and has no setting that runs something', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      capabilities: { untrustedWorkspaces: { supported: boolean | string }; virtualWorkspaces: boolean };
      contributes: { configuration: { properties: Record<string, unknown> } };
    };
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
    for (const key of Object.keys(manifest.contributes.configuration.properties)) {
      assert.doesNotMatch(key, /path|command|executable|server\.(args|module)|node/i, `${key} could make the extension run something`);
    }
  });
});

describe('what the CLI reads', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'k8s-init-security-'));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('does not follow symbolic links out of a directory it walks (files or directories), but reads one given by name', () => {
    const root = join(tmp, 'walked');
    const outside = join(tmp, 'outside');
    mkdirSync(join(root, 'sub'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(root, 'a.yaml'), 'a: 1\n');
    writeFileSync(join(outside, 'secret.yaml'), 'password: hunter2\n');
    symlinkSync(join(outside, 'secret.yaml'), join(root, 'secret-link.yaml'));
    symlinkSync(outside, join(root, 'sub', 'outside-dir'));
    symlinkSync(join(root, 'a.yaml'), join(root, 'sub', 'inside-link.yaml'));
    const problems: string[] = [];
    const found = collectInputs([root], (m) => problems.push(m)).map((i) => i.path);
    assert.deepEqual(found, [join(root, 'a.yaml')], 'the inside link is the same file, read once; nothing outside');
    assert.deepEqual(problems, []);
    const given = collectInputs([join(root, 'secret-link.yaml')], () => undefined);
    assert.equal(given.length, 1, 'a link named on the command line is what the user asked for');
  });

  it('refuses binary and non-UTF-8 input with exit status 2; reads UTF-16 with a byte order mark', () => {
    const nul = join(tmp, 'binary.yaml');
    writeFileSync(nul, Buffer.from([0x61, 0x3a, 0x20, 0x00, 0x01, 0x0a]));
    const latin1 = join(tmp, 'latin1.yaml');
    writeFileSync(latin1, Buffer.from('name: caf\xe9\n', 'latin1'));
    const utf16 = join(tmp, 'utf16.yaml');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('apiVersion: v1\nkind: Pod\n', 'utf16le')]));
    for (const [file, reason] of [[nul, /binary data/], [latin1, /not valid UTF-8/]] as const) {
      let err = '';
      const code = run([file], () => undefined, (s) => (err += s));
      assert.equal(code, 2, file);
      assert.match(err, reason);
    }
    assert.equal(readInput({ display: utf16, path: utf16 }), 'apiVersion: v1\nkind: Pod\n');
    assert.equal(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('a: 1\n', 'utf16le').swap16()])), 'a: 1\n');
    assert.equal(decodeText(Buffer.from('\uFEFFa: 1\n')), 'a: 1\n');
    let out = '';
    assert.equal(run([utf16, '--format', 'json'], (s) => (out += s), () => undefined), 0);
    assert.deepEqual(JSON.parse(out), { findings: [] });
  });
});
