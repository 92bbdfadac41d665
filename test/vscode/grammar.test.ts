// The TextMate injection grammars, run with vscode-tmgrammar-test against VS Code's own YAML and shell
// grammars (taken from the built-in extensions inside code-server, i.e. exactly what users get).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { MISSING_CODE_SERVER, ROOT, builtinExtensionsDir, codeServerInstalled } from './paths';

interface GrammarContribution {
  readonly scopeName: string;
  readonly path: string;
  readonly injectTo?: readonly string[];
  readonly language?: string;
}

function builtinGrammars(extension: string): GrammarContribution[] {
  const dir = join(builtinExtensionsDir(), extension);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { contributes: { grammars: GrammarContribution[] } };
  return pkg.contributes.grammars.filter((g) => g.language === undefined || g.language === 'yaml' || g.language === 'shellscript').map((g) => ({ ...g, path: join(dir, g.path) }));
}

test('injection grammars: suppression comments and shell in sh -c scripts', { timeout: 120_000 }, (t) => {
  if (!codeServerInstalled()) assert.fail(MISSING_CODE_SERVER);
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { grammars: GrammarContribution[] } };
  const ours = manifest.contributes.grammars.map((g) => ({ ...g, path: join(ROOT, g.path) }));
  assert.ok(ours.length >= 2, 'package.json contributes the injection grammars');
  const dir = mkdtempSync(join(tmpdir(), 'k8s-init-grammar-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const grammars = [...builtinGrammars('yaml'), ...builtinGrammars('shellscript'), ...ours].map((g) => ({ ...g, path: relative(dir, g.path) }));
  const config = join(dir, 'package.json');
  writeFileSync(config, JSON.stringify({ contributes: { grammars } }, null, 2));
  const cases = readdirSync(join(ROOT, 'test/vscode/grammar')).filter((f) => f.endsWith('.test.yaml')).map((f) => join(ROOT, 'test/vscode/grammar', f));
  assert.ok(cases.length >= 2);
  const bin = join(ROOT, 'node_modules/vscode-tmgrammar-test/dist/unit.js');
  const r = spawnSync(process.execPath, [bin, '--config', config, ...cases], { cwd: ROOT, encoding: 'utf8', timeout: 100_000 });
  const out = `${r.stdout}${r.stderr}`;
  assert.equal(r.status, 0, out);
  assert.doesNotMatch(out, /grammar not found/, out);
});
