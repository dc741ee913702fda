/**
 * Staff PIN attempts and lockout as a pure state machine: after `maxAttempts` wrong PINs in a row,
 * entry is refused until `lockoutSec` has passed. Time comes in as a parameter so tests control it.
 */
export interface StaffLockState {
  failures: number;
  lockedUntilMs: number | null;
  unlocked: boolean;
}

export interface StaffLockRules {
  maxAttempts: number;
  lockoutSec: number;
}

export const initialStaffLockState: StaffLockState = { failures: 0, lockedUntilMs: null, unlocked: false };

export function isLockedOut(state: StaffLockState, nowMs: number): boolean {
  return state.lockedUntilMs !== null && nowMs < state.lockedUntilMs;
}

/** Applies one PIN check's outcome. A lockout that has expired starts a fresh count. */
export function applyPinAttempt(
  state: StaffLockState,
  correct: boolean,
  rules: StaffLockRules,
  nowMs: number,
): StaffLockState {
  const base = state.lockedUntilMs !== null && nowMs >= state.lockedUntilMs ? initialStaffLockState : state;
  if (correct) return { failures: 0, lockedUntilMs: null, unlocked: true };
  const failures = base.failures + 1;
  return failures >= rules.maxAttempts
    ? { failures: 0, lockedUntilMs: nowMs + rules.lockoutSec * 1000, unlocked: false }
    : { failures, lockedUntilMs: null, unlocked: false };
}

export function attemptsLeft(state: StaffLockState, rules: StaffLockRules, nowMs: number): number {
  if (isLockedOut(state, nowMs)) return 0;
  const failures = state.lockedUntilMs !== null ? 0 : state.failures;
  return rules.maxAttempts - failures;
}
