import { describe, expect, it } from 'vitest';
import {
  applyPinAttempt,
  attemptsLeft,
  initialStaffLockState,
  isLockedOut,
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
});
