import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { StaffService, type StaffServiceDeps } from '../../../electron/services/staff-service';
import { createStaffHandlers } from '../../../electron/services/handlers/session-handlers';
import type { HandlerTable } from '../../../electron/services/handler-types';
import { invokeChannel } from '../../../electron/services/invoke-channel';
import { hashPin, verifyPin } from '../../../electron/adapters/staff/pin-hash-adapter';
import { StaffLockFile } from '../../../electron/adapters/staff/staff-lock-file';
import { silentLogger } from '../../../electron/core/ports/logger-port';
import type { KioskError } from '../../../electron/shared/result';

const RULES = { maxAttempts: 5, lockoutSec: 300 };
let pinHash: string;
beforeAll(async () => {
  pinHash = await hashPin('2468', { N: 1024 });
});

const lockFile = () => path.join(mkdtempSync(path.join(tmpdir(), 'staff-lock-')), 'staff-lock.json');

function service(now: { t: number }, extra: Partial<StaffServiceDeps> = {}) {
  return new StaffService({
    rules: RULES,
    pin: { kind: 'provisioned', hash: pinHash },
    verifyPin,
    now: () => now.t,
    logger: silentLogger,
    ...extra,
  });
}

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: KioskError) => e.code,
  );

/** Counts hash computations, optionally holding back the right PIN's answer for a while. */
function countingVerify(delayCorrectMs = 0) {
  const counter = {
    calls: 0,
    verify: async (pin: string, hash: string) => {
      counter.calls += 1;
      const correct = await verifyPin(pin, hash);
      if (correct && delayCorrectMs) await new Promise((r) => setTimeout(r, delayCorrectMs));
      return correct;
    },
  };
  return counter;
}

describe('StaffService', () => {
  it('unlocks with the right PIN against a real scrypt hash, and locks again', async () => {
    const s = service({ t: 0 });
    expect((await s.unlock('2468')).unlocked).toBe(true);
    expect(s.isUnlocked()).toBe(true);
    expect(s.lock().unlocked).toBe(false);
  });

  it('refuses even the right PIN during a lockout, then accepts it once the lockout ends', async () => {
    const now = { t: 1_000 };
    const s = service(now);
    for (let i = 0; i < 4; i++) expect(await codeOf(s.unlock('0000'))).toBe('STAFF_PIN_INVALID');
    expect(await codeOf(s.unlock('0000'))).toBe('STAFF_LOCKED_OUT');
    expect(await codeOf(s.unlock('2468'))).toBe('STAFF_LOCKED_OUT');
    expect(s.status().lockedUntil).toBe(new Date(1_000 + 300_000).toISOString());
    now.t += 300_000;
    expect((await s.unlock('2468')).unlocked).toBe(true);
  });

  it('gives 61 concurrent tries through the contract exactly five guesses', async () => {
    const counter = countingVerify();
    const s = service({ t: 0 }, { verifyPin: counter.verify });
    const deps = {
      handlers: createStaffHandlers(s) as HandlerTable,
      staffUnlocked: () => false,
      logger: silentLogger,
    };
    const pins = [...Array.from({ length: 60 }, (_, i) => String(1000 + i)), '2468'];
    const replies = await Promise.all(
      pins.map((pin) => invokeChannel(deps, 'staff:unlock', { pin }, { emit: () => undefined })),
    );
    const tally: Record<string, number> = {};
    for (const r of replies) tally[r.ok ? 'ok' : r.error.code] = (tally[r.ok ? 'ok' : r.error.code] ?? 0) + 1;
    expect(tally).toEqual({ STAFF_PIN_INVALID: 4, STAFF_LOCKED_OUT: 57 });
    expect(counter.calls).toBe(5);
    expect(s.status()).toMatchObject({ unlocked: false, attemptsLeft: 0 });
  });

  it('does not let a right PIN whose check is still running lift a lockout begun meanwhile', async () => {
    const counter = countingVerify(80);
    const s = service({ t: 0 }, { verifyPin: counter.verify });
    const right = codeOf(s.unlock('2468'));
    const wrong = Array.from({ length: 5 }, () => codeOf(s.unlock('0000')));
    await Promise.all([right, ...wrong]);
    expect(s.isUnlocked()).toBe(false);
    expect(s.status().lockedUntil).not.toBeNull();
    expect(await codeOf(s.unlock('2468'))).toBe('STAFF_LOCKED_OUT');
  });

  it('refuses every PIN, the demo one included, when no PIN is provisioned', async () => {
    const s = service({ t: 0 }, { pin: { kind: 'none', reason: 'No staff PIN is provisioned.' } });
    expect(await codeOf(s.unlock('1234'))).toBe('STAFF_PIN_NOT_SET');
    expect(s.status()).toMatchObject({ unlocked: false, pinConfigured: false, attemptsLeft: 5 });
  });
});

describe('StaffService across restarts', () => {
  it('keeps the count and the lockout in the data folder', async () => {
    const file = lockFile();
    const now = { t: 5_000 };
    const first = service(now, { store: new StaffLockFile(file) });
    for (let i = 0; i < 3; i++) await codeOf(first.unlock('0000'));
    expect(service(now, { store: new StaffLockFile(file) }).status().attemptsLeft).toBe(2);

    for (let i = 0; i < 2; i++) await codeOf(first.unlock('0000'));
    const restarted = service(now, { store: new StaffLockFile(file) });
    expect(restarted.status().lockedUntil).toBe(new Date(5_000 + 300_000).toISOString());
    expect(await codeOf(restarted.unlock('2468'))).toBe('STAFF_LOCKED_OUT');
    // Written whole and in place: one small JSON file, no temporary file left behind.
    expect(readdirSync(path.dirname(file))).toEqual(['staff-lock.json']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      failures: 0,
      lockedUntil: new Date(305_000).toISOString(),
    });
  });

  it('counts a guess before its hash is computed, so a restart mid-check keeps it', async () => {
    const file = lockFile();
    const hung = service(
      { t: 0 },
      { store: new StaffLockFile(file), verifyPin: () => new Promise(() => {}) },
    );
    void hung.unlock('2468');
    await new Promise((r) => setTimeout(r, 10));
    expect(service({ t: 0 }, { store: new StaffLockFile(file) }).status().attemptsLeft).toBe(4);
  });

  it('fails closed on a lock file that cannot be trusted, without blocking on a FIFO', () => {
    const cases: Array<[string, (file: string) => void]> = [
      ['garbage', (f) => writeFileSync(f, '\u0000{not json')],
      ['a negative count', (f) => writeFileSync(f, '{"failures":-3,"lockedUntil":null}')],
      ['a folder', (f) => mkdirSync(f)],
      ['a FIFO', (f) => execFileSync('mkfifo', [f])],
    ];
    for (const [name, make] of cases) {
      const file = lockFile();
      make(file);
      const s = service({ t: 0 }, { store: new StaffLockFile(file) });
      expect(s.status().lockedUntil, name).toBe(new Date(300_000).toISOString());
    }
  });

  it('cuts a lockout that reaches further than the rules allow (clock moved back, file edited)', () => {
    const file = lockFile();
    writeFileSync(file, JSON.stringify({ failures: 0, lockedUntil: '2999-01-01T00:00:00.000Z' }));
    const s = service({ t: 1_000 }, { store: new StaffLockFile(file) });
    expect(s.status().lockedUntil).toBe(new Date(301_000).toISOString());
  });
});
