import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { KioskConfig } from '../../core/config/kiosk-config-schema';
import { demoConfig, validateKioskConfig } from '../../core/fleet/config-validation';
import { KioskError } from '../../shared/result';

/** The file name IT drops into the kiosk's data folder (or points SKINKIOSK_CONFIG at). */
const CONFIG_FILE_NAME = 'kiosk-config.json';

export type ConfigLoadResult =
  | { kind: 'loaded'; path: string; config: KioskConfig }
  /** No file: the bundled demo runs. */
  | { kind: 'missing'; path: string; config: KioskConfig }
  /** A file that cannot be used: the kiosk shows "needs setup" with these reasons and takes no payments. */
  | { kind: 'invalid'; path: string; config: KioskConfig; reasons: string[] };

/** Where the config lives: `SKINKIOSK_CONFIG` when set, else `<dataDir>/kiosk-config.json`. */
export function resolveConfigPath(
  dataDir: string,
  env: Record<string, string | undefined> = process.env,
): string {
  const override = env.SKINKIOSK_CONFIG?.trim();
  return override ? path.resolve(override) : path.join(dataDir, CONFIG_FILE_NAME);
}

/**
 * What a kiosk runs when its file is broken: the demo defaults with payments switched off, so a
 * half-provisioned machine in a store can never take demo "payments" from real shoppers.
 */
function needsSetupConfig(): KioskConfig {
  const config = demoConfig();
  return { ...config, payments: { ...config.payments, mode: 'disabled' } };
}

/** The one line shown on the "needs setup" screen and in `AppInfo.needsSetup`. */
export function needsSetupMessage(result: ConfigLoadResult): string | null {
  if (result.kind !== 'invalid') return null;
  return `Config file ${result.path} cannot be used: ${result.reasons.join('; ')}`;
}

/** Reads and validates the config file. Never throws for a bad file; only for an unreadable disk. */
export async function loadKioskConfig(file: string): Promise<ConfigLoadResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      return { kind: 'missing', path: file, config: demoConfig() };
    const reason = `cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'})`;
    return { kind: 'invalid', path: file, config: needsSetupConfig(), reasons: [reason] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const reason = `not valid JSON: ${(err as Error).message}`;
    return { kind: 'invalid', path: file, config: needsSetupConfig(), reasons: [reason] };
  }
  const result = validateKioskConfig(raw);
  return result.ok
    ? { kind: 'loaded', path: file, config: result.config }
    : { kind: 'invalid', path: file, config: needsSetupConfig(), reasons: result.reasons };
}

/**
 * Validates and writes the config atomically: a temp file in the same folder, fsync, rename over
 * the old one. A power cut leaves either the old file or the new one, never half of each. The file
 * holds the PIN hash and maybe a sealed key, so it is readable by the kiosk user only.
 */
export async function writeKioskConfig(file: string, config: unknown): Promise<KioskConfig> {
  const result = validateKioskConfig(config);
  if (!result.ok) throw new KioskError('CONFIG_INVALID', `Config not written: ${result.reasons.join('; ')}`);
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(result.config, null, 2)}\n`);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
  closeSync(fd);
  renameSync(tmp, file);
  syncDir(path.dirname(file));
  return result.config;
}

/** Makes the rename itself durable; not possible (nor needed) on Windows. */
function syncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
