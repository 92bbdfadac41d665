import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FIXTURES, ROOT } from '../helpers/fixtures';
import { requireBundles, SERVER_BUNDLE } from '../helpers/lspClient';

const SCRIPT = join(ROOT, 'test', 'editors', 'nvim-lsp-check.lua');
const hasNvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;
// CI installs neovim (.ci/run); elsewhere the suite is skipped when it is missing.
const skip = !hasNvim && process.env['CI'] === undefined ? 'neovim is not installed (apt-get install neovim)' : false;

interface Published {
  version?: number;
  diagnostics: Array<{ code?: string; severity?: number; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }>;
}
interface NvimResult {
  ok: boolean;
  published: Published[];
  shown: Array<{ code: string | null; lnum: number; col: number; end_lnum: number; end_col: number; severity: number; message: string }>;
  errors: string[];
  timings_ms: Record<string, number>;
}

const probes = (diagnostics: Published['diagnostics']): Published['diagnostics'] => diagnostics.filter((d) => d.code === 'init-probe-forbidden');

/** Runs headless neovim on `file` with the bundled server; HOME and XDG dirs point at a temporary folder. */
function runNeovim(file: string, env: Record<string, string> = {}): NvimResult {
  requireBundles();
  const tmp = mkdtempSync(join(tmpdir(), 'k8s-init-nvim-'));
  try {
    const out = join(tmp, 'out.json');
    const r = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${SCRIPT}`], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 30_000,
      env: {
        ...process.env,
        HOME: tmp,
        XDG_CACHE_HOME: tmp,
        XDG_STATE_HOME: tmp,
        XDG_DATA_HOME: tmp,
        XDG_CONFIG_HOME: tmp,
        LSP_CMD: `${process.execPath} ${SERVER_BUNDLE} --stdio`,
        YAML_FILE: file,
        OUT_JSON: out,
        ...env,
      },
    });
    let result: NvimResult;
    try {
      result = JSON.parse(readFileSync(out, 'utf8')) as NvimResult;
    } catch {
      throw new Error(`neovim wrote no result (exit ${r.status}, signal ${r.signal}): ${r.stderr}${r.stdout}`);
    }
    assert.deepEqual(result.errors, []);
    assert.equal(r.status, 0, `neovim exit status: ${r.stderr}`);
    return result;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

describe('neovim (headless) with the language server', { skip, timeout: 60_000 }, () => {
  it('shows the probe on an init container at its exact place, and clears it after an incremental edit', () => {
    // Lines 10..12 (0-based) of the fixture are the readinessProbe block.
    const result = runNeovim(join(FIXTURES, 'manifests', 'init-probe.yaml'), { DELETE_FROM: '10', DELETE_TO: '13' });
    assert.ok(result.ok);
    const first = result.published[0]!;
    assert.deepEqual(
      probes(first.diagnostics).map((d) => [d.code, d.severity, d.range]),
      [['init-probe-forbidden', 1, { start: { line: 10, character: 6 }, end: { line: 10, character: 20 } }]],
    );
    // What neovim holds for display (vim.diagnostic, 0-based lines and byte columns).
    const shown = result.shown.filter((d) => d.code === 'init-probe-forbidden');
    assert.deepEqual(
      shown.map(({ lnum, col, end_lnum, end_col, severity }) => ({ lnum, col, end_lnum, end_col, severity })),
      [{ lnum: 10, col: 6, end_lnum: 10, end_col: 20, severity: 1 }],
    );
    assert.match(shown[0]!.message, /readinessProbe.*init container 1 of 1 `wait-db`/);
    assert.equal(result.shown.length, first.diagnostics.length, 'neovim shows every published diagnostic');
    const last = result.published[result.published.length - 1]!;
    assert.deepEqual(probes(last.diagnostics), [], 'no probe finding once the probe is deleted');
    assert.ok((last.version ?? 0) > (first.version ?? 0), 'the edit produced a newer version');
  });

  it('honours settings pushed with didChangeConfiguration (as nvim-lspconfig sends them)', () => {
    const result = runNeovim(join(FIXTURES, 'manifests', 'init-probe.yaml'), { SETTINGS_JSON: JSON.stringify({ rules: { 'init-probe-forbidden': 'warning' } }) });
    assert.deepEqual(probes(result.published[0]!.diagnostics).map((d) => [d.code, d.severity]), [['init-probe-forbidden', 2]]);
  });

  it('honours settings given as init_options', () => {
    const result = runNeovim(join(FIXTURES, 'manifests', 'init-probe.yaml'), { INIT_OPTIONS_JSON: JSON.stringify({ k8sInit: { rules: { 'init-probe-forbidden': 'off' } } }) });
    assert.deepEqual(probes(result.published[0]!.diagnostics), []);
  });

  it('reports nothing on a clean manifest', () => {
    const result = runNeovim(join(FIXTURES, 'manifests', 'clean.yaml'));
    assert.deepEqual(result.published[0]!.diagnostics, []);
  });
});
