import type { StaffStatus } from '../shared/schemas/system-schemas';
import { KioskError } from '../shared/result';
import type { Logger } from '../core/ports/logger-port';
import {
  applyPinAttempt,
  attemptsLeft,
  isLockedOut,
  restoreStaffLock,
  type StaffLockRules,
  type StaffLockState,
  type StaffLockStore,
} from '../core/staff/staff-lock-policy';
import type { StaffPin } from '../core/staff/staff-pin-policy';

export interface StaffServiceDeps {
  rules: StaffLockRules;
  /** The PIN this kiosk accepts, or why it accepts none. */
  pin: StaffPin;
  verifyPin: (pin: string, hash: string) => Promise<boolean>;
  now: () => number;
  logger: Logger;
  /** Where the count and lockout survive restarts; without one they live in memory only. */
  store?: StaffLockStore;
}

/**
 * Holds staff mode for this kiosk: unlocked by PIN, locked again by the staff or at session reset.
 *
 * PIN attempts run one at a time, and each is counted as a wrong PIN — in memory and on disk —
 * before its hash is even computed; a right PIN then takes the count back. So a burst of concurrent
 * tries gets exactly `maxAttempts` guesses, a restart in the middle of a check keeps the guess
 * counted, and a lockout can only be lifted by time.
 */
export class StaffService {
  private state: StaffLockState;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: StaffServiceDeps) {
    const stored = deps.store?.load() ?? null;
    this.state = restoreStaffLock(stored, deps.rules, deps.now());
    if (stored === 'unreadable') deps.logger.warn('staff.lock_state_unreadable');
  }

  isUnlocked(): boolean {
    return this.state.unlocked;
  }

  status(): StaffStatus {
    const now = this.deps.now();
    return {
      unlocked: this.state.unlocked,
      lockedUntil: isLockedOut(this.state, now)
        ? new Date(this.state.lockedUntilMs ?? now).toISOString()
        : null,
      attemptsLeft: attemptsLeft(this.state, this.deps.rules, now),
      pinConfigured: this.deps.pin.kind !== 'none',
    };
  }

  unlock(pin: string): Promise<StaffStatus> {
    const attempt = this.queue.then(() => this.attempt(pin));
    this.queue = attempt.catch(() => undefined);
    return attempt;
  }

  lock(): StaffStatus {
    this.state = { ...this.state, unlocked: false };
    return this.status();
  }

  private async attempt(pin: string): Promise<StaffStatus> {
    const { deps } = this;
    if (deps.pin.kind === 'none') throw new KioskError('STAFF_PIN_NOT_SET', deps.pin.reason);
    const now = deps.now();
    if (isLockedOut(this.state, now)) throw this.lockedOut();
    const counted = this.commit(applyPinAttempt(this.state, false, deps.rules, now));
    const correct = await deps.verifyPin(pin, deps.pin.hash);
    // A right PIN takes back only its own count: a lockout anything else began meanwhile stands.
    const unchanged =
      this.state.failures === counted.failures && this.state.lockedUntilMs === counted.lockedUntilMs;
    if (correct && unchanged) {
      this.commit({ failures: 0, lockedUntilMs: null, unlocked: true });
      deps.logger.info('staff.unlocked', { attemptsLeft: deps.rules.maxAttempts });
      return this.status();
    }
    const status = this.status();
    deps.logger.info('staff.pin_rejected', { attemptsLeft: status.attemptsLeft });
    if (status.lockedUntil) throw this.lockedOut();
    throw new KioskError('STAFF_PIN_INVALID', 'Wrong PIN.', { attemptsLeft: status.attemptsLeft });
  }

  private lockedOut(): KioskError {
    return new KioskError('STAFF_LOCKED_OUT', 'Too many wrong PINs. Try again later.', {
      lockedUntil: new Date(this.state.lockedUntilMs ?? this.deps.now()).toISOString(),
    });
  }

  /** Sets the state and writes what must survive a restart before anything else happens. */
  private commit(next: StaffLockState): StaffLockState {
    this.state = next;
    try {
      this.deps.store?.save({ failures: next.failures, lockedUntilMs: next.lockedUntilMs });
    } catch (err) {
      // The count still holds in memory; the log says the disk refused it.
      this.deps.logger.error('staff.lock_state_not_saved', { error: (err as Error).message });
    }
    return next;
  }
}
