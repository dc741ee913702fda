import type { StaffStatus } from '../shared/schemas/system-schemas';
import { KioskError } from '../shared/result';
import type { Logger } from '../core/ports/logger-port';
import {
  applyPinAttempt,
  attemptsLeft,
  initialStaffLockState,
  isLockedOut,
  type StaffLockRules,
  type StaffLockState,
} from '../core/staff/staff-lock-policy';

export interface StaffServiceDeps {
  rules: StaffLockRules;
  pinHash: string;
  verifyPin: (pin: string, hash: string) => Promise<boolean>;
  now: () => number;
  logger: Logger;
}

/** Holds staff mode for this kiosk: unlocked by PIN, locked again by the staff or at session reset. */
export class StaffService {
  private state: StaffLockState = initialStaffLockState;
  constructor(private readonly deps: StaffServiceDeps) {}

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
    };
  }

  async unlock(pin: string): Promise<StaffStatus> {
    const now = this.deps.now();
    if (isLockedOut(this.state, now)) {
      throw new KioskError('STAFF_LOCKED_OUT', 'Too many wrong PINs. Try again later.', {
        lockedUntil: new Date(this.state.lockedUntilMs ?? now).toISOString(),
      });
    }
    const correct = await this.deps.verifyPin(pin, this.deps.pinHash);
    this.state = applyPinAttempt(this.state, correct, this.deps.rules, now);
    this.deps.logger.info(correct ? 'staff.unlocked' : 'staff.pin_rejected', {
      attemptsLeft: attemptsLeft(this.state, this.deps.rules, now),
    });
    if (!correct) {
      const status = this.status();
      if (status.lockedUntil) {
        throw new KioskError('STAFF_LOCKED_OUT', 'Too many wrong PINs. Try again later.', {
          lockedUntil: status.lockedUntil,
        });
      }
      throw new KioskError('STAFF_PIN_INVALID', 'Wrong PIN.', { attemptsLeft: status.attemptsLeft });
    }
    return this.status();
  }

  lock(): StaffStatus {
    this.state = { ...this.state, unlocked: false };
    return this.status();
  }
}
