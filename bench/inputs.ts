// The benchmark's input files: the 5,044-line corpus file, a 50-line Deployment, the largest real
// manifests of the corpus, and a 50,000-line file generated at run time into a temporary folder.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..');
export const CORPUS = join(ROOT, 'test', 'fixtures', 'corpus');
export const BIG_FILE = join(CORPUS, 'tricky', '14-big-multidoc-5000-lines.yaml');

export interface Input {
  /** Short id used in the tables and the JSON. */
  readonly id: string;
  readonly description: string;
  readonly path: string;
  readonly text: string;
  readonly lines: number;
  readonly documents: number;
}

function load(id: string, description: string, path: string): Input {
  const text = readFileSync(path, 'utf8');
  return { id, description, path, text, lines: countLines(text), documents: countDocuments(text) };
}

export function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') || text.length === 0 ? n : n + 1;
}

function countDocuments(text: string): number {
  return (text.match(/^---(?:[ \t]|$)/gm) ?? []).length || 1;
}

export function bigInput(): Input {
  return load('big-5k', '5,044-line multi-document corpus file (204 documents)', BIG_FILE);
}

export function smallInput(): Input {
  return load('deploy-50', '50-line Deployment', join(ROOT, 'bench', 'fixtures', 'deployment-50-lines.yaml'));
}

/** The largest real-world manifests of the corpus. */
export function realInputs(): Input[] {
  return [
    load('longhorn', 'real: longhorn install manifest (036)', join(CORPUS, 'real', '036-longhorn-longhorn-longhorn.yaml')),
    load('kubeflow', 'real: kubeflow install manifest (046)', join(CORPUS, 'real', '046-kubeflow-manifests-install.yaml')),
    load('argo-cd', 'real: argo-cd install manifest (022)', join(CORPUS, 'real', '022-argoproj-argo-cd-upstream.yaml')),
  ];
}

/**
 * A file of at least `minLines` lines made of copies of the 5,044-line file with every object renamed
 * (`app-012` → `app-c3-012`, namespaces likewise), so that names stay unique as in a real install bundle.
 */
export function generateHuge(minLines = 50_000): { input: Input; cleanup: () => void } {
  const base = readFileSync(BIG_FILE, 'utf8').replace(/\n---\n# end of file\n?$/, '\n');
  const parts: string[] = [];
  let lines = 0;
  for (let copy = 0; lines < minLines; copy++) {
    const renamed = base.replace(/\b(app|migrate|team)-(\d+)\b/g, (_m, word: string, n: string) => `${word}-c${copy}-${n}`);
    parts.push(renamed);
    lines += countLines(renamed);
  }
  const dir = mkdtempSync(join(tmpdir(), 'k8s-init-bench-'));
  const path = join(dir, 'huge-50000-lines.yaml');
  writeFileSync(path, parts.join(''));
  const input = load('huge-50k', 'generated: 10 renamed copies of the 5,044-line file', path);
  return { input, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The benchmark edit: the digit of the first `replicas: N` at or after the middle line (2570:12 in the 5,044-line file), else of the first one. */
export function editPosition(text: string): { line: number; character: number; offset: number; original: string } {
  const lines = text.split('\n');
  const middle = Math.floor(lines.length / 2);
  // From the middle line on; for a small file whose only `replicas:` comes earlier, from the top.
  for (const from of [middle, 0]) {
    for (let line = from; line < lines.length; line++) {
      const m = /^(\s*replicas:\s*)(\d)/.exec(lines[line] as string);
      if (!m) continue;
      const character = (m[1] as string).length;
      let offset = 0;
      for (let i = 0; i < line; i++) offset += (lines[i] as string).length + 1;
      return { line, character, offset: offset + character, original: m[2] as string };
    }
  }
  throw new Error('no `replicas: N` line');
}

/** Replaces the character at `offset`. */
export function replaceAt(text: string, offset: number, ch: string): string {
  return text.slice(0, offset) + ch + text.slice(offset + 1);
}

/** Position of the first line matching `pattern` at or after `fromLine`, at the first non-blank character. */
export function findLine(text: string, pattern: RegExp, fromLine = 0): { line: number; character: number } {
  const lines = text.split('\n');
  for (let line = fromLine; line < lines.length; line++) {
    const l = lines[line] as string;
    if (pattern.test(l)) return { line, character: l.length - l.trimStart().length };
  }
  throw new Error(`no line matches ${String(pattern)}`);
}
