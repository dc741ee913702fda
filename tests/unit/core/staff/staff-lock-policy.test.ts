import { describe, expect, it } from 'vitest';
import {
  applyPinAttempt,
  attemptsLeft,
  initialStaffLockState,
  isLockedOut,
  restoreStaffLock,
} from '../../../../electron/core/staff/staff-lock-policy';

const rules = { maxAttempts: 5, lockoutSec: 300 };

describe('staff lock policy', () => {
  it('locks for five minutes after five wrong PINs in a row', () => {
    let s = initialStaffLockState;
    for (let i = 0; i < 4; i++) s = applyPinAttempt(s, false, rules, 1000);
    expect(attemptsLeft(s, rules, 1000)).toBe(1);
    expect(isLockedOut(s, 1000)).toBe(false);
    s = applyPinAttempt(s, false, rules, 2000);
    expect(isLockedOut(s, 2000)).toBe(true);
    expect(isLockedOut(s, 2000 + 299_999)).toBe(true);
    expect(isLockedOut(s, 2000 + 300_000)).toBe(false);
    expect(attemptsLeft(s, rules, 2000 + 300_000)).toBe(5);
  });

  it('a correct PIN unlocks and resets the count; an expired lockout starts fresh', () => {
    let s = applyPinAttempt(initialStaffLockState, false, rules, 0);
    s = applyPinAttempt(s, true, rules, 0);
    expect(s).toEqual({ failures: 0, lockedUntilMs: null, unlocked: true });
    let locked = initialStaffLockState;
    for (let i = 0; i < 5; i++) locked = applyPinAttempt(locked, false, rules, 0);
    const after = applyPinAttempt(locked, false, rules, 400_000);
    expect(after.failures).toBe(1);
    expect(isLockedOut(after, 400_000)).toBe(false);
  });

  it('restores a stored lock, failing closed and never further than one lockout ahead', () => {
    expect(restoreStaffLock(null, rules, 0)).toEqual(initialStaffLockState);
    expect(restoreStaffLock('unreadable', rules, 1000)).toEqual({
      failures: 0,
      lockedUntilMs: 301_000,
      unlocked: false,
    });
    expect(restoreStaffLock({ failures: 3, lockedUntilMs: null }, rules, 0).failures).toBe(3);
    expect(restoreStaffLock({ failures: 9, lockedUntilMs: null }, rules, 0).lockedUntilMs).toBe(300_000);
    expect(restoreStaffLock({ failures: 0, lockedUntilMs: 50_000 }, rules, 0).lockedUntilMs).toBe(50_000);
    expect(restoreStaffLock({ failures: 0, lockedUntilMs: 9e12 }, rules, 0).lockedUntilMs).toBe(300_000);
    expect(restoreStaffLock({ failures: 2, lockedUntilMs: 50_000 }, rules, 60_000)).toEqual(
      initialStaffLockState,
    );
  });
});
