// Bundles the extension client, the language server and the CLI into single CommonJS files.
// Usage: node esbuild.mjs [--production] [--watch]
//   --production  minify (for `vsce package`); source maps are written either way
//   --watch       rebuild on change
import * as esbuild from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('.', import.meta.url));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const serverVersion = JSON.parse(readFileSync(join(root, 'server', 'package.json'), 'utf8')).version;

/**
 * The server and CLI bundles leave out `vscode-languageserver/lib/node/files.js`, which spawns `npm` and
 * `yarn` (child_process) for helpers this server never uses: server/src/stubs/languageServerFiles.ts
 * replaces it (test/unit/security.test.ts checks the bundles).
 * @type {import('esbuild').Plugin}
 */
const noProcessSpawning = {
  name: 'no-process-spawning',
  setup(build) {
    build.onResolve({ filter: /^\.\/files$/ }, (args) =>
      /vscode-languageserver[\\/]lib[\\/]node$/.test(args.resolveDir) ? { path: join(root, 'server', 'src', 'stubs', 'languageServerFiles.ts') } : undefined,
    );
  },
};

/** @type {Array<{ entry: string, out: string, external?: string[], plugins?: import('esbuild').Plugin[] }>} */
const bundles = [
  { entry: 'client/src/extension.ts', out: 'client/out/extension.js', external: ['vscode'] },
  { entry: 'server/src/server.ts', out: 'server/out/server.js', plugins: [noProcessSpawning] },
  { entry: 'server/src/cli.ts', out: 'server/out/cli.js', plugins: [noProcessSpawning] },
].filter((b) => existsSync(join(root, b.entry)));

/** @type {import('esbuild').BuildOptions} */
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  minify: production,
  logLevel: 'warning',
  define: { K8S_INIT_VERSION: JSON.stringify(serverVersion) },
};

const contexts = await Promise.all(
  bundles.map((b) => esbuild.context({ ...common, entryPoints: [b.entry], outfile: b.out, external: b.external ?? [], plugins: b.plugins ?? [] })),
);
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log(`watching ${bundles.map((b) => b.entry).join(', ')}`);
} else {
  try {
    await Promise.all(contexts.map((c) => c.rebuild()));
    console.log(`built ${bundles.map((b) => b.out).join(', ')}${production ? ' (minified)' : ''}`);
  } finally {
    await Promise.all(contexts.map((c) => c.dispose()));
  }
}
