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
 * Seals secrets (the Stripe key, the metrics push credential) with the OS keychain. On Linux without a keyring Electron falls
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
      throw new KioskError(
        'CONFIG_INVALID',
        'No OS keychain is available to protect the payment key and push credentials.',
      );
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

  /** `what` names the secret in the error staff see ("payment key", "metrics push credential"). */
  unseal(sealed: string, what = 'payment key'): string {
    this.assertUsable();
    try {
      return this.keychain.decryptString(Buffer.from(sealed, 'base64'));
    } catch {
      throw new KioskError(
        'CONFIG_INVALID',
        `The sealed ${what} cannot be opened on this machine; provision it again.`,
      );
    }
  }
}

/** A secret the config can hold plain (as provisioned) or sealed (after the first start). */
interface SecretSlot {
  name: 'payments' | 'remoteWrite';
  plain: string | null;
  encrypted: string | null;
  /** The config with this secret sealed and its plain copy removed. */
  seal(config: KioskConfig, sealed: string): KioskConfig;
}

function secretSlots(config: KioskConfig): SecretSlot[] {
  const slots: SecretSlot[] = [
    {
      name: 'payments',
      plain: config.payments.apiKeyPlain,
      encrypted: config.payments.apiKeyEncrypted,
      seal: (c, sealed) => ({
        ...c,
        payments: { ...c.payments, apiKeyEncrypted: sealed, apiKeyPlain: null },
      }),
    },
  ];
  const rw = config.monitoring.remoteWrite;
  if (rw?.auth) {
    const auth = rw.auth;
    const withAuth = (c: KioskConfig, next: typeof auth): KioskConfig => ({
      ...c,
      monitoring: { ...c.monitoring, remoteWrite: { ...rw, auth: next } },
    });
    slots.push(
      auth.kind === 'bearer'
        ? {
            name: 'remoteWrite',
            plain: auth.tokenPlain,
            encrypted: auth.tokenEncrypted,
            seal: (c, sealed) => withAuth(c, { ...auth, tokenEncrypted: sealed, tokenPlain: null }),
          }
        : {
            name: 'remoteWrite',
            plain: auth.passwordPlain,
            encrypted: auth.passwordEncrypted,
            seal: (c, sealed) => withAuth(c, { ...auth, passwordEncrypted: sealed, passwordPlain: null }),
          },
    );
  }
  return slots;
}

/**
 * First start after provisioning: moves every plain secret (the Stripe key, the metrics push token
 * or password) into its sealed field and rewrites the config file without the plain copies, in one
 * atomic write. Returns the config now in effect (unchanged when there was nothing to seal, or
 * when sealing is refused — then the plain secrets stay and the reason is logged).
 */
export async function sealConfigSecrets(
  file: string,
  config: KioskConfig,
  sealer: SecretSealer,
  logger: Logger,
): Promise<KioskConfig> {
  const due = secretSlots(config).filter((slot) => slot.plain && !slot.encrypted);
  if (due.length === 0) return config;
  let next = config;
  try {
    for (const slot of due) next = slot.seal(next, sealer.seal(slot.plain as string));
  } catch (err) {
    logger.error('secrets.seal_refused', { backend: sealer.backend(), reason: (err as Error).message });
    return config;
  }
  const written = await writeKioskConfig(file, next);
  logger.info('secrets.sealed', { backend: sealer.backend(), secrets: due.map((s) => s.name).join(',') });
  return written;
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

/**
 * The metrics push token (bearer) or password (basic) in memory, or null when the push has no
 * authentication. Throws CONFIG_INVALID when a sealed secret cannot be opened here.
 */
export function remoteWriteSecret(config: KioskConfig, sealer: SecretSealer | null): string | null {
  const slot = secretSlots(config).find((s) => s.name === 'remoteWrite');
  if (!slot) return null;
  if (slot.encrypted) {
    if (!sealer) throw new KioskError('CONFIG_INVALID', 'A sealed push credential needs the OS keychain.');
    return sealer.unseal(slot.encrypted, 'metrics push credential');
  }
  return slot.plain;
}
