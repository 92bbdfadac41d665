import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, USAGE, UsageError } from './args';
import type { CliOptions } from './args';
import { collectInputs, describe, readInput } from './files';
import type { CheckedFile } from './findings';
import { toFindings, totals } from './findings';
import { formatSarif } from './formatSarif';
import { formatText } from './formatText';
import { DEFAULT_DOCS_BASE_URL, getLanguageService } from '../service/index';
import type { LanguageService, ParsedFile } from '../service/index';
import type { K8sObject } from '../service/model/types';

declare const K8S_INIT_VERSION: string | undefined;
const VERSION = typeof K8S_INIT_VERSION === 'string' ? K8S_INIT_VERSION : '0.0.0-dev';

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;

interface ReadFile {
  readonly file: string;
  readonly uri: string;
  readonly parsed: ParsedFile;
}

/** Runs the checker; returns the exit code. Output goes to the given writers. */
export function run(argv: readonly string[], stdout: (s: string) => void, stderr: (s: string) => void): number {
  const ruleErrors = new Set<string>();
  const service = getLanguageService({
    onRuleError: (ruleId, error) => {
      if (ruleErrors.has(ruleId)) return;
      ruleErrors.add(ruleId);
      stderr(`k8s-init-check: internal error in rule ${ruleId} (its findings are missing): ${error instanceof Error ? error.message : String(error)}\n`);
    },
  });
  let options: CliOptions;
  try {
    options = parseArgs(argv, new Set(service.rules.map((r) => r.meta.id)));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    stderr(`k8s-init-check: ${error.message}\nTry 'k8s-init-check --help'.\n`);
    return EXIT_USAGE;
  }
  if (options.help) {
    stdout(USAGE);
    return EXIT_OK;
  }
  if (options.version) {
    stdout(`${VERSION}\n`);
    return EXIT_OK;
  }
  if (options.paths.length === 0) {
    stderr(`k8s-init-check: no PATH given\n${USAGE}`);
    return EXIT_USAGE;
  }
  for (const w of options.warnings) stderr(`k8s-init-check: warning: ${w}\n`);

  const problems: string[] = [];
  const report = (message: string): void => {
    problems.push(message);
    stderr(`k8s-init-check: ${message}\n`);
  };
  const settings = service.settings({
    ...(options.kubernetesVersion === undefined ? {} : { kubernetesVersion: options.kubernetesVersion }),
    featureGates: options.featureGates,
    rules: options.rules,
  });

  const read: ReadFile[] = [];
  for (const input of collectInputs(options.paths, report)) {
    try {
      const text = readInput(input);
      const uri = input.path === undefined ? 'untitled:stdin' : pathToFileURL(resolve(input.path)).href;
      read.push({ file: input.display, uri, parsed: service.parse(text) });
    } catch (error) {
      report(`cannot read '${input.display}': ${describe(error)}`);
    }
  }

  const checked = validateAll(service, read, settings);
  const color = options.color ?? (process.stdout.isTTY === true && process.env['NO_COLOR'] === undefined);
  if (options.format === 'json') {
    const findings = checked.flatMap((f) => f.findings.map(({ file, rule, severity, message, range }) => ({ file, rule, severity, message, range })));
    stdout(`${JSON.stringify({ findings }, null, 2)}\n`);
  } else if (options.format === 'sarif') {
    stdout(formatSarif(checked, { version: VERSION, docsBaseUrl: DEFAULT_DOCS_BASE_URL, rules: service.rules, notifications: problems }));
  } else {
    stdout(formatText(checked, color));
  }

  if (problems.length > 0) return EXIT_USAGE;
  return totals(checked).error > 0 && !options.exitZero ? EXIT_ERRORS : EXIT_OK;
}

/** Validates every file; the files checked together are each other's workspace for cross-object rules. */
function validateAll(service: LanguageService, files: readonly ReadFile[], settings: ReturnType<LanguageService['settings']>): CheckedFile[] {
  const cross = service.rules.some((r) => r.crossObject === true && settings.rules[r.meta.id] !== 'off');
  const objects = cross ? files.map((f) => f.parsed.manifest.documents.flatMap((d) => d.objects)) : [];
  return files.map((f, i) => {
    const others: K8sObject[] = cross ? objects.filter((_o, j) => j !== i).flat() : [];
    const diagnostics = service.doValidation(f.uri, f.parsed, settings, others);
    return { file: f.file, uri: f.uri, text: f.parsed.text, findings: toFindings(f.file, diagnostics) };
  });
}
