// Lint keeps the architecture's borders (see docs/ARCHITECTURE.md): each folder may only import
// what its layer is allowed to know about. A violation is an error, not a warning.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/promises',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'worker_threads',
  'stream',
  'url',
  'util',
];
const platformPackages = [
  'electron',
  'electron-updater',
  'better-sqlite3',
  'onnxruntime-node',
  'sharp',
  'stripe',
  'ws',
  'prom-client',
  'qrcode',
];

// Bare package names are matched exactly (`paths`), so "electron" forbids the package without also
// forbidding this repository's own electron/ folder; folder and node: rules are glob patterns.
const border = (entries, message) => {
  const names = entries.filter((e) => !e.includes('*') && !e.includes('/'));
  const patterns = entries.filter((e) => e.includes('*') || e.includes('/'));
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: names.map((name) => ({ name, message })),
        patterns: patterns.length ? [{ group: patterns, message }] : [],
      },
    ],
  };
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      '.gpu/',
      '.gl/',
      'test-results/',
      'playwright-report/',
      'tests/artifacts/',
      '.tmp/',
    ],
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
    // Child processes take an argument list, never a command line for a shell to interpret.
    files: ['electron/**/*.ts', 'build/**/*.{js,mjs,cjs}', 'model/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'ImportDeclaration[source.value=/^(node:)?child_process$/] ImportSpecifier[imported.name=/^exec(Sync)?$/]',
          message: 'Use execFile/spawn with an argument list; exec runs a shell.',
        },
        {
          selector: "Property[key.name='shell'][value.value=true]",
          message: 'Do not start child processes through a shell.',
        },
      ],
    },
  },
  {
    files: ['electron/shared/**/*.ts'],
    rules: border(
      [
        ...nodeBuiltins,
        ...platformPackages,
        '**/core/**',
        '**/adapters/**',
        '**/services/**',
        '**/main/**',
        '**/renderer/**',
      ],
      'electron/shared is the contract between processes: zod schemas and types only.',
    ),
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: border(
      [
        ...nodeBuiltins,
        ...platformPackages,
        '**/adapters/**',
        '**/services/**',
        '**/main/**',
        '**/preload/**',
        '**/cli/**',
        '**/renderer/**',
      ],
      'electron/core is pure TypeScript: no platform, no I/O, no native modules. Put I/O behind a port in adapters/.',
    ),
  },
  {
    files: [
      'electron/adapters/**/*.ts',
      'electron/services/**/*.ts',
      'electron/cli/**/*.ts',
      'electron/preview-host/**/*.ts',
      'electron/stripe-emulator/**/*.ts',
      'model/**/*.ts',
    ],
    rules: border(
      ['electron', '**/main/**', '**/preload/**', '**/renderer/**'],
      'Adapters, the services layer, the hosts, the CLI and model tooling run without Electron; only electron/main may import it.',
    ),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: border(
      [
        '**/core/**',
        '**/adapters/**',
        '**/services/**',
        '**/main/**',
        '**/renderer/**',
        ...platformPackages.filter((p) => p !== 'electron'),
      ],
      'The preload only bridges the contract.',
    ),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.svelte'],
    languageOptions: { globals: { ...globals.browser } },
    rules: border(
      [
        ...nodeBuiltins,
        ...platformPackages,
        '**/electron/core/**',
        '**/electron/adapters/**',
        '**/electron/services/**',
        '**/electron/main/**',
        '**/electron/preload/**',
        '**/electron/cli/**',
      ],
      'The renderer talks to the machine only through electron/shared (the IPC contract).',
    ),
  },
);
