// Cross-rule audit of the findings on the shared corpus, examples/ and every docs/rules/*.md example.
// Usage: node --import tsx scripts/auditFindings.ts [--verbose] [--version 1.28 | --all-versions]
// (--version overrides `kubernetesVersion` of every input, docs pages included; --all-versions runs every bundled version)
// Lists (a) findings of different rules on the same or overlapping range (possible duplicates),
// (b) message problems (unfilled placeholders, doubled spaces, container not named, odd endings),
// (c) range problems (empty, or not exactly one YAML node).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isCollection, isPair, isScalar, visit } from 'yaml';
import type { Diagnostic } from 'vscode-languageserver-types';
import { getLanguageService } from '../server/src/service/index';
import type { ParsedFile } from '../server/src/service/index';
import { BUNDLED_VERSIONS } from '../server/src/service/settings';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..');

export interface AuditInput {
  /** Where the text comes from, e.g. `corpus/real/002….yaml` or `docs/rules/x.md#Failing`. */
  readonly name: string;
  readonly text: string;
  readonly settings: Record<string, unknown>;
}

/** One diagnostic with absolute offsets. */
export interface AuditFinding {
  readonly input: string;
  readonly rule: string;
  readonly severity: number;
  readonly message: string;
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly character: number;
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...yamlFiles(full));
    else if (/\.ya?ml$/.test(name)) out.push(full);
  }
  return out;
}

/** The shared corpus copied into the fixtures, with the default settings. */
export function corpusInputs(): AuditInput[] {
  const dir = join(ROOT, 'test', 'fixtures', 'corpus');
  return yamlFiles(dir).map((f) => ({ name: `corpus/${relative(dir, f)}`, text: readFileSync(f, 'utf8').replace(/^\uFEFF/, ''), settings: {} }));
}

export function exampleInputs(): AuditInput[] {
  const dir = join(ROOT, 'examples');
  return yamlFiles(dir).map((f) => ({ name: `examples/${relative(dir, f)}`, text: readFileSync(f, 'utf8'), settings: {} }));
}

/** Every ```yaml block of every rule page, with the page's `<!-- settings: … -->`. */
export function docsInputs(): AuditInput[] {
  const dir = join(ROOT, 'docs', 'rules');
  const out: AuditInput[] = [];
  for (const page of readdirSync(dir).filter((f) => f.endsWith('.md')).sort()) {
    const text = readFileSync(join(dir, page), 'utf8');
    const settingsMatch = /<!-- settings: (\{.*\}) -->/.exec(text);
    const settings = settingsMatch ? (JSON.parse(settingsMatch[1] as string) as Record<string, unknown>) : {};
    let heading = 'top';
    let index = 0;
    const blocks = /^(#+ .*)$|^```ya?ml\n([\s\S]*?)^```/gm;
    for (let m = blocks.exec(text); m; m = blocks.exec(text)) {
      if (m[1] !== undefined) heading = m[1].replace(/^#+\s*/, '');
      else out.push({ name: `docs/rules/${page}#${heading}#${index++}`, text: m[2] as string, settings });
    }
  }
  return out;
}

const service = getLanguageService({ onRuleError: (id, e) => { throw new Error(`rule ${id} threw: ${String(e)}`); } });

export function findingsOf(input: AuditInput): { parsed: ParsedFile; findings: AuditFinding[]; diagnostics: Diagnostic[] } {
  const parsed = service.parse(input.text);
  const diagnostics = service.doValidation(`file:///${input.name}`, parsed, service.settings(input.settings));
  const findings = diagnostics.map((d) => ({
    input: input.name,
    rule: String(d.code),
    severity: d.severity ?? 1,
    message: d.message,
    start: parsed.lines.offsetAt(d.range.start),
    end: parsed.lines.offsetAt(d.range.end),
    line: d.range.start.line,
    character: d.range.start.character,
  }));
  return { parsed, findings, diagnostics };
}

export type Relation = 'same-range' | 'same-start' | 'nested' | 'overlap';

export interface FindingPair {
  readonly a: AuditFinding;
  readonly b: AuditFinding;
  readonly relation: Relation;
}

/** Pairs of findings of different rules whose ranges overlap (or start at the same place). */
export function overlappingPairs(findings: readonly AuditFinding[]): FindingPair[] {
  const out: FindingPair[] = [];
  const sorted = [...findings].sort((x, y) => x.start - y.start || x.end - y.end || x.rule.localeCompare(y.rule));
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i] as AuditFinding;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j] as AuditFinding;
      if (b.start >= Math.max(a.end, a.start + 1)) break;
      if (a.rule === b.rule) continue;
      const relation: Relation =
        a.start === b.start && a.end === b.end ? 'same-range' : a.start === b.start ? 'same-start' : b.end <= a.end ? 'nested' : 'overlap';
      out.push({ a, b, relation });
    }
  }
  return out;
}

/** Problems in a message's text. */
export function messageProblems(message: string): string[] {
  const out: string[] = [];
  if (/\{\{\s*\w+\s*\}\}/.test(message)) out.push('unfilled placeholder');
  if (/\S {2,}\S/.test(message.replace(/`[^`]*`/g, '``'))) out.push('doubled space');
  if (/\s$/.test(message) || /^\s/.test(message)) out.push('leading/trailing whitespace');
  if (/\bundefined\b|\bNaN\b|\[object Object\]/.test(message)) out.push('undefined/NaN/object in text');
  if (/ [,.;:](?:\s|$)/.test(message.replace(/`[^`]*`/g, '``'))) out.push('space before punctuation');
  if (/``/.test(message.replace(/`[^`]*`/g, (s) => (s.length === 2 ? '``' : 'x')))) out.push('empty code span');
  if (!/[.`)"?!]$/.test(message.trim())) out.push(`odd ending: …${JSON.stringify(message.trim().slice(-20))}`);
  if (/\.\.(?!\.)/.test(message.replace(/`[^`]*`/g, '``'))) out.push('double full stop');
  return out;
}

interface ContainerSpan {
  readonly start: number;
  readonly end: number;
  readonly label: string;
  readonly name: string | undefined;
}

/** Absolute spans of every container of the file, innermost last. */
function containerSpans(parsed: ParsedFile): ContainerSpan[] {
  const out: ContainerSpan[] = [];
  for (const document of parsed.manifest.documents) {
    const base = document.source.offset;
    for (const pod of document.podSpecs) {
      for (const c of pod.allContainers) {
        const range = c.ref.node.range;
        if (!range || c.ref.alias) continue;
        out.push({ start: base + range[0], end: base + range[1], label: c.label, name: c.name });
      }
    }
  }
  return out;
}

/** Absolute spans of every scalar and collection node (key or value) of the file. */
function nodeSpans(parsed: ParsedFile): { scalars: Set<string>; collections: Set<string>; pairs: Set<string> } {
  const scalars = new Set<string>();
  const collections = new Set<string>();
  const pairs = new Set<string>();
  for (const chunk of parsed.yaml.documents) {
    if (!chunk.yaml) continue;
    const base = chunk.offset;
    visit(chunk.yaml, (_key, node) => {
      if (isPair(node)) {
        const k = node.key as { range?: [number, number, number] } | null;
        const v = node.value as { range?: [number, number, number] } | null;
        if (k?.range && v?.range) pairs.add(`${base + k.range[0]}:${base + v.range[1]}`);
        return undefined;
      }
      const range = (node as { range?: [number, number, number] }).range;
      if (!range) return undefined;
      const key = `${base + range[0]}:${base + range[1]}`;
      if (isScalar(node)) scalars.add(key);
      else if (isCollection(node)) collections.add(key);
      else scalars.add(key); // an alias node
      return undefined;
    });
  }
  return { scalars, collections, pairs };
}

export interface AuditReport {
  readonly inputs: number;
  readonly findings: AuditFinding[];
  readonly pairs: FindingPair[];
  readonly messages: Array<{ finding: AuditFinding; problems: string[] }>;
  readonly ranges: Array<{ finding: AuditFinding; problem: string }>;
}

export function audit(inputs: readonly AuditInput[]): AuditReport {
  const report: AuditReport = { inputs: inputs.length, findings: [], pairs: [], messages: [], ranges: [] };
  for (const input of inputs) {
    const { parsed, findings } = findingsOf(input);
    report.findings.push(...findings);
    report.pairs.push(...overlappingPairs(findings.filter((f) => f.rule !== 'helm-template')));
    const containers = containerSpans(parsed);
    const nodes = nodeSpans(parsed);
    for (const f of findings) {
      const problems = messageProblems(f.message);
      // The innermost container holding the finding must be named (by its label or at least its name).
      const holder = containers.filter((c) => c.start <= f.start && f.end <= c.end).sort((x, y) => y.start - x.start)[0];
      if (holder && !f.message.includes(holder.label) && !(holder.name !== undefined && f.message.includes(`\`${holder.name}\``))) {
        problems.push(`container not named (${holder.label})`);
      }
      if (problems.length > 0) report.messages.push({ finding: f, problems });
      if (f.rule === 'yaml-syntax' || f.rule === 'helm-template') continue;
      const key = `${f.start}:${f.end}`;
      if (f.end <= f.start) report.ranges.push({ finding: f, problem: 'empty range' });
      else if (nodes.scalars.has(key)) continue;
      else if (nodes.collections.has(key)) report.ranges.push({ finding: f, problem: 'a whole collection' });
      else if (nodes.pairs.has(key)) report.ranges.push({ finding: f, problem: 'a whole key: value pair' });
      else report.ranges.push({ finding: f, problem: 'no single YAML node' });
    }
  }
  return report;
}

const where = (f: AuditFinding): string => `${f.input}:${f.line}:${f.character}`;

function printReport(report: AuditReport, verbose: boolean): void {
  console.log(`${report.inputs} inputs, ${report.findings.length} findings`);
  const byRule = new Map<string, number>();
  for (const f of report.findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
  console.log(`\n== findings per rule\n${[...byRule].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${String(n).padStart(5)} ${r}`).join('\n')}`);
  const groups = new Map<string, FindingPair[]>();
  for (const p of report.pairs) {
    const [x, y] = [p.a.rule, p.b.rule].sort();
    const key = `${x} + ${y} (${p.relation}${p.a.severity === p.b.severity ? ', same severity' : ''})`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  console.log(`\n== (a) overlapping findings of different rules: ${report.pairs.length} pairs`);
  for (const [key, list] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`${String(list.length).padStart(5)} ${key}`);
    for (const p of list.slice(0, verbose ? list.length : 1)) {
      console.log(`        ${where(p.a)}\n          ${p.a.rule}: ${p.a.message}\n          ${p.b.rule}: ${p.b.message}`);
    }
  }
  console.log(`\n== (b) message problems: ${report.messages.length}`);
  for (const { finding, problems } of report.messages) console.log(`  ${where(finding)} ${finding.rule}: ${problems.join('; ')}\n      ${finding.message}`);
  const rangeGroups = new Map<string, Array<{ finding: AuditFinding; problem: string }>>();
  for (const r of report.ranges) {
    const key = `${r.finding.rule}: ${r.problem}`;
    rangeGroups.set(key, [...(rangeGroups.get(key) ?? []), r]);
  }
  console.log(`\n== (c) range problems: ${report.ranges.length}`);
  for (const [key, list] of [...rangeGroups].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`${String(list.length).padStart(5)} ${key}`);
    for (const r of list.slice(0, verbose ? list.length : 2)) console.log(`        ${where(r.finding)} ${r.finding.message.slice(0, 100)}`);
  }
}

/** The inputs with `kubernetesVersion` replaced. */
export function atVersion(inputs: readonly AuditInput[], version: string): AuditInput[] {
  return inputs.map((i) => ({ name: `${i.name}@${version}`, text: i.text, settings: { ...i.settings, kubernetesVersion: version } }));
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const args = process.argv.slice(2);
  const inputs = [...corpusInputs(), ...exampleInputs(), ...docsInputs()];
  const versionArg = args.indexOf('--version');
  const version = versionArg === -1 ? undefined : args[versionArg + 1];
  const selected = args.includes('--all-versions') ? BUNDLED_VERSIONS.flatMap((v) => atVersion(inputs, v)) : version ? atVersion(inputs, version) : inputs;
  printReport(audit(selected), args.includes('--verbose'));
}
