import { safeStorage } from 'electron';
import type { KioskConfig } from '../../core/config/kiosk-config-schema';
import { SecretSealer } from '../../adapters/config/secret-sealer';

/**
 * The kiosk's secret sealer on Electron's safeStorage (DPAPI on Windows, the login keyring on
 * Linux). Call after `app.whenReady()`: the Linux backend is only known then.
 *
 * On Linux without a keyring (a cage session has none) Electron reports encryption as unavailable
 * until `setUsePlainTextEncryption(true)` switches it to the `basic_text` backend; only a config
 * that explicitly accepts that weak protection does so.
 */
export function createSafeStorageSealer(config: KioskConfig): SecretSealer {
  const allowBasicText = config.payments.allowBasicTextKeyStorage;
  if (process.platform === 'linux' && allowBasicText) safeStorage.setUsePlainTextEncryption(true);
  return new SecretSealer(safeStorage, { platform: process.platform, allowBasicText });
}
