import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const shared = {
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  test: {
    // Two cores on CI: forked workers keep native modules (ORT, SQLite) isolated per file.
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        test: {
          ...shared,
          name: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          exclude: ['tests/unit/renderer/state/**'],
          environment: 'node',
        },
      },
      {
        // The renderer's state classes (`*.svelte.ts`, runes) compiled by the Svelte plugin for the
        // browser, as the kiosk runs them, and driven through a scripted KioskClient.
        plugins: [svelte({ configFile: false, compilerOptions: { runes: true } })],
        resolve: { conditions: ['browser'] },
        test: {
          ...shared,
          name: 'renderer',
          include: ['tests/unit/renderer/state/**/*.test.ts'],
          environment: 'node',
        },
      },
    ],
  },
});
