import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Compiles the renderer's `*.svelte.ts` state classes (runes) so their logic is unit-tested.
  plugins: [svelte()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores on CI: forked workers keep native modules (ORT, SQLite) isolated per file.
    pool: 'forks',
    maxWorkers: 2,
  },
});
