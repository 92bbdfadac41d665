import { run } from './cli/run';

// The `k8s-init-check` command: see `k8s-init-check --help` (argument parsing, file walking and output
// formats live in ./cli/).
process.exitCode = run(
  process.argv.slice(2),
  (s) => process.stdout.write(s),
  (s) => process.stderr.write(s),
);
