import { basename, unwrap } from '../words';

/**
 * Database-migration tools (rule W04). Reviewed list: what runs a schema migration when started,
 * and the read-only sub-commands of the same tools that must NOT count (`migrate version`,
 * `flyway info`, `manage.py showmigrations`, `prisma migrate status`, `dbmate wait` …).
 */

/** Sub-commands / arguments that only read or wait: never a migration. */
const READ_ONLY = /^(version|info|validate|status|check|current|history|heads|show|showmigrations|lint|diff|wait|dump|-?-help|-h|-?-version|--check|--plan|list)$/i;

/** Package runners and interpreters before the tool: `npx prisma`, `bundle exec rake`, `python -m alembic`. */
function skipRunners(argv: readonly string[], from: number): number {
  let i = from;
  for (let guard = 0; guard < 6 && i < argv.length; guard++) {
    const name = basename(argv[i] as string);
    if (name === 'npx' || name === 'pnpx' || name === 'bunx') {
      i++;
      while ((argv[i] ?? '').startsWith('-')) i++;
      continue;
    }
    if ((name === 'bundle' || name === 'poetry' || name === 'pipenv' || name === 'uv' || name === 'pdm') && (argv[i + 1] === 'exec' || argv[i + 1] === 'run')) {
      i += 2;
      continue;
    }
    if (/^python[0-9.]*$/.test(name) || name === 'node' || name === 'php' || name === 'ruby') {
      i++;
      while ((argv[i] ?? '').startsWith('-') && argv[i] !== '-m') i++;
      if (argv[i] === '-m') i++;
      continue;
    }
    break;
  }
  return i;
}

function positional(args: readonly string[]): string[] {
  return args.filter((a) => !a.startsWith('-'));
}

const hasReadOnly = (args: readonly string[]): boolean => args.some((a) => READ_ONLY.test(a));

/** Each entry: program names and a test on its arguments. Returns the tool's label. */
const TOOLS: ReadonlyArray<{ readonly label: string; readonly programs: RegExp; readonly runs: (args: readonly string[]) => boolean }> = [
  { label: 'manage.py migrate', programs: /^(manage\.py|django-admin)$/, runs: (a) => positional(a)[0] === 'migrate' && !hasReadOnly(a) },
  { label: 'alembic upgrade', programs: /^alembic$/, runs: (a) => positional(a).includes('upgrade') },
  { label: 'rake db:migrate', programs: /^(rake|rails)$/, runs: (a) => a.some((x) => /^db:(migrate|prepare|setup)(:|$)/.test(x)) },
  { label: 'prisma migrate deploy', programs: /^prisma$/, runs: (a) => (a[0] === 'migrate' && ['deploy', 'dev', 'reset'].includes(a[1] ?? '')) || (a[0] === 'db' && a[1] === 'push') },
  { label: 'flyway migrate', programs: /^flyway$/, runs: (a) => positional(a).some((x) => /^(migrate|baseline|repair|clean)$/.test(x)) },
  { label: 'liquibase update', programs: /^liquibase$/, runs: (a) => positional(a).some((x) => /^update/i.test(x)) },
  { label: 'goose up', programs: /^goose$/, runs: (a) => positional(a).some((x) => /^(up|up-by-one|up-to|redo|reset|down|down-to)$/.test(x)) },
  { label: 'dbmate up', programs: /^dbmate$/, runs: (a) => positional(a).some((x) => /^(up|migrate|rollback|down)$/.test(x)) },
  { label: 'knex migrate', programs: /^knex$/, runs: (a) => a.some((x) => /^migrate:(latest|up|rollback|down)$/.test(x)) },
  { label: 'sequelize db:migrate', programs: /^sequelize(-cli)?$/, runs: (a) => a.some((x) => /^db:migrate(:undo)?$/.test(x)) },
  { label: 'atlas migrate apply', programs: /^atlas$/, runs: (a) => (a[0] === 'migrate' || a[0] === 'schema') && a[1] === 'apply' },
  { label: 'artisan migrate', programs: /^artisan$/, runs: (a) => positional(a)[0] === 'migrate' || /^migrate:(fresh|refresh)$/.test(positional(a)[0] ?? '') },
  { label: 'typeorm migration:run', programs: /^typeorm(-ts-node-(commonjs|esm))?$/, runs: (a) => a.includes('migration:run') },
  { label: 'sqitch deploy', programs: /^sqitch$/, runs: (a) => positional(a)[0] === 'deploy' },
  { label: 'diesel migration run', programs: /^diesel$/, runs: (a) => a[0] === 'migration' && a[1] === 'run' },
  { label: 'mix ecto.migrate', programs: /^mix$/, runs: (a) => a.includes('ecto.migrate') },
  { label: 'sql-migrate up', programs: /^sql-migrate$/, runs: (a) => positional(a)[0] === 'up' },
  { label: 'node-pg-migrate up', programs: /^(node-pg-migrate|migrate-mongo)$/, runs: (a) => positional(a)[0] === 'up' },
  // golang-migrate: `migrate -path … -database … up`
  { label: 'migrate up', programs: /^migrate$/, runs: (a) => positional(a).some((x) => /^(up|down|goto|force|drop)$/.test(x)) },
  { label: 'npm run migrate', programs: /^(npm|yarn|pnpm|bun)$/, runs: (a) => { const p = positional(a); const s = p[0] === 'run' ? p[1] : p[0]; return s !== undefined && /migrat/i.test(s) && !/status|check|wait|create|generate|make|new/i.test(s); } },
];

/** A program whose own name says it migrates: `./migrate.sh`, `run-migrations`, `db-migrate`, `/app/migrator`. */
const SCRIPT_NAME = /migrat/i;
const NOT_A_MIGRATION = /wait|check|status|verify|lint|generate|create|make|new|test|validate/i;

/**
 * The migration tool an argv runs (`["python", "manage.py", "migrate"]` → `manage.py migrate`), or undefined.
 * Wrappers (`exec`, `timeout`, `tini --`) and runners (`npx`, `bundle exec`, `python -m`) are skipped.
 */
export function migrationCommand(argv: readonly string[]): string | undefined {
  const u = unwrap(argv);
  const at = skipRunners(argv, u.index);
  const program = basename(argv[at] ?? '');
  if (program === '') return undefined;
  const args = argv.slice(at + 1);
  for (const tool of TOOLS) {
    if (!tool.programs.test(program)) continue;
    if (tool.runs(args)) return tool.label;
    if (args.length > 0) return undefined;
    break;
  }
  if (SCRIPT_NAME.test(program) && !NOT_A_MIGRATION.test(program) && !hasReadOnly(positional(args).slice(0, 1))) return program;
  return undefined;
}

/** Images that are migration tools (or whose name says they migrate). Tag and digest are ignored. */
const IMAGES: ReadonlyArray<{ readonly label: string; readonly re: RegExp }> = [
  { label: 'golang-migrate', re: /(^|\/)migrate\/migrate$/ },
  { label: 'Flyway', re: /(^|\/)(flyway\/flyway|boxfuse\/flyway|redgate\/flyway)$/ },
  { label: 'Liquibase', re: /(^|\/)liquibase\/liquibase$/ },
  { label: 'Atlas', re: /(^|\/)arigaio\/atlas$/ },
  { label: 'dbmate', re: /(^|\/)amacneil\/dbmate$/ },
  { label: 'Sqitch', re: /(^|\/)sqitch\/sqitch$/ },
];

/** The repository part of an image reference: `ghcr.io/acme/migrate:3.2.0@sha256:…` → `ghcr.io/acme/migrate`. */
export function imageRepository(image: string): string {
  const noDigest = image.split('@')[0] as string;
  const lastSlash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return (colon > lastSlash ? noDigest.slice(0, colon) : noDigest).toLowerCase();
}

/**
 * A migration image run with its own entrypoint (no `command`): `migrate/migrate` with args `up`,
 * `flyway/flyway` with `migrate`, or an image whose last path segment names a migration
 * (`ghcr.io/acme/migrate`, `myapp-migrator`, `db-migrations`). Read-only args (`info`, `status`) do not count.
 */
export function migrationImage(image: string, args: readonly string[]): string | undefined {
  const repo = imageRepository(image);
  const first = positional(args)[0];
  if (first !== undefined && READ_ONLY.test(first)) return undefined;
  for (const i of IMAGES) {
    if (!i.re.test(repo)) continue;
    if (i.label === 'Flyway' && args.length > 0 && !positional(args).some((x) => /^(migrate|baseline|repair|clean)$/.test(x))) return undefined;
    if (i.label === 'Liquibase' && args.length > 0 && !positional(args).some((x) => /^update/i.test(x))) return undefined;
    return i.label;
  }
  const last = repo.slice(repo.lastIndexOf('/') + 1);
  if (SCRIPT_NAME.test(last) && !NOT_A_MIGRATION.test(last)) return `image ${last}`;
  return undefined;
}
