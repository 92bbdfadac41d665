import { run } from './cli/run';

// The `k8s-init-check` command: see `k8s-init-check --help` (argument parsing, file walking and output
// formats live in ./cli/).

// A reader that stops early (`k8s-init-check dir | head`) is not an error of the checker.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
});

process.exitCode = run(
  process.argv.slice(2),
  (s) => process.stdout.write(s),
  (s) => process.stderr.write(s),
);
