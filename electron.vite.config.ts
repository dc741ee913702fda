import { resolve } from 'node:path';
import { builtinModules } from 'node:module';
import { build, type Plugin } from 'vite';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import pkg from './package.json' with { type: 'json' };

const INFERENCE_WORKER = resolve(__dirname, 'electron/adapters/inference/inference-worker.ts');
const EXTERNAL = [
  'electron',
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies),
];

/**
 * ONNX Runtime runs in a worker thread, built next to the main bundle as CommonJS
 * (`out/main/inference-worker.cjs`): an ES-module worker loaded from inside app.asar is a path
 * Electron does not test, while a CommonJS one is the ordinary case. Main itself stays ESM.
 */
function inferenceWorkerAsCommonJs(outDir: string): Plugin {
  return {
    name: 'skinkiosk:inference-worker-cjs',
    apply: 'build',
    async closeBundle() {
      await build({
        configFile: false,
        logLevel: 'warn',
        build: {
          outDir,
          emptyOutDir: false,
          minify: false,
          target: 'node20',
          ssr: INFERENCE_WORKER,
          rollupOptions: {
            external: EXTERNAL,
            output: { format: 'cjs', entryFileNames: 'inference-worker.cjs' },
          },
        },
      });
    },
  };
}

// One config for the three Electron targets. The renderer build is also what the browser preview
// host serves, so the E2E tests exercise the exact files the kiosk loads.
export default defineConfig({
  main: {
    plugins: [inferenceWorkerAsCommonJs(resolve(__dirname, 'out/main'))],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/main/index.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads cannot require npm packages: bundle everything into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [svelte({ configFile: resolve(__dirname, 'svelte.config.js') })],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
