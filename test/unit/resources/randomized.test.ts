/**
 * Randomized pods (seeded) rendered as YAML, run through the model and the engine, and checked against a
 * straightforward reference written from the closed form of KEP-753:
 *   Effective(r) = max( max_i InitContainerUse(i), Σ sidecars + Σ containers ) + overhead(r)
 * with per-container QoS classification as §3.2 describes it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFile } from '../../../server/src/service/parsedFile';
import { computeEffectiveResources } from '../../../server/src/service/resources/index';

const N = 300;
const NANO = 1_000_000_000n;
const MI = 1_048_576n;

/** mulberry32 */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Res = 'cpu' | 'memory' | 'ephemeral-storage' | 'nvidia.com/gpu';
const RESOURCES: Res[] = ['cpu', 'memory', 'ephemeral-storage', 'nvidia.com/gpu'];
/** A value in nano-units plus its YAML text. */
interface Val {
  nano: bigint;
  text: string;
}
interface C {
  name: string;
  sidecar: boolean;
  requests: Map<Res, Val>;
  limits: Map<Res, Val>;
}
interface Pod {
  init: C[];
  app: C[];
  overhead: Map<Res, Val>;
  podRequests: Map<Res, Val>;
  podLimits: Map<Res, Val>;
}

function makeGen(seed: number) {
  const r = rng(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
  const chance = (p: number): boolean => r() < p;
  /** units: millicores for cpu, Mi for memory/storage, whole devices for gpu */
  function render(res: Res, units: number): Val {
    if (res === 'cpu') {
      const nano = BigInt(units) * 1_000_000n;
      const form = int(0, 3);
      if (units % 1000 === 0 && form === 0) return { nano, text: String(units / 1000) };
      if (units % 1000 === 0 && form === 1) return { nano, text: `"${units / 1000}"` };
      if (units % 100 === 0 && form === 2) return { nano, text: String(units / 1000) };
      return { nano, text: `${units}m` };
    }
    if (res === 'nvidia.com/gpu') return { nano: BigInt(units) * NANO, text: `"${units}"` };
    const nano = BigInt(units) * MI * NANO;
    const form = int(0, 3);
    if (units % 1024 === 0 && form === 0) return { nano, text: `${units / 1024}Gi` };
    if (form === 1) return { nano, text: String(BigInt(units) * MI) };
    if (units % 512 === 0 && form === 2) return { nano, text: `${units / 1024}Gi` };
    return { nano, text: `${units}Mi` };
  }
  function units(res: Res): number {
    if (res === 'cpu') return chance(0.3) ? int(1, 4) * 500 : int(1, 40) * 50;
    if (res === 'nvidia.com/gpu') return int(1, 2);
    return chance(0.3) ? int(1, 4) * 512 : int(1, 64) * 16;
  }
  /** style: 0 mixed, 1 every container sized Guaranteed-style, 2 nothing sized */
  function container(name: string, sidecar: boolean, style: number): C {
    const requests = new Map<Res, Val>();
    const limits = new Map<Res, Val>();
    for (const res of RESOURCES) {
      if (style === 2) break;
      if (res === 'nvidia.com/gpu' && !chance(0.1)) continue;
      if (res === 'ephemeral-storage' && !chance(0.3)) continue;
      // 0 none, 1 request, 2 limit, 3 both equal, 4 both (limit larger)
      const mode = style === 1 && (res === 'cpu' || res === 'memory') ? (chance(0.95) ? int(2, 3) : 4) : int(0, 4);
      const u = units(res);
      if (mode === 1) requests.set(res, render(res, u));
      if (mode === 2) limits.set(res, render(res, u));
      if (mode === 3 || res === 'nvidia.com/gpu') {
        requests.set(res, render(res, u));
        limits.set(res, render(res, u));
      }
      if (mode === 4 && res !== 'nvidia.com/gpu') {
        requests.set(res, render(res, u));
        limits.set(res, render(res, u + units(res)));
      }
    }
    return { name, sidecar, requests, limits };
  }
  function list(res: Res[], p: number): Map<Res, Val> {
    const m = new Map<Res, Val>();
    for (const x of res) if (chance(p)) m.set(x, render(x, units(x)));
    return m;
  }
  return (): Pod => {
    const style = chance(0.2) ? 1 : chance(0.1) ? 2 : 0;
    const init = Array.from({ length: int(0, 5) }, (_, i) => container(`init-${i}`, chance(0.4), style));
    const app = Array.from({ length: int(1, 3) }, (_, i) => container(`app-${i}`, false, style));
    const overhead = chance(0.2) ? list(['cpu', 'memory'], 0.8) : new Map<Res, Val>();
    let podRequests = new Map<Res, Val>();
    let podLimits = new Map<Res, Val>();
    if (chance(0.15)) {
      podLimits = list(['cpu', 'memory'], 0.7);
      podRequests = new Map();
      for (const [k, v] of podLimits) if (chance(0.5)) podRequests.set(k, v);
    }
    return { init, app, overhead, podRequests, podLimits };
  };
}

function renderList(m: Map<Res, Val>): string {
  return `{${[...m].map(([k, v]) => `${k}: ${v.text}`).join(', ')}}`;
}

function renderPod(p: Pod, i: number): string {
  const c = (x: C): string =>
    `  - name: ${x.name}\n    image: busybox:1.36\n${x.sidecar ? '    restartPolicy: Always\n' : ''}    resources: {requests: ${renderList(x.requests)}, limits: ${renderList(x.limits)}}\n`;
  let out = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: random-${i}\nspec:\n`;
  if (p.overhead.size > 0) out += `  overhead: ${renderList(p.overhead)}\n`;
  if (p.podLimits.size + p.podRequests.size > 0) out += `  resources: {requests: ${renderList(p.podRequests)}, limits: ${renderList(p.podLimits)}}\n`;
  if (p.init.length > 0) out += `  initContainers:\n${p.init.map(c).join('')}`;
  out += `  containers:\n${p.app.map(c).join('')}`;
  return out;
}

// ---------------- reference ----------------

function defaulted(c: C): Map<Res, bigint> {
  const m = new Map<Res, bigint>();
  for (const [k, v] of c.requests) m.set(k, v.nano);
  for (const [k, v] of c.limits) if (!m.has(k)) m.set(k, v.nano);
  return m;
}
function lim(c: C): Map<Res, bigint> {
  return new Map([...c.limits].map(([k, v]) => [k, v.nano]));
}

interface RefFigure {
  value: bigint;
  phase: 'init' | 'steady' | 'pod-level';
  peakIndex?: number;
}

function reference(p: Pod, which: 'requests' | 'limits'): Map<Res, RefFigure> {
  const get = which === 'requests' ? defaulted : lim;
  const out = new Map<Res, RefFigure>();
  const names = new Set<Res>();
  for (const c of [...p.init, ...p.app]) for (const k of get(c).keys()) names.add(k);
  const podLevelSet = p.podRequests.size + p.podLimits.size > 0;
  for (const r of names) {
    // InitContainerUse(i) = Σ_{sidecars j < i} R_j + R_i
    let peak: bigint | undefined;
    let peakIndex: number | undefined;
    p.init.forEach((c, i) => {
      const has = p.init.slice(0, i + 1).some((x, j) => get(x).has(r) && (j === i || x.sidecar));
      if (!has) return;
      let use = get(c).get(r) ?? 0n;
      for (const s of p.init.slice(0, i)) if (s.sidecar) use += get(s).get(r) ?? 0n;
      if (peak === undefined || use > peak) {
        peak = use;
        peakIndex = i;
      }
    });
    const steadyHas = [...p.app, ...p.init.filter((c) => c.sidecar)].some((c) => get(c).has(r));
    let steady = 0n;
    for (const c of [...p.app, ...p.init.filter((x) => x.sidecar)]) steady += get(c).get(r) ?? 0n;
    const initWins = peak !== undefined && (!steadyHas || peak > steady);
    out.set(r, initWins ? { value: peak as bigint, phase: 'init', peakIndex } : { value: steady, phase: 'steady' });
  }
  if (podLevelSet) {
    if (which === 'requests') {
      for (const [k, v] of p.podRequests) out.set(k, { value: v.nano, phase: 'pod-level' });
      for (const [k, v] of p.podLimits) if (!p.podRequests.has(k) && !out.has(k)) out.set(k, { value: v.nano, phase: 'pod-level' });
    } else for (const [k, v] of p.podLimits) out.set(k, { value: v.nano, phase: 'pod-level' });
  }
  for (const [k, v] of p.overhead) {
    const cur = out.get(k);
    if (which === 'requests') out.set(k, { ...(cur ?? { phase: 'steady' }), value: (cur?.value ?? 0n) + v.nano });
    else if (cur && cur.value !== 0n) cur.value += v.nano;
  }
  return out;
}

function referenceQos(p: Pod): string {
  if (p.podRequests.size + p.podLimits.size > 0) {
    const req = new Map(p.podRequests);
    const reqsDefaulted = reference(p, 'requests');
    const lims = p.podLimits;
    for (const k of ['cpu', 'memory'] as Res[]) if (!req.has(k) && reqsDefaulted.get(k)) req.set(k, { nano: reqsDefaulted.get(k)!.value, text: '' });
    const rq = [...req].filter(([k, v]) => (k === 'cpu' || k === 'memory') && v.nano > 0n);
    const lm = [...lims].filter(([k, v]) => (k === 'cpu' || k === 'memory') && v.nano > 0n);
    if (rq.length === 0 && lm.length === 0) return 'BestEffort';
    const ok = lm.length === 2 && rq.length === 2 && rq.every(([k, v]) => lims.get(k)?.nano === v.nano);
    return ok ? 'Guaranteed' : 'Burstable';
  }
  const classes = [...p.init, ...p.app].map((c) => {
    const req = defaulted(c);
    const l = lim(c);
    const cpuMem = (m: Map<Res, bigint>): bigint[] => (['cpu', 'memory'] as Res[]).map((k) => m.get(k) ?? 0n);
    const [rc, rm] = cpuMem(req);
    const [lc, lmm] = cpuMem(l);
    if (rc === 0n && rm === 0n && lc === 0n && lmm === 0n) return 'BestEffort';
    if (lc! > 0n && lmm! > 0n && rc === lc && rm === lmm) return 'Guaranteed';
    return 'Burstable';
  });
  if (classes.every((c) => c === 'Guaranteed')) return 'Guaranteed';
  if (classes.every((c) => c === 'BestEffort')) return 'BestEffort';
  return 'Burstable';
}

describe(`effective resources: ${N} randomized pods against the reference`, () => {
  const gen = makeGen(20240917);
  for (let i = 0; i < N; i++) {
    const pod = gen();
    const yaml = renderPod(pod, i);
    it(`pod ${i}`, () => {
      const model = parseFile(yaml).manifest.documents[0]?.podSpecs[0];
      assert.ok(model);
      const e = computeEffectiveResources(model);
      for (const which of ['requests', 'limits'] as const) {
        const ref = reference(pod, which);
        const got = e[which].figures;
        const gotPlain = new Map([...got].map(([k, f]) => [k, f.effective.nano]));
        const refPlain = new Map([...ref].map(([k, f]) => [k, f.value]));
        assert.deepEqual(Object.fromEntries(gotPlain), Object.fromEntries(refPlain), `${which}\n${yaml}`);
        for (const [k, f] of ref) {
          const g = got.get(k)!;
          if (f.phase === 'pod-level' || g.phase === 'pod-level') continue;
          assert.equal(g.phase, f.phase, `${which}.${k} phase\n${yaml}`);
          if (f.phase === 'init') assert.equal(g.initPeakIndex, f.peakIndex, `${which}.${k} peak\n${yaml}`);
        }
      }
      assert.equal(e.qos, referenceQos(pod), yaml);
    });
  }
});
