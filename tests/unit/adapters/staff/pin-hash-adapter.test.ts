import { describe, expect, it } from 'vitest';
import {
  DEMO_PIN_HASH,
  hashPin,
  parsePinHash,
  verifyPin,
} from '../../../../electron/adapters/staff/pin-hash-adapter';
import { KioskConfigSchema } from '../../../../electron/core/config/kiosk-config-schema';
import { KioskError } from '../../../../electron/shared/result';

describe('PIN hashing', () => {
  it('hashes in the format the config schema accepts and verifies the right PIN only', async () => {
    const stored = await hashPin('482915');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(KioskConfigSchema.safeParse({ staff: { pinHash: stored } }).success).toBe(true);
    expect(await verifyPin('482915', stored)).toBe(true);
    expect(await verifyPin('482916', stored)).toBe(false);
    expect(await verifyPin('48291', stored)).toBe(false);
  });

  it('salts every hash', async () => {
    const [a, b] = await Promise.all([hashPin('1234', { N: 1024 }), hashPin('1234', { N: 1024 })]);
    expect(a).not.toBe(b);
    expect(await verifyPin('1234', a)).toBe(true);
    expect(await verifyPin('1234', b)).toBe(true);
  });

  it('the demo hash is PIN 1234', async () => {
    expect(await verifyPin('1234', DEMO_PIN_HASH)).toBe(true);
    expect(await verifyPin('0000', DEMO_PIN_HASH)).toBe(false);
  });

  it('refuses PINs that are not 4–12 digits', async () => {
    await expect(hashPin('12a4')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(hashPin('123')).rejects.toBeInstanceOf(KioskError);
  });

  it('treats a malformed or abusive stored hash as a config problem, not a wrong PIN', async () => {
    await expect(verifyPin('1234', 'plaintext-1234')).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
    const salt = Buffer.alloc(16).toString('base64');
    const hash = Buffer.alloc(32).toString('base64');
    expect(() => parsePinHash(`scrypt$${1 << 24}$8$1$${salt}$${hash}`)).toThrow(/out-of-range/);
    expect(() => parsePinHash(`scrypt$1000$8$1$${salt}$${hash}`)).toThrow(/out-of-range/);
    expect(parsePinHash(`scrypt$16384$8$1$${salt}$${hash}`).N).toBe(16384);
  });
});
