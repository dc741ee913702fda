#!/usr/bin/env node
/**
 * Makes sure the Electron binary is installed before `npm start` / `npm run dist`. Electron 45's
 * npm package no longer downloads it at install time: its `install-electron` script does, writing
 * `dist/` and `path.txt`, which electron-vite and ensure-native-abi read. This runs that script when
 * the binary is missing and explains what to do when it cannot (no network, a skipped download,
 * an older Node than Electron's tooling needs).
 *
 * Usage: node build/scripts/ensure-electron.mjs
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { locateElectron } from './ensure-native-abi.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** What Electron 45, @electron/get 5 and @electron/rebuild 4 declare in their `engines`. */
export const MIN_NODE = [22, 12];

const WITHOUT_ELECTRON =
  '`npm test` and `npm run preview:web` (the kiosk in Chromium) work without the Electron binary.';

/**
 * @param {string} version e.g. "22.12.0"
 * @returns {boolean}
 */
export function nodeIsRecentEnough(version) {
  const [major, minor] = version.split('.').map(Number);
  return major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
}

/**
 * @param {{ repoRoot?: string, env?: Record<string, string | undefined>, nodeVersion?: string,
 *   install?: (installScript: string) => number | null }} [opts]
 * @returns {number} exit code
 */
export function main(opts = {}) {
  const repoRoot = opts.repoRoot ?? REPO_ROOT;
  const env = opts.env ?? process.env;
  const nodeVersion = opts.nodeVersion ?? process.versions.node;
  const electron = locateElectron(repoRoot);
  if (!electron.packageDir) {
    console.error('ensure-electron: the electron package is not installed; run `npm install` first.');
    return 1;
  }
  if (electron.executable) return 0;
  if (!nodeIsRecentEnough(nodeVersion)) {
    console.error(
      `ensure-electron: Electron ${electron.version}'s installer needs Node >= ${MIN_NODE.join('.')}; ` +
        `this is Node ${nodeVersion}. Install a newer Node to run the kiosk in Electron. ${WITHOUT_ELECTRON}`,
    );
    return 1;
  }
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    console.error(
      'ensure-electron: no Electron binary, and ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it is not ' +
        `downloaded. Unset it and run again to fetch Electron ${electron.version}. ${WITHOUT_ELECTRON}`,
    );
    return 1;
  }
  console.log(`ensure-electron: downloading Electron ${electron.version}…`);
  const installScript = path.join(electron.packageDir, 'install.js');
  const install =
    opts.install ?? ((script) => spawnSync(process.execPath, [script], { stdio: 'inherit', env }).status);
  const status = install(installScript);
  if (status !== 0 || !locateElectron(repoRoot).executable) {
    console.error(
      `ensure-electron: Electron ${electron.version} could not be downloaded (no network, or a proxy or ` +
        `mirror is needed: see ELECTRON_MIRROR in @electron/get). ${WITHOUT_ELECTRON}`,
    );
    return 1;
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exit(main());
}
