#!/usr/bin/env node
/**
 * Makes sure the native modules that are NOT N-API (today: better-sqlite3) are compiled for the
 * runtime about to load them. Vitest runs under Node, the app runs under Electron, and the two
 * have different module ABIs, so one binary cannot serve both: `npm test` calls this with `node`,
 * `npm start` and `npm run dist` call it with `electron`.
 *
 * Usage: node build/scripts/ensure-native-abi.mjs <node|electron> [--check]
 *   --check   report only; exit 1 when a rebuild would be needed.
 *
 * The ABI a binary targets is read from the `node_register_module_v<ABI>` symbol that
 * NODE_MODULE_INIT exports, so checking costs one file read and stays silent when nothing is due.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Native modules whose binary is tied to one runtime's ABI, with the file their build produces. */
export const ABI_BOUND_MODULES = [{ name: 'better-sqlite3', binary: 'build/Release/better_sqlite3.node' }];

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SYMBOL = /node_register_module_v(\d+)/;

/**
 * The module ABI a compiled addon was built for, or null when the file is missing or carries no
 * registration symbol (e.g. an N-API addon or a truncated build).
 * @param {string} binaryPath
 * @returns {number | null}
 */
export function readBinaryAbi(binaryPath) {
  if (!existsSync(binaryPath)) return null;
  const match = SYMBOL.exec(readFileSync(binaryPath).toString('latin1'));
  return match ? Number(match[1]) : null;
}

/**
 * Where the Electron package lives and, when its binary was downloaded, where the executable is.
 * @param {string} repoRoot
 * @returns {{ packageDir: string | null, version: string | null, abi: number | null, executable: string | null }}
 */
export function locateElectron(repoRoot) {
  const packageDir = path.join(repoRoot, 'node_modules', 'electron');
  if (!existsSync(path.join(packageDir, 'package.json'))) {
    return { packageDir: null, version: null, abi: null, executable: null };
  }
  const version = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')).version;
  const abiFile = path.join(packageDir, 'abi_version');
  const abi = existsSync(abiFile) ? Number(readFileSync(abiFile, 'utf8').trim()) : null;
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const executable = relative ? path.join(packageDir, 'dist', relative) : null;
  return { packageDir, version, abi, executable: executable && existsSync(executable) ? executable : null };
}

/**
 * Which modules need rebuilding for a target ABI.
 * @param {string} repoRoot
 * @param {number} targetAbi
 * @returns {{ name: string, dir: string, binaryPath: string, abi: number | null }[]}
 */
export function staleModules(repoRoot, targetAbi) {
  const require = createRequire(path.join(repoRoot, 'package.json'));
  return ABI_BOUND_MODULES.map((m) => {
    const dir = path.dirname(require.resolve(`${m.name}/package.json`));
    const binaryPath = path.join(dir, m.binary);
    return { name: m.name, dir, binaryPath, abi: readBinaryAbi(binaryPath) };
  }).filter((m) => m.abi !== targetAbi);
}

/** Node's own headers ship next to the binary on most Linux installs; using them avoids a download. */
function localNodeDir() {
  const prefix = path.resolve(path.dirname(process.execPath), '..');
  return existsSync(path.join(prefix, 'include', 'node', 'node_version.h')) ? prefix : null;
}

function rebuildForNode(repoRoot, mod) {
  const nodeGyp = createRequire(path.join(repoRoot, 'package.json')).resolve('node-gyp/bin/node-gyp.js');
  const args = [nodeGyp, 'rebuild', '--release'];
  const nodedir = localNodeDir();
  if (nodedir) args.push(`--nodedir=${nodedir}`);
  const result = spawnSync(process.execPath, args, { cwd: mod.dir, stdio: 'inherit' });
  return result.status === 0;
}

async function rebuildForElectron(repoRoot, electron, mod) {
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({
    buildPath: repoRoot,
    electronVersion: electron.version,
    onlyModules: [mod.name],
    force: true,
  });
  return true;
}

/**
 * @param {string[]} argv
 * @param {string} [repoRoot]
 * @returns {Promise<number>} exit code
 */
export async function main(argv, repoRoot = REPO_ROOT) {
  const runtime = argv[0];
  const checkOnly = argv.includes('--check');
  if (runtime !== 'node' && runtime !== 'electron') {
    console.error('usage: ensure-native-abi.mjs <node|electron> [--check]');
    return 2;
  }
  let targetAbi = Number(process.versions.modules);
  let electron = null;
  if (runtime === 'electron') {
    electron = locateElectron(repoRoot);
    if (!electron.executable || !electron.version || !electron.abi) {
      console.error(
        'ensure-native-abi: Electron is not installed (no binary under node_modules/electron/dist). ' +
          'Install it with network access (`npx install-electron`) before `npm start` or `npm run dist`; ' +
          'tests and the browser preview host run under Node and do not need it.',
      );
      return 1;
    }
    targetAbi = electron.abi;
  }
  const stale = staleModules(repoRoot, targetAbi);
  if (stale.length === 0) return 0;
  for (const mod of stale) {
    const was = mod.abi === null ? 'no usable binary' : `ABI ${mod.abi}`;
    console.log(`ensure-native-abi: ${mod.name} has ${was}; ${runtime} needs ABI ${targetAbi}.`);
    if (checkOnly) continue;
    console.log(`ensure-native-abi: rebuilding ${mod.name} for ${runtime}…`);
    const built = electron
      ? await rebuildForElectron(repoRoot, electron, mod)
      : rebuildForNode(repoRoot, mod);
    const now = readBinaryAbi(mod.binaryPath);
    if (!built || now !== targetAbi) {
      console.error(
        `ensure-native-abi: rebuilding ${mod.name} failed (binary now targets ${now ?? 'nothing'}).`,
      );
      return 1;
    }
    console.log(`ensure-native-abi: ${mod.name} now targets ABI ${now}.`);
  }
  return checkOnly ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(`ensure-native-abi: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
