import { KioskError } from '../../shared/result';

/** A daily local-time window, `HH:MM` each end; `start > end` means it crosses midnight. */
export interface MaintenanceWindow {
  start: string;
  end: string;
}

const MINUTES_PER_DAY = 24 * 60;

/** Minutes after local midnight for `HH:MM` (24 h). */
export function parseClockTime(hhmm: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!match) throw new KioskError('CONFIG_INVALID', `Not a 24-hour HH:MM time: "${hhmm}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Minutes after local midnight of a moment, in the machine's time zone (kiosks run on store time). */
export function localMinuteOfDay(at: Date): number {
  return at.getHours() * 60 + at.getMinutes();
}

/**
 * Whether a local minute of the day falls in the window: `[start, end)`. A window whose start is
 * later than its end wraps past midnight (22:00–03:00 covers 23:30 and 01:00). Equal ends mean the
 * whole day; config validation rejects that, so it only happens when a caller asks for it.
 */
export function isInsideWindow(window: MaintenanceWindow, minuteOfDay: number): boolean {
  const start = parseClockTime(window.start);
  const end = parseClockTime(window.end);
  const m = ((minuteOfDay % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  if (start === end) return true;
  return start < end ? m >= start && m < end : m >= start || m < end;
}

/** Whole minutes from `minuteOfDay` until the window next opens; 0 when it is open now. */
export function minutesUntilWindowOpens(window: MaintenanceWindow, minuteOfDay: number): number {
  if (isInsideWindow(window, minuteOfDay)) return 0;
  const start = parseClockTime(window.start);
  const m = ((minuteOfDay % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return (start - m + MINUTES_PER_DAY) % MINUTES_PER_DAY;
}

/** Length of the window in minutes (1440 for a whole-day window). */
export function windowLengthMinutes(window: MaintenanceWindow): number {
  const start = parseClockTime(window.start);
  const end = parseClockTime(window.end);
  return start === end ? MINUTES_PER_DAY : (end - start + MINUTES_PER_DAY) % MINUTES_PER_DAY;
}

/** `02:00–05:00`, the form the staff screen and update state show. */
export function formatWindow(window: MaintenanceWindow): string {
  return `${window.start}–${window.end}`;
}
