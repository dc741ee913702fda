import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KioskConfig } from '../core/config/kiosk-config-schema';
import { loadKioskConfig, resolveConfigPath } from '../adapters/config/kiosk-config-store';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The data folder a CLI command works on (`--data-dir`, else a scratch folder of the source tree)
 * and the kiosk config found for it (its `kiosk-config.json` or SKINKIOSK_CONFIG, else the demo's):
 * calibrations are kept per kiosk, so the command must know which kiosk the folder belongs to.
 */
export async function cliKiosk(
  dataDirOption: string | undefined,
): Promise<{ dataDir: string; config: KioskConfig }> {
  const dataDir = path.resolve(dataDirOption ?? path.join(repoRoot, '.tmp', 'cli-data'));
  const loaded = await loadKioskConfig(resolveConfigPath(dataDir));
  return { dataDir, config: loaded.config };
}
