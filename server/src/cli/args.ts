import { FEATURE_GATES } from '../service/featureGates';
import { BUNDLED_VERSIONS, normalizeVersion } from '../service/settings';
import type { SeveritySetting } from '../service/settings';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CliOptions {
  readonly format: OutputFormat;
  readonly kubernetesVersion: string | undefined;
  readonly featureGates: Readonly<Record<string, boolean>>;
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  /** Files, directories, or `-` for standard input. */
  readonly paths: readonly string[];
  readonly help: boolean;
  readonly version: boolean;
  /** Exit 0 even when errors were found (usage and unreadable input still exit 2). */
  readonly exitZero: boolean;
  /** Colours in text output: forced on/off, or undefined to follow the terminal. */
  readonly color: boolean | undefined;
  /** Non-fatal remarks about the arguments, printed on stderr. */
  readonly warnings: readonly string[];
}

/** A mistake in the command line: printed with a hint to `--help`, exit code 2. */
export class UsageError extends Error {}

export const USAGE = `Usage: k8s-init-check [options] PATH...

Checks Kubernetes manifests for init container and native sidecar problems.
PATH is a file, a directory (searched recursively for *.yaml and *.yml) or - for standard input.

Options:
  --format text|json|sarif     output format (default: text)
  --kubernetes-version X       Kubernetes version to check against, e.g. 1.33 (default: ${BUNDLED_VERSIONS[BUNDLED_VERSIONS.length - 1]})
  --feature-gate Name=bool     a feature gate that differs from the version's default (repeatable)
  --rule id=severity           error, warning, information, hint or off for one rule (repeatable)
  --exit-zero                  exit 0 even when errors are found
  --color, --no-color          force colours in text output on or off
  --help                       show this help
  --version                    show the version

Exit status: 0 no errors, 1 errors found, 2 usage error or unreadable input.
`;

const FORMATS: readonly string[] = ['text', 'json', 'sarif'];
const SEVERITIES: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];

/** Parses the command line (without `node` and the script). `knownRules` are the rule ids that `--rule` accepts. */
export function parseArgs(argv: readonly string[], knownRules: ReadonlySet<string>): CliOptions {
  let format: OutputFormat = 'text';
  let kubernetesVersion: string | undefined;
  const featureGates: Record<string, boolean> = {};
  const rules: Record<string, SeveritySetting> = {};
  const paths: string[] = [];
  const warnings: string[] = [];
  let help = false;
  let version = false;
  let exitZero = false;
  let color: boolean | undefined;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      paths.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const value = (): string => {
      if (eq !== -1) return arg.slice(eq + 1);
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-')) throw new UsageError(`${name} needs a value`);
      i++;
      return next;
    };
    switch (name) {
      case '--format':
      case '-f': {
        const f = value();
        if (!FORMATS.includes(f)) throw new UsageError(`unknown format '${f}' (expected text, json or sarif)`);
        format = f as OutputFormat;
        break;
      }
      case '--kubernetes-version': {
        const raw = value();
        const v = normalizeVersion(raw);
        if (v === undefined || !(BUNDLED_VERSIONS as readonly string[]).includes(v)) {
          throw new UsageError(`unsupported Kubernetes version '${raw}' (supported: ${BUNDLED_VERSIONS.join(', ')})`);
        }
        kubernetesVersion = v;
        break;
      }
      case '--feature-gate':
        for (const item of splitList(value())) {
          const [gate, enabled] = keyValue(item, '--feature-gate', 'Name=true|false');
          if (enabled !== 'true' && enabled !== 'false') throw new UsageError(`--feature-gate ${item}: the value must be true or false`);
          if (!(gate in FEATURE_GATES)) warnings.push(`feature gate '${gate}' is not used by any rule (known: ${Object.keys(FEATURE_GATES).join(', ')})`);
          featureGates[gate] = enabled === 'true';
        }
        break;
      case '--rule':
        for (const item of splitList(value())) {
          const [id, raw] = keyValue(item, '--rule', 'id=severity');
          const severity = raw === 'info' ? 'information' : raw;
          if (!knownRules.has(id)) throw new UsageError(`unknown rule '${id}' (see the rule list in the README)`);
          if (!SEVERITIES.includes(severity)) throw new UsageError(`--rule ${item}: the severity must be one of ${SEVERITIES.join(', ')}`);
          rules[id] = severity as SeveritySetting;
        }
        break;
      case '--exit-zero':
        exitZero = true;
        break;
      case '--color':
        color = true;
        break;
      case '--no-color':
        color = false;
        break;
      case '--help':
      case '-h':
        help = true;
        break;
      case '--version':
      case '-v':
        version = true;
        break;
      default:
        throw new UsageError(`unknown option '${arg}'`);
    }
  }
  return { format, kubernetesVersion, featureGates, rules, paths, help, version, exitZero, color, warnings };
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function keyValue(item: string, flag: string, shape: string): [string, string] {
  const eq = item.indexOf('=');
  if (eq <= 0 || eq === item.length - 1) throw new UsageError(`${flag} ${item}: expected ${shape}`);
  return [item.slice(0, eq).trim(), item.slice(eq + 1).trim()];
}
