import { describe, expect, it } from 'vitest';
import {
  formatWindow,
  isInsideWindow,
  localMinuteOfDay,
  minutesUntilWindowOpens,
  parseClockTime,
  windowLengthMinutes,
} from '../../../../electron/core/fleet/maintenance-window';
import { KioskError } from '../../../../electron/shared/result';

const at = (hhmm: string) => parseClockTime(hhmm);

describe('maintenance window', () => {
  it('parses HH:MM and rejects anything else with CONFIG_INVALID', () => {
    expect(parseClockTime('00:00')).toBe(0);
    expect(parseClockTime('23:59')).toBe(1439);
    for (const bad of ['24:00', '2:00', '02:60', '0200', '']) {
      expect(() => parseClockTime(bad)).toThrow(KioskError);
    }
  });

  it('a same-day window is [start, end)', () => {
    const w = { start: '02:00', end: '05:00' };
    expect(isInsideWindow(w, at('01:59'))).toBe(false);
    expect(isInsideWindow(w, at('02:00'))).toBe(true);
    expect(isInsideWindow(w, at('04:59'))).toBe(true);
    expect(isInsideWindow(w, at('05:00'))).toBe(false);
    expect(isInsideWindow(w, at('14:00'))).toBe(false);
  });

  it('a window crossing midnight covers both sides of it', () => {
    const w = { start: '22:30', end: '03:00' };
    expect(isInsideWindow(w, at('22:29'))).toBe(false);
    expect(isInsideWindow(w, at('22:30'))).toBe(true);
    expect(isInsideWindow(w, at('23:59'))).toBe(true);
    expect(isInsideWindow(w, at('00:00'))).toBe(true);
    expect(isInsideWindow(w, at('02:59'))).toBe(true);
    expect(isInsideWindow(w, at('03:00'))).toBe(false);
    expect(isInsideWindow(w, at('12:00'))).toBe(false);
    expect(windowLengthMinutes(w)).toBe(270);
  });

  it('equal ends mean the whole day', () => {
    const w = { start: '04:00', end: '04:00' };
    expect(isInsideWindow(w, at('04:00'))).toBe(true);
    expect(isInsideWindow(w, at('03:59'))).toBe(true);
    expect(windowLengthMinutes(w)).toBe(1440);
  });

  it('counts minutes until the window opens, wrapping past midnight', () => {
    expect(minutesUntilWindowOpens({ start: '02:00', end: '05:00' }, at('01:00'))).toBe(60);
    expect(minutesUntilWindowOpens({ start: '02:00', end: '05:00' }, at('05:00'))).toBe(21 * 60);
    expect(minutesUntilWindowOpens({ start: '02:00', end: '05:00' }, at('03:00'))).toBe(0);
    expect(minutesUntilWindowOpens({ start: '22:30', end: '03:00' }, at('03:00'))).toBe(19 * 60 + 30);
    expect(minutesUntilWindowOpens({ start: '22:30', end: '03:00' }, at('23:00'))).toBe(0);
  });

  it('normalises minute values outside one day', () => {
    expect(isInsideWindow({ start: '22:00', end: '02:00' }, 1440 + at('01:00'))).toBe(true);
    expect(isInsideWindow({ start: '22:00', end: '02:00' }, -60)).toBe(true);
  });

  it('reads the local clock and formats for the staff screen', () => {
    expect(localMinuteOfDay(new Date(2026, 0, 5, 3, 17))).toBe(197);
    expect(formatWindow({ start: '02:00', end: '05:00' })).toBe('02:00–05:00');
  });
});
