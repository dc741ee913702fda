/**
 * `node --import ./register-electron-stub.mjs out/main/index.js`: every `electron` import (ESM) and
 * require (CommonJS, e.g. from electron-updater) gets the recording stub instead of the npm
 * package, which only exports the binary's path.
 */
import { createRequire, register } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const esmStub = pathToFileURL(path.join(here, 'electron-stub.mjs')).href;
const cjsStub = path.join(here, 'electron-stub.cjs');

register(
  `data:text/javascript,${encodeURIComponent(`
    export async function resolve(specifier, context, next) {
      if (specifier === 'electron') return { url: ${JSON.stringify(esmStub)}, shortCircuit: true };
      return next(specifier, context);
    }`)}`,
);

const Module = createRequire(import.meta.url)('node:module');
const original = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? cjsStub : original.call(this, request, ...rest);
};

// Electron adds process.crash() (a native crash through Crashpad); here it only says so and ends.
process.crash ??= () => {
  process.stderr.write('[electron-stub] process.crash()\n');
  process.exit(134);
};

// A packaged app finds its models and resources under process.resourcesPath.
if (process.env.ELECTRON_STUB_PACKAGED === '1') {
  process.resourcesPath = process.env.ELECTRON_STUB_RESOURCES ?? process.cwd();
}
