import { describe, expect, it } from 'vitest';
import { StaffService } from '../../../electron/app/staff-service';
import { hashPin, verifyPin } from '../../../electron/adapters/fleet/pin-hash-adapter';
import { silentLogger } from '../../../electron/core/ports/logger-port';
import type { KioskError } from '../../../electron/shared/result';

async function service(now: { t: number }) {
  const pinHash = await hashPin('2468', { N: 1024 });
  return new StaffService({
    rules: { maxAttempts: 5, lockoutSec: 300 },
    pinHash,
    verifyPin,
    now: () => now.t,
    logger: silentLogger,
  });
}

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: KioskError) => e.code,
  );

describe('StaffService', () => {
  it('unlocks with the right PIN against a real scrypt hash, and locks again', async () => {
    const now = { t: 0 };
    const s = await service(now);
    expect((await s.unlock('2468')).unlocked).toBe(true);
    expect(s.isUnlocked()).toBe(true);
    expect(s.lock().unlocked).toBe(false);
  });

  it('refuses even the right PIN during a lockout, then accepts it once the lockout ends', async () => {
    const now = { t: 1_000 };
    const s = await service(now);
    for (let i = 0; i < 4; i++) expect(await codeOf(s.unlock('0000'))).toBe('STAFF_PIN_INVALID');
    expect(await codeOf(s.unlock('0000'))).toBe('STAFF_LOCKED_OUT');
    expect(await codeOf(s.unlock('2468'))).toBe('STAFF_LOCKED_OUT');
    expect(s.status().lockedUntil).toBe(new Date(1_000 + 300_000).toISOString());
    now.t += 300_000;
    expect((await s.unlock('2468')).unlocked).toBe(true);
  });
});
