import type { KioskConfig } from '../../core/config/kiosk-config-schema';
import type { Logger } from '../../core/ports/logger-port';
import { KioskError } from '../../shared/result';
import { writeKioskConfig } from './kiosk-config-store';

/** The OS keychain as Electron's safeStorage exposes it (main passes `safeStorage` itself). */
export interface OsKeychain {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which secret store backs the key (`gnome_libsecret`, `kwallet5`, `basic_text` …). */
  getSelectedStorageBackend?(): string;
}

export interface SecretSealerOptions {
  platform: NodeJS.Platform;
  /** `payments.allowBasicTextKeyStorage`: accept Linux's `basic_text` backend, a hard-coded key. */
  allowBasicText: boolean;
}

/**
 * Seals secrets (the Stripe key) with the OS keychain. On Linux without a keyring Electron falls
 * back to `basic_text`, whose key is a constant in Chromium's source: that would only be
 * obfuscation, so it is refused unless IT explicitly allowed it for this kiosk.
 */
export class SecretSealer {
  constructor(
    private readonly keychain: OsKeychain,
    private readonly opts: SecretSealerOptions,
  ) {}

  /** Which backend seals secrets here (for logs and the staff screen). */
  backend(): string {
    if (this.opts.platform === 'win32') return 'dpapi';
    if (this.opts.platform === 'darwin') return 'keychain';
    return this.keychain.getSelectedStorageBackend?.() ?? 'unknown';
  }

  /** Throws CONFIG_INVALID with what to do when secrets cannot be sealed safely here. */
  assertUsable(): void {
    if (!this.keychain.isEncryptionAvailable()) {
      throw new KioskError('CONFIG_INVALID', 'No OS keychain is available to protect the payment key.');
    }
    if (this.opts.platform === 'linux' && this.backend() === 'basic_text' && !this.opts.allowBasicText) {
      throw new KioskError(
        'CONFIG_INVALID',
        'Only the basic_text secret store exists (no gnome-keyring or KWallet in this session). Install and unlock a ' +
          'keyring, or set payments.allowBasicTextKeyStorage to true to accept weak protection.',
      );
    }
  }

  seal(plain: string): string {
    this.assertUsable();
    return this.keychain.encryptString(plain).toString('base64');
  }

  unseal(sealed: string): string {
    this.assertUsable();
    try {
      return this.keychain.decryptString(Buffer.from(sealed, 'base64'));
    } catch {
      throw new KioskError(
        'CONFIG_INVALID',
        'The sealed payment key cannot be opened on this machine; provision it again.',
      );
    }
  }
}

/**
 * First start after provisioning: moves `payments.apiKeyPlain` into `apiKeyEncrypted` and rewrites
 * the config file without the plain key. Returns the config now in effect (unchanged when there was
 * nothing to seal, or when sealing is refused — then the plain key stays and the reason is logged).
 */
export async function sealPaymentKey(
  file: string,
  config: KioskConfig,
  sealer: SecretSealer,
  logger: Logger,
): Promise<KioskConfig> {
  const plain = config.payments.apiKeyPlain;
  if (!plain || config.payments.apiKeyEncrypted) return config;
  let sealed: string;
  try {
    sealed = sealer.seal(plain);
  } catch (err) {
    logger.error('secrets.seal_refused', { backend: sealer.backend(), reason: (err as Error).message });
    return config;
  }
  const next = await writeKioskConfig(file, {
    ...config,
    payments: { ...config.payments, apiKeyEncrypted: sealed, apiKeyPlain: null },
  });
  logger.info('secrets.sealed', { backend: sealer.backend() });
  return next;
}

/** The payment key for the payments service (memory only): unsealed, or the plain one in development. */
export function paymentApiKey(config: KioskConfig, sealer: SecretSealer | null): string | null {
  if (config.payments.apiKeyEncrypted) {
    if (!sealer)
      throw new KioskError(
        'CONFIG_INVALID',
        'A sealed payment key needs the OS keychain (run the kiosk app, not a tool).',
      );
    return sealer.unseal(config.payments.apiKeyEncrypted);
  }
  return config.payments.apiKeyPlain;
}
