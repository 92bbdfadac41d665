import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArtifactLocation, Location, Log, ReportingDescriptor, Result } from 'sarif';
import type { Range } from 'vscode-languageserver-types';
import type { Rule } from '../rules/types';
import type { Severity } from '../service/settings';
import { SYNTAX_CODE, TEMPLATE_CODE } from '../service/validation';
import type { CheckedFile } from './findings';

export interface SarifOptions {
  readonly version: string;
  readonly docsBaseUrl: string;
  readonly rules: readonly Rule[];
  /** Problems with the input (unreadable files), reported as tool notifications. */
  readonly notifications: readonly string[];
}

const LEVEL: Readonly<Record<Severity, Result.level>> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const PROBLEM_SEVERITY: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', information: 'recommendation', hint: 'recommendation' };
const GROUP_TAG: Readonly<Record<string, string>> = { api: 'api-rejection', runtime: 'runtime-hazard', hygiene: 'hygiene' };

/** SARIF 2.1.0 (one run) for code-scanning services; regions are 1-based, columns in UTF-16 code units. */
export function formatSarif(files: readonly CheckedFile[], options: SarifOptions): string {
  const descriptors: ReportingDescriptor[] = [
    ...options.rules.map((r): ReportingDescriptor => {
      const helpUri = `${options.docsBaseUrl}/${r.meta.id}.md`;
      return {
        id: r.meta.id,
        name: pascalCase(r.meta.id),
        shortDescription: { text: r.meta.description },
        helpUri,
        help: { text: `${r.meta.description} See ${helpUri}`, markdown: `${r.meta.description} [Documentation](${helpUri})` },
        defaultConfiguration: { level: LEVEL[r.meta.defaultSeverity] },
        properties: { tags: ['kubernetes', GROUP_TAG[r.meta.group] ?? r.meta.group], catalogueId: r.meta.catalogueId, 'problem.severity': PROBLEM_SEVERITY[r.meta.defaultSeverity] },
      };
    }),
    {
      id: SYNTAX_CODE,
      name: 'YamlSyntax',
      shortDescription: { text: 'The YAML document does not parse; it is not analysed until it does.' },
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['yaml'], 'problem.severity': 'error' },
    },
    {
      id: TEMPLATE_CODE,
      name: 'TemplateNotAnalysed',
      shortDescription: { text: 'A Helm/Go template: template actions are masked and only the plain YAML around them is analysed; render it with `helm template` for a full check.' },
      defaultConfiguration: { level: 'note' },
      properties: { tags: ['yaml'], 'problem.severity': 'recommendation' },
    },
  ];
  const index = new Map(descriptors.map((d, i) => [d.id, i]));
  const results = files.flatMap((file) =>
    file.findings.map((f): Result => {
      const ruleIndex = index.get(f.rule);
      const related = (f.diagnostic.relatedInformation ?? []).filter((r) => r.location.uri === file.uri);
      return {
        ruleId: f.rule,
        ...(ruleIndex === undefined ? {} : { ruleIndex }),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [location(file.file, f.range)],
        ...(related.length > 0
          ? { relatedLocations: related.map((r, id) => ({ id, ...location(file.file, r.location.range), message: { text: r.message } })) }
          : {}),
      };
    }),
  );
  const sarif: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'k8s-init-check',
            version: options.version,
            semanticVersion: options.version,
            informationUri: options.docsBaseUrl.replace(/\/blob\/main\/docs\/rules$/, ''),
            rules: descriptors,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(process.cwd()).href}/` } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: options.notifications.length === 0,
            toolExecutionNotifications: options.notifications.map((text) => ({ level: 'error', message: { text } })),
          },
        ],
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function location(file: string, range: Range): Location {
  return {
    physicalLocation: {
      artifactLocation: artifact(file),
      region: {
        startLine: range.start.line + 1,
        startColumn: range.start.character + 1,
        endLine: range.end.line + 1,
        endColumn: range.end.character + 1,
      },
    },
  };
}

function artifact(file: string): ArtifactLocation {
  if (file === '-') return { uri: 'stdin' };
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  const uri = file
    .split(/[\\/]/)
    .filter((part) => part !== '.' && part !== '')
    .map(encodeURIComponent)
    .join('/');
  return { uri, uriBaseId: '%SRCROOT%' };
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_m, _dash: string, c: string) => c.toUpperCase());
}
