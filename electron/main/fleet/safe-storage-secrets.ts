import { safeStorage } from 'electron';
import type { KioskConfig } from '../../core/config/kiosk-config-schema';
import { SecretSealer } from '../../adapters/fleet/secret-sealer';

/**
 * The kiosk's secret sealer on Electron's safeStorage (DPAPI on Windows, the login keyring on
 * Linux). Call after `app.whenReady()`: the Linux backend is only known then.
 */
export function createSafeStorageSealer(config: KioskConfig): SecretSealer {
  return new SecretSealer(safeStorage, {
    platform: process.platform,
    allowBasicText: config.payments.allowBasicTextKeyStorage,
  });
}
