// ESLint flat config: typescript-eslint's recommended rules for all TypeScript, plain JS for the scripts.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/out/**',
      '.tsbuild/**',
      '.harness/**',
      '.test-tmp/**',
      '.vscode-test/**',
      'test/fixtures/**',
      'bench/results/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      eqeqeq: ['error', 'always'],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'prefer-const': 'error',
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // Tests match YAML indentation literally.
      'no-regex-spaces': 'off',
    },
  },
  {
    // The server and the client run inside editors: no child processes, no eval (CLI and server alike).
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['child_process', 'node:child_process', 'vm', 'node:vm'], patterns: [] },
      ],
    },
  },
  {
    // The pure service never talks to a connection.
    files: ['server/src/service/**/*.ts', 'server/src/rules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['child_process', 'node:child_process', 'vm', 'node:vm', 'vscode-languageserver', 'vscode-languageserver/node', 'vscode'],
          patterns: [{ group: ['**/server', '**/handlers/*', '**/documentCache'], message: 'The service is pure: no imports from the server adapter.' }],
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The bin shims are CommonJS one-liners.
    files: ['server/bin/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Extension-host tests: mocha globals; the suite entry loads test modules lazily with require().
    files: ['test/e2e/**/*.{ts,js,mjs}', 'test/vscode/**/*.{ts,js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.mocha } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
