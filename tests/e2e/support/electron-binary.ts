import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './e2e-env';

/** The Electron executable the npm package downloaded, or null when the download was skipped. */
export function electronExecutable(): string | null {
  const dir = path.join(repoRoot, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const exe = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? exe : null;
}

export const ELECTRON_SKIP_REASON =
  'SKIPPED: no Electron binary under node_modules/electron/dist (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1). ' +
  'Run this where Electron can be installed.';

/** better-sqlite3 is built for one runtime at a time; returns the script's exit code. */
export const ensureAbi = (runtime: 'node' | 'electron'): number | null =>
  spawnSync(process.execPath, [path.join(repoRoot, 'build/scripts/ensure-native-abi.mjs'), runtime], {
    stdio: 'inherit',
  }).status;
