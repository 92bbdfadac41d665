// Over-LSP measurements with the real server processes: ours (server/out/server.js) and
// yaml-language-server with Kubernetes schema validation, its schema served offline from bench/schema.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { LspClient } from './lspClient';
import type { ServerSpec } from './lspClient';
import type { Input } from './inputs';
import { editPosition, findLine, ROOT } from './inputs';
import { summarize } from './stats';
import type { Summary } from './stats';

export interface LspPlan {
  readonly initSamples: number;
  readonly openSamples: number;
  readonly editSamples: number;
  readonly hoverSamples: number;
  readonly warmups: number;
  /** Measure the 50,000-line file (open → diagnostics, hovers meanwhile). */
  readonly huge: boolean;
  readonly hugeTimeoutMs: number;
}

export interface LspResult {
  readonly server: string;
  readonly version: string;
  /** Spawn → initialize answer (Node start and module loading included). */
  readonly initialize: Summary;
  readonly open: Summary;
  readonly openDiagnostics: number;
  readonly change: Summary;
  readonly hover: Summary | undefined;
  readonly hoverFound: boolean;
  /** Resident memory with the big file and the other corpus files open, MiB. */
  readonly rssMiB: number | undefined;
  /** The same with the server started by a plain `node server.js` (V8's default young generation), MiB. */
  readonly rssDefaultYoungGenMiB?: number;
  readonly openFiles: number;
  readonly huge?: HugeResult;
  /** Schema documents the server asked the bench client for (yaml-language-server). */
  readonly schemaRequests?: readonly string[];
  readonly errors: readonly string[];
}

export interface HugeResult {
  readonly lines: number;
  readonly open: number | undefined;
  readonly diagnostics: number | undefined;
  /** Latency of hovers on a small open document sent every 10 ms while the big file is analysed. */
  readonly hoverWhileBusy: Summary;
  readonly timedOut: boolean;
}

const SCHEMA_DIR = join(ROOT, 'bench', 'schema');

/** Node flags the client and the launcher give the server (see client/src/languageClient.ts, server/bin/k8s-init-lsp.js). */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=2'];

export function ourServer(): ServerSpec {
  return {
    name: 'k8s-init-lsp',
    command: process.execPath,
    // As the VS Code client and the `k8s-init-lsp` launcher start it: a small V8 young generation keeps the
    // resident memory low (the semi-spaces otherwise grow to 16 MiB while parsing and are not given back).
    args: [...SERVER_NODE_FLAGS, join(ROOT, 'server', 'out', 'server.js'), '--stdio'],
    configuration: () => ({}),
    settings: { k8sInit: {} },
  };
}

/** yaml-language-server as the VS Code YAML extension runs it, `yaml.schemas: {kubernetes: …}`, schemas fetched through the client. */
export function yamlLanguageServer(requested: string[]): ServerSpec {
  const schemas = new Map<string, string>([
    ['all.json', readFileSync(join(SCHEMA_DIR, 'all.json'), 'utf8')],
    ['_definitions.json', gunzipSync(readFileSync(join(SCHEMA_DIR, '_definitions.json.gz'))).toString('utf8')],
  ]);
  const content = (uri: unknown): string => {
    const name = basename(String(uri).split('#')[0] as string);
    requested.push(name);
    const text = schemas.get(name);
    if (text === undefined) throw new Error(`no offline schema for ${String(uri)}`);
    return text;
  };
  const yaml = {
    validate: true,
    hover: true,
    completion: true,
    format: { enable: false },
    schemas: { kubernetes: ['*.yaml'] },
    schemaStore: { enable: false },
    kubernetesCRDStore: { enable: false },
  };
  return {
    name: 'yaml-language-server',
    command: process.execPath,
    args: [join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'],
    configuration: (section) => (section === 'yaml' ? yaml : {}),
    settings: { yaml },
    notifications: [{ method: 'yaml/registerContentRequest' }],
    requests: { 'vscode/content': content, 'custom/schema/content': content },
  };
}

export function packageVersion(dir: string): string {
  const file = join(dir, 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : '?';
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Spawn → initialize answer, a fresh process per sample, the servers taking turns (so that both see the same machine load). */
export async function measureInitialize(specs: readonly ServerSpec[], samples: number, log: (s: string) => void): Promise<number[][]> {
  const root = pathToFileURL(join(ROOT, 'bench')).href;
  const out = specs.map(() => [] as number[]);
  for (let i = 0; i < samples; i++) {
    for (const [k, spec] of specs.entries()) {
      const { client, spawnToReadyMs } = await LspClient.start(spec, root);
      out[k]?.push(spawnToReadyMs);
      await client.stop();
    }
  }
  specs.forEach((spec, k) => log(`  ${spec.name}: initialize ${summarize(out[k] ?? []).median.toFixed(0)} ms`));
  return out;
}

export async function measureServer(
  spec: ServerSpec,
  version: string,
  big: Input,
  corpus: readonly Input[],
  huge: Input | undefined,
  plan: LspPlan,
  initialize: readonly number[] | undefined,
  log: (s: string) => void,
): Promise<Omit<LspResult, 'schemaRequests'>> {
  const root = pathToFileURL(join(ROOT, 'bench')).href;
  const errors: string[] = [];
  const uri = (name: string): string => `${root}/${name}`;

  const { client, spawnToReadyMs } = await LspClient.start(spec, root);
  // 1. initialize: measured separately (measureInitialize); this session's own start counts when it was not.
  const inits = initialize ?? [spawnToReadyMs];
  try {
    // Warm-ups: JIT, and for yaml-language-server the schema download.
    for (let i = 0; i < plan.warmups; i++) {
      await client.open(uri(`warmup-${i}.yaml`), big.text);
      await client.close(uri(`warmup-${i}.yaml`));
    }
    // 2. didOpen → first publishDiagnostics (a new document each time).
    const opens: number[] = [];
    let openDiagnostics = 0;
    for (let i = 0; i < plan.openSamples; i++) {
      const r = await client.open(uri(`open-${i}.yaml`), big.text);
      opens.push(r.ms);
      openDiagnostics = r.count;
      await client.close(uri(`open-${i}.yaml`));
      await sleep(20);
    }
    log(`  ${spec.name}: open → diagnostics ${summarize(opens).median.toFixed(1)} ms (${openDiagnostics} diagnostics)`);

    // 3. didChange → publishDiagnostics: the benchmark edit, alternately 4 and 3.
    const edited = uri('big-5000-lines.yaml');
    await client.open(edited, big.text);
    const at = editPosition(big.text);
    const range = { start: { line: at.line, character: at.character }, end: { line: at.line, character: at.character + 1 } };
    const changes: number[] = [];
    for (let i = 0; i < plan.editSamples + 1; i++) {
      const r = await client.change(edited, range, i % 2 === 0 ? '4' : at.original);
      if (i > 0) changes.push(r.ms);
      await sleep(30);
    }
    log(`  ${spec.name}: change → diagnostics ${summarize(changes).median.toFixed(1)} ms`);

    // 4. hover on the `initContainers` key of the edited Deployment.
    const hoverAt = findLine(big.text, /^\s+initContainers:/, at.line);
    const hovers: number[] = [];
    let hoverFound = false;
    for (let i = 0; i < plan.hoverSamples + 1; i++) {
      const h = await client.hover(edited, { line: hoverAt.line, character: hoverAt.character + 2 });
      if (i > 0) hovers.push(h.ms);
      hoverFound ||= h.found;
    }
    log(`  ${spec.name}: hover ${summarize(hovers).median.toFixed(2)} ms (${hoverFound ? 'content' : 'empty'})`);

    await client.stop();

    // 5. memory in a fresh server with the big file and the corpus files open (then the 50,000-line file).
    const fresh = (await LspClient.start(spec, root)).client;
    try {
      await fresh.open(uri('big-5000-lines.yaml'), big.text);
      for (const input of corpus) await fresh.open(uri(`corpus-${input.id}`), input.text);
      await sleep(1000);
      const rssMiB = fresh.rssMiB();
      log(`  ${spec.name}: RSS ${rssMiB?.toFixed(0)} MiB with ${corpus.length + 1} files open`);
      const hugeResult = huge && plan.huge ? await measureHuge(fresh, uri, huge, corpus[0], plan.hugeTimeoutMs, log, spec.name) : undefined;
      return {
        server: spec.name,
        version,
        initialize: summarize(inits),
        open: summarize(opens),
        openDiagnostics,
        change: summarize(changes),
        hover: hovers.length > 0 ? summarize(hovers) : undefined,
        hoverFound,
        rssMiB,
        openFiles: corpus.length + 1,
        ...(hugeResult ? { huge: hugeResult } : {}),
        errors,
      };
    } finally {
      await fresh.stop();
    }
  } catch (error) {
    errors.push(error instanceof Error ? error.message : String(error));
    throw new Error(`${spec.name}: ${errors.join('; ')}\n${client.stderr.join('').slice(0, 2000)}`, { cause: error });
  } finally {
    await client.stop();
  }
}

/** Resident memory of a fresh server with the big file and the corpus files open (for a variant of the spawn arguments). */
export async function measureRss(spec: ServerSpec, big: Input, corpus: readonly Input[]): Promise<number | undefined> {
  const root = pathToFileURL(join(ROOT, 'bench')).href;
  const { client } = await LspClient.start(spec, root);
  try {
    await client.open(`${root}/big-5000-lines.yaml`, big.text);
    for (const input of corpus) await client.open(`${root}/corpus-${input.id}`, input.text);
    await sleep(1000);
    return client.rssMiB();
  } finally {
    await client.stop();
  }
}

/** Opens the 50,000-line file and, until its diagnostics arrive, hovers on a small open document every 10 ms. */
async function measureHuge(
  client: LspClient,
  uri: (name: string) => string,
  huge: Input,
  small: Input | undefined,
  timeoutMs: number,
  log: (s: string) => void,
  name: string,
): Promise<HugeResult> {
  const smallUri = small ? uri(`corpus-${small.id}`) : undefined;
  const hovers: number[] = [];
  let done = false;
  const pos = small ? findLine(small.text, /^\s+(initContainers|containers):/) : { line: 0, character: 0 };
  const hoverLoop = (async () => {
    while (!done && smallUri) {
      const h = await client.hover(smallUri, { line: pos.line, character: pos.character + 2 });
      hovers.push(h.ms);
      await sleep(10);
    }
  })();
  let open: number | undefined;
  let diagnostics: number | undefined;
  let timedOut = false;
  try {
    const r = await client.open(uri('huge-50000-lines.yaml'), huge.text, timeoutMs);
    open = r.ms;
    diagnostics = r.count;
  } catch {
    timedOut = true;
  }
  done = true;
  await hoverLoop;
  const busy = summarize(hovers);
  log(`  ${name}: 50k-line open → diagnostics ${open === undefined ? `timed out after ${timeoutMs} ms` : `${open.toFixed(0)} ms`}, hovers meanwhile: median ${busy.median.toFixed(1)} ms, max ${busy.max.toFixed(1)} ms (${busy.samples})`);
  return { lines: huge.lines, open, diagnostics, hoverWhileBusy: busy, timedOut };
}
