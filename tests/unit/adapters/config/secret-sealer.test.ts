import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadKioskConfig, writeKioskConfig } from '../../../../electron/adapters/config/kiosk-config-store';
import {
  paymentApiKey,
  remoteWriteSecret,
  sealConfigSecrets,
  SecretSealer,
  type OsKeychain,
} from '../../../../electron/adapters/config/secret-sealer';
import { silentLogger } from '../../../../electron/core/ports/logger-port';
import { KioskConfigSchema } from '../../../../electron/core/config/kiosk-config-schema';

/** An OS keychain stand-in with real encryption (AES-GCM under a per-"machine" key), as safeStorage does. */
function keychain(backend: string, available = true): OsKeychain {
  const key = randomBytes(32);
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decryptString(sealed) {
      const d = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      d.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([d.update(sealed.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

const KEY = 'rk_live_51ExampleRestrictedKey';
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kiosk-secrets-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('secret sealer', () => {
  it('seals and unseals with a real keyring backend', () => {
    const sealer = new SecretSealer(keychain('gnome_libsecret'), {
      platform: 'linux',
      allowBasicText: false,
    });
    const sealed = sealer.seal(KEY);
    expect(sealed).not.toContain('rk_live');
    expect(sealer.unseal(sealed)).toBe(KEY);
    expect(sealer.backend()).toBe('gnome_libsecret');
  });

  it('refuses Linux basic_text unless explicitly allowed', () => {
    const refused = new SecretSealer(keychain('basic_text'), { platform: 'linux', allowBasicText: false });
    expect(() => refused.seal(KEY)).toThrow(/basic_text/);
    const allowed = new SecretSealer(keychain('basic_text'), { platform: 'linux', allowBasicText: true });
    expect(allowed.unseal(allowed.seal(KEY))).toBe(KEY);
  });

  it('does not ask Windows for a Linux backend, and refuses when no keychain exists', () => {
    expect(
      new SecretSealer(keychain('basic_text'), { platform: 'win32', allowBasicText: false }).backend(),
    ).toBe('dpapi');
    const none = new SecretSealer(keychain('unknown', false), { platform: 'win32', allowBasicText: false });
    expect(() => none.seal(KEY)).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });

  it('a key sealed on another machine is a clear config error', () => {
    const sealed = new SecretSealer(keychain('kwallet5'), { platform: 'linux', allowBasicText: false }).seal(
      KEY,
    );
    const other = new SecretSealer(keychain('kwallet5'), { platform: 'linux', allowBasicText: false });
    expect(() => other.unseal(sealed)).toThrow(/provision it again/);
  });

  it('seals a provisioned plain key into the config file at first start, and hands it to payments in memory', async () => {
    const file = path.join(dir, 'kiosk-config.json');
    const config = await writeKioskConfig(file, {
      payments: { mode: 'stripe', locationId: 'tml_1', readerId: 'tmr_1', apiKeyPlain: KEY },
    });
    const sealer = new SecretSealer(keychain('gnome_libsecret'), {
      platform: 'linux',
      allowBasicText: false,
    });
    const next = await sealConfigSecrets(file, config, sealer, silentLogger);
    expect(next.payments.apiKeyPlain).toBeNull();
    expect(readFileSync(file, 'utf8')).not.toContain(KEY);
    const reloaded = await loadKioskConfig(file);
    expect(reloaded.kind).toBe('loaded');
    expect(paymentApiKey(reloaded.config, sealer)).toBe(KEY);
    // Already sealed: nothing to do, the file is not rewritten.
    expect(await sealConfigSecrets(file, next, sealer, silentLogger)).toBe(next);
  });

  it('keeps the plain key (and logs why) when sealing is refused', async () => {
    const file = path.join(dir, 'kiosk-config.json');
    const config = await writeKioskConfig(file, { payments: { apiKeyPlain: KEY } });
    const logs: string[] = [];
    const logger = { ...silentLogger, error: (msg: string) => logs.push(msg) };
    const sealer = new SecretSealer(keychain('basic_text'), { platform: 'linux', allowBasicText: false });
    expect(await sealConfigSecrets(file, config, sealer, logger)).toBe(config);
    expect(logs).toEqual(['secrets.seal_refused']);
    expect(paymentApiKey(config, null)).toBe(KEY);
  });

  it('seals the metrics push credential with the payment key in one rewrite, and opens it in memory', async () => {
    const file = path.join(dir, 'kiosk-config.json');
    const config = await writeKioskConfig(file, {
      payments: { apiKeyPlain: KEY },
      monitoring: {
        remoteWrite: {
          url: 'https://mimir.example.com/api/v1/push',
          auth: { kind: 'basic', username: 'store-42', passwordPlain: 'pushpass-9' },
        },
      },
    });
    const sealer = new SecretSealer(keychain('gnome_libsecret'), {
      platform: 'linux',
      allowBasicText: false,
    });
    const infos: string[] = [];
    const next = await sealConfigSecrets(file, config, sealer, {
      ...silentLogger,
      info: (msg, fields) => infos.push(`${msg} ${String(fields?.secrets)}`),
    });
    expect(infos).toEqual(['secrets.sealed payments,remoteWrite']);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('pushpass-9');
    expect(text).not.toContain(KEY);
    const reloaded = await loadKioskConfig(file);
    expect(reloaded.config.monitoring.remoteWrite?.auth).toMatchObject({
      kind: 'basic',
      passwordPlain: null,
    });
    expect(remoteWriteSecret(reloaded.config, sealer)).toBe('pushpass-9');
    expect(paymentApiKey(reloaded.config, sealer)).toBe(KEY);
    expect(() => remoteWriteSecret(next, null)).toThrow(/OS keychain/);
    // Another machine's keychain cannot open it: a clear error, not a silent push without credentials.
    const other = new SecretSealer(keychain('gnome_libsecret'), { platform: 'linux', allowBasicText: false });
    expect(() => remoteWriteSecret(next, other)).toThrow(/metrics push credential cannot be opened/);
  });

  it('has no push credential to open when the push has no auth or is off', () => {
    expect(remoteWriteSecret(KioskConfigSchema.parse({}), null)).toBeNull();
    const bearer = KioskConfigSchema.parse({
      monitoring: {
        remoteWrite: { url: 'https://m.example.com/push', auth: { kind: 'bearer', tokenPlain: 'tok' } },
      },
    });
    expect(remoteWriteSecret(bearer, null)).toBe('tok');
  });
});
