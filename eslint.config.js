// Lint keeps the architecture's borders (see docs/ARCHITECTURE.md): each folder may only import
// what its layer is allowed to know about. A violation is an error, not a warning.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'worker_threads', 'stream', 'url', 'util'];
const platformPackages = [
  'electron',
  'electron-updater',
  'better-sqlite3',
  'onnxruntime-node',
  'sharp',
  'stripe',
  'ws',
  'prom-client',
  'node-webcam',
  'qrcode',
];

const border = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', 'dist/', '.gpu/', '.gl/', 'test-results/', 'playwright-report/', 'tests/artifacts/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] },
      globals: { ...globals.browser },
    },
  },
  {
    files: ['electron/shared/**/*.ts'],
    rules: border(
      [...nodeBuiltins, ...platformPackages, '**/core/**', '**/adapters/**', '**/app/**', '**/main/**', '**/renderer/**'],
      'electron/shared is the contract between processes: zod schemas and types only.',
    ),
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: border(
      [...nodeBuiltins, ...platformPackages, '**/adapters/**', '**/app/**', '**/main/**', '**/preload/**', '**/cli/**', '**/renderer/**'],
      'electron/core is pure TypeScript: no platform, no I/O, no native modules. Put I/O behind a port in adapters/.',
    ),
  },
  {
    files: ['electron/adapters/**/*.ts', 'electron/app/**/*.ts', 'electron/cli/**/*.ts', 'model/**/*.ts'],
    // The `electron` package is matched by name (`paths`): as a pattern it would also match any
    // relative path through the electron/ folder, e.g. model tooling importing electron/core.
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only electron/main may import Electron.' }],
          patterns: [
            {
              group: ['**/main/**', '**/preload/**', '**/renderer/**'],
              message:
                'Adapters, the app layer, the CLI and model tooling run without Electron; only electron/main may import it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: border(
      ['**/core/**', '**/adapters/**', '**/app/**', '**/main/**', '**/renderer/**', ...platformPackages.filter((p) => p !== 'electron')],
      'The preload only bridges the contract.',
    ),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.svelte'],
    languageOptions: { globals: { ...globals.browser } },
    rules: border(
      [...nodeBuiltins, ...platformPackages, '**/electron/core/**', '**/electron/adapters/**', '**/electron/app/**', '**/electron/main/**', '**/electron/preload/**', '**/electron/cli/**'],
      'The renderer talks to the machine only through electron/shared (the IPC contract).',
    ),
  },
);
