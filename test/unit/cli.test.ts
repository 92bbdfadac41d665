import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { RULES } from '../../server/src/rules/index';
import { SYNTAX_CODE, TEMPLATE_CODE } from '../../server/src/service/validation';
import { FIXTURES, ROOT } from '../helpers/fixtures';
import { CLI_BUNDLE, requireBundles } from '../helpers/lspClient';

const PROBE_FILE = 'test/fixtures/manifests/init-probe.yaml';
const CLEAN_FILE = 'test/fixtures/manifests/clean.yaml';
const PROBE = readFileSync(join(ROOT, PROBE_FILE), 'utf8');
const PROBE_RANGE = { start: { line: 10, character: 6 }, end: { line: 10, character: 20 } };

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: readonly string[], options: { input?: string; cwd?: string; bin?: string } = {}): Run {
  requireBundles();
  const command = options.bin ? [options.bin, ...args] : [process.execPath, CLI_BUNDLE, ...args];
  const r = spawnSync(command[0] as string, command.slice(1), { cwd: options.cwd ?? ROOT, encoding: 'utf8', input: options.input, timeout: 30_000, env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonOutput {
  findings: Array<{ file: string; rule: string; severity: string; message: string; range: typeof PROBE_RANGE }>;
}
const json = (r: Run): JsonOutput => JSON.parse(r.stdout) as JsonOutput;
/** The findings of one rule (other rules, e.g. hygiene ones, report on the probe fixture too). */
const only = (r: Run, rule = 'init-probe-forbidden'): JsonOutput['findings'] => json(r).findings.filter((f) => f.rule === rule);

const tmp = mkdtempSync(join(tmpdir(), 'k8s-init-cli-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

describe('k8s-init-check: arguments and exit codes', () => {
  it('--help and --version exit 0', () => {
    const help = cli(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: k8s-init-check/);
    const version = cli(['--version']);
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+/);
  });

  for (const [name, args, pattern] of [
    ['no PATH', [], /no PATH given/],
    ['an unknown option', ['--frobnicate', CLEAN_FILE], /unknown option '--frobnicate'/],
    ['an unknown format', ['--format', 'xml', CLEAN_FILE], /unknown format 'xml'/],
    ['an unknown rule', ['--rule', 'no-such-rule=off', CLEAN_FILE], /unknown rule 'no-such-rule'/],
    ['a bad severity', ['--rule', 'init-probe-forbidden=loud', CLEAN_FILE], /severity must be one of/],
    ['an unsupported Kubernetes version', ['--kubernetes-version', '1.12', CLEAN_FILE], /unsupported Kubernetes version '1.12'/],
    ['a feature gate without a boolean', ['--feature-gate', 'SidecarContainers=maybe', CLEAN_FILE], /must be true or false/],
    ['a missing option value', ['--format'], /--format needs a value/],
  ] as const) {
    it(`exits 2 on ${name}`, () => {
      const r = cli(args);
      assert.equal(r.status, 2);
      assert.match(r.stderr, pattern);
      assert.equal(r.stdout, '');
    });
  }

  it('exits 0 on a clean file and 1 when errors are found', () => {
    const clean = cli([CLEAN_FILE]);
    assert.equal(clean.status, 0, clean.stderr);
    assert.match(clean.stdout, /No problems found \(1 file checked\)/);
    assert.equal(cli([PROBE_FILE]).status, 1);
    assert.equal(cli(['--exit-zero', PROBE_FILE]).status, 0);
  });

  it('honours --rule (severity and off) and --kubernetes-version', () => {
    const warning = cli(['--format', 'json', '--rule', 'init-probe-forbidden=warning', PROBE_FILE]);
    assert.deepEqual(only(warning).map((f) => [f.rule, f.severity]), [['init-probe-forbidden', 'warning']]);
    assert.equal(warning.status, json(warning).findings.some((f) => f.severity === 'error') ? 1 : 0, 'only errors fail');
    const off = cli(['--format', 'json', '--rule=init-probe-forbidden=off', PROBE_FILE]);
    assert.deepEqual(only(off), []);
    const legacy = cli(['--format', 'json', '--kubernetes-version', 'v1.27', PROBE_FILE]);
    assert.match(only(legacy)[0]?.message ?? '', /Kubernetes 1\.27 has no native sidecars/);
    assert.equal(cli(['--feature-gate', 'SidecarContainers=false', '--kubernetes-version', '1.29', CLEAN_FILE]).status, 0);
  });

  it('counts YAML syntax errors as errors', () => {
    const file = join(tmp, 'broken.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: Pod\nspec: [oops\n');
    const r = cli(['--format', 'json', file]);
    assert.equal(r.status, 1);
    assert.deepEqual(json(r).findings.map((f) => [f.rule, f.severity]), [['yaml-syntax', 'error']]);
  });

  it('runs as the workspace bin (what `npx k8s-init-check` starts)', () => {
    const r = cli(['--format', 'json', PROBE_FILE], { bin: join(ROOT, 'node_modules', '.bin', 'k8s-init-check') });
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(only(r).map((f) => f.range), [PROBE_RANGE]);
  });
});

describe('k8s-init-check: output formats', () => {
  it('text: file:line:col severity rule message, a code frame and a summary', () => {
    const r = cli([PROBE_FILE]);
    const all = r.stdout.split('\n');
    const lines = all.slice(all.findIndex((l) => l.includes(' init-probe-forbidden ')));
    assert.match(lines[0] ?? '', /^test\/fixtures\/manifests\/init-probe\.yaml:11:7 error init-probe-forbidden The `readinessProbe` of init container 1 of 1 `wait-db` is rejected/);
    assert.equal(lines[1], '  10 |       command: ["sh", "-c", "until nc -z db 5432; do sleep 2; done"]');
    assert.equal(lines[2], '> 11 |       readinessProbe:');
    assert.equal(lines[3], '     |       ^^^^^^^^^^^^^^');
    assert.match(r.stdout, /\d+ problems? \(1 error[,)].* in 1 of 1 file\.\n$/);
    const clean = cli([CLEAN_FILE]);
    assert.equal(clean.stdout, 'No problems found (1 file checked).\n');
  });

  it('json: exactly one object {findings: [{file, rule, severity, message, range}]}', () => {
    const r = cli(['--format', 'json', PROBE_FILE, CLEAN_FILE]);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(out), ['findings']);
    const findings = (out as unknown as JsonOutput).findings.filter((f) => f.rule === 'init-probe-forbidden');
    assert.equal(findings.length, 1);
    for (const f of (out as unknown as JsonOutput).findings) assert.equal(f.file, PROBE_FILE, 'the clean file has no findings');
    assert.deepEqual(Object.keys(findings[0]!).sort(), ['file', 'message', 'range', 'rule', 'severity']);
    assert.equal(findings[0]!.file, PROBE_FILE, 'file as given on the command line');
    assert.deepEqual(findings[0]!.range, PROBE_RANGE);
    assert.equal(findings[0]!.rule, 'init-probe-forbidden');
    assert.equal(findings[0]!.severity, 'error');
  });

  it('sarif: 2.1.0 with rule metadata, help links and 1-based regions', () => {
    const r = cli(['--format', 'sarif', PROBE_FILE]);
    assert.equal(r.status, 1);
    const sarif = JSON.parse(r.stdout) as {
      version: string;
      $schema: string;
      runs: Array<{
        tool: { driver: { name: string; rules: Array<{ id: string; helpUri?: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }> } };
        results: Array<{ ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }> }>;
        invocations: Array<{ executionSuccessful: boolean }>;
      }>;
    };
    assert.equal(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif-2\.1\.0/);
    const run = sarif.runs[0]!;
    assert.equal(run.tool.driver.name, 'k8s-init-check');
    for (const rule of RULES) {
      const descriptor = run.tool.driver.rules.find((d) => d.id === rule.meta.id);
      assert.ok(descriptor, `rule ${rule.meta.id} described`);
      assert.match(descriptor.helpUri ?? '', new RegExp(`docs/rules/${rule.meta.id}\\.md$`));
      assert.ok(descriptor.shortDescription.text.length > 0);
    }
    const results = run.results.filter((x) => x.ruleId === 'init-probe-forbidden');
    assert.equal(results.length, 1);
    for (const x of run.results) assert.equal(run.tool.driver.rules[x.ruleIndex]?.id, x.ruleId);
    const result = results[0]!;
    assert.equal(result.ruleId, 'init-probe-forbidden');
    assert.equal(run.tool.driver.rules[result.ruleIndex]?.id, 'init-probe-forbidden');
    assert.equal(result.level, 'error');
    assert.deepEqual(result.locations[0]!.physicalLocation.artifactLocation, { uri: PROBE_FILE, uriBaseId: '%SRCROOT%' });
    assert.deepEqual(result.locations[0]!.physicalLocation.region, { startLine: 11, startColumn: 7, endLine: 11, endColumn: 21 });
    assert.equal(run.invocations[0]!.executionSuccessful, true);
  });
});

describe('k8s-init-check: inputs', () => {
  it('walks directories for *.yaml and *.yml, sorted, without leaving them through symbolic links', () => {
    const outside = join(tmp, 'outside');
    const root = join(tmp, 'walk');
    mkdirSync(outside, { recursive: true });
    mkdirSync(join(root, 'b', 'deeper'), { recursive: true });
    mkdirSync(join(root, 'node_modules'), { recursive: true });
    writeFileSync(join(outside, 'secret.yaml'), PROBE);
    writeFileSync(join(root, 'a.yaml'), PROBE);
    writeFileSync(join(root, 'b', 'deeper', 'c.yml'), PROBE);
    writeFileSync(join(root, 'b', 'notes.txt'), PROBE);
    writeFileSync(join(root, 'node_modules', 'dep.yaml'), PROBE);
    symlinkSync(join(outside, 'secret.yaml'), join(root, 'link-out.yaml'));
    symlinkSync(outside, join(root, 'dir-out'));
    symlinkSync(root, join(root, 'b', 'loop'));
    symlinkSync(join(root, 'a.yaml'), join(root, 'z-same.yaml'));
    const r = cli(['--format', 'json', root]);
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(
      only(r).map((f) => f.file),
      [join(root, 'a.yaml'), join(root, 'b', 'deeper', 'c.yml')],
    );
  });

  it('reports unreadable input on stderr, still checks the other files, and exits 2', () => {
    const broken = join(tmp, 'broken-link');
    mkdirSync(broken, { recursive: true });
    symlinkSync(join(tmp, 'nowhere.yaml'), join(broken, 'dangling.yaml'));
    const r = cli(['--format', 'json', 'does-not-exist.yaml', PROBE_FILE, broken]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /cannot read 'does-not-exist\.yaml': no such file or directory/);
    assert.match(r.stderr, /dangling\.yaml': broken symbolic link/);
    assert.deepEqual([...new Set(json(r).findings.map((f) => f.file))], [PROBE_FILE]);
  });

  it('strips a UTF-8 byte order mark (same ranges as without it)', () => {
    const file = join(tmp, 'bom.yaml');
    writeFileSync(file, `\uFEFF${PROBE}`);
    assert.deepEqual(only(cli(['--format', 'json', file])).map((f) => f.range), [PROBE_RANGE]);
  });

  it('reads standard input for -', () => {
    const r = cli(['--format', 'json', '-'], { input: PROBE });
    assert.equal(r.status, 1);
    assert.deepEqual(only(r).map((f) => [f.file, f.rule, f.range]), [['-', 'init-probe-forbidden', PROBE_RANGE]]);
  });

  it('checks the whole corpus without crashing; Helm templates give one notice per file, not a flood', (t) => {
    const t0 = performance.now();
    const r = cli(['--format', 'json', join('test', 'fixtures', 'corpus')]);
    t.diagnostic(`corpus wall time (spawn included): ${(performance.now() - t0).toFixed(0)} ms`);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    assert.equal(r.stderr, '');
    const findings = json(r).findings;
    for (const helm of ['H01-bitnami-charts-statefulset.yaml', 'H02-bitnami-charts-cronjob.yaml']) {
      assert.equal(findings.filter((f) => f.file.endsWith(helm) && f.rule === TEMPLATE_CODE).length, 1, helm);
      assert.equal(findings.filter((f) => f.file.endsWith(helm) && f.rule === SYNTAX_CODE).length, 0, helm);
    }
    assert.ok(findings.some((f) => f.file === join('test', 'fixtures', 'corpus', 'tricky', '14-big-multidoc-5000-lines.yaml')));
    assert.ok(FIXTURES.length > 0);
  });
});
