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

/** What survives a restart: the count of wrong PINs and the lockout, never an unlocked staff mode. */
export interface StoredStaffLock {
  failures: number;
  lockedUntilMs: number | null;
}

/** Port to where the lock is kept (a small file in the kiosk's data folder). */
export interface StaffLockStore {
  /** Null when nothing was ever stored; `unreadable` when something is there but cannot be trusted. */
  load(): StoredStaffLock | 'unreadable' | null;
  save(lock: StoredStaffLock): void;
}

/**
 * The state a kiosk starts in after a restart. A stored lock that cannot be read fails closed (a
 * fresh lockout), since deleting or garbling the file must not be a way to more guesses. A lockout
 * further ahead than `lockoutSec` (the clock went back, or the file was edited) is cut to one
 * lockout from now; a count at the limit without a lockout becomes one.
 */
export function restoreStaffLock(
  stored: StoredStaffLock | 'unreadable' | null,
  rules: StaffLockRules,
  nowMs: number,
): StaffLockState {
  const lockout = nowMs + rules.lockoutSec * 1000;
  if (stored === null) return initialStaffLockState;
  if (stored === 'unreadable') return { failures: 0, lockedUntilMs: lockout, unlocked: false };
  if (stored.lockedUntilMs !== null && nowMs < stored.lockedUntilMs)
    return { failures: 0, lockedUntilMs: Math.min(stored.lockedUntilMs, lockout), unlocked: false };
  if (stored.lockedUntilMs !== null) return initialStaffLockState;
  return stored.failures >= rules.maxAttempts
    ? { failures: 0, lockedUntilMs: lockout, unlocked: false }
    : { failures: stored.failures, lockedUntilMs: null, unlocked: false };
}
