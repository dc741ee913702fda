import { describe, expect, it } from 'vitest';
import {
  classifyUpdateError,
  decideInstall,
  INSTALL_QUIET_MS,
  nextCheckDelayMs,
  SESSION_RECHECK_MS,
  UPDATE_BACKOFF,
} from '../../../../electron/core/fleet/update-policy';
import { parseClockTime } from '../../../../electron/core/fleet/maintenance-window';

const HOUR = 3_600_000;
const base = {
  downloaded: true,
  window: { start: '02:00', end: '05:00' },
  minuteOfDay: parseClockTime('03:00'),
  sessionActive: false,
  msSinceLastSession: null,
};

describe('check schedule and backoff', () => {
  it('uses the normal interval when nothing failed', () => {
    expect(nextCheckDelayMs(0, 4 * HOUR)).toBe(4 * HOUR);
  });

  it('backs off 1, 2, 4, 8 minutes after consecutive failures', () => {
    expect([1, 2, 3, 4].map((n) => nextCheckDelayMs(n, 4 * HOUR))).toEqual([
      60_000, 120_000, 240_000, 480_000,
    ]);
  });

  it('never waits longer than the interval or the cap', () => {
    expect(nextCheckDelayMs(20, 4 * HOUR)).toBe(4 * HOUR);
    expect(nextCheckDelayMs(30, 48 * HOUR)).toBe(UPDATE_BACKOFF.maxMs);
  });
});

describe('install decision', () => {
  it('installs inside the window with no shopper around', () => {
    expect(decideInstall(base)).toEqual({ install: true });
  });

  it('does nothing without a downloaded update', () => {
    expect(decideInstall({ ...base, downloaded: false })).toMatchObject({
      install: false,
      reason: 'nothing_downloaded',
    });
  });

  it('waits for the window to open, and says how long that is', () => {
    const d = decideInstall({ ...base, minuteOfDay: parseClockTime('23:00') });
    expect(d).toEqual({ install: false, reason: 'outside_window', retryInMs: 3 * HOUR });
  });

  it('installs after midnight in a window that crosses it', () => {
    const window = { start: '23:00', end: '01:30' };
    expect(decideInstall({ ...base, window, minuteOfDay: parseClockTime('00:45') })).toEqual({
      install: true,
    });
    expect(decideInstall({ ...base, window, minuteOfDay: parseClockTime('01:30') })).toMatchObject({
      install: false,
      reason: 'outside_window',
      retryInMs: (21 * 60 + 30) * 60_000,
    });
  });

  it('never installs during a shopper session', () => {
    expect(decideInstall({ ...base, sessionActive: true })).toEqual({
      install: false,
      reason: 'session_active',
      retryInMs: SESSION_RECHECK_MS,
    });
  });

  it('waits a quiet period after the last session ended', () => {
    expect(decideInstall({ ...base, msSinceLastSession: 30_000 })).toEqual({
      install: false,
      reason: 'recent_session',
      retryInMs: INSTALL_QUIET_MS - 30_000,
    });
    expect(decideInstall({ ...base, msSinceLastSession: INSTALL_QUIET_MS })).toEqual({ install: true });
  });
});

describe('update error classification', () => {
  it('recognises checksum and signature failures as refusals', () => {
    expect(
      classifyUpdateError({ code: 'ERR_CHECKSUM_MISMATCH', message: 'sha512 checksum mismatch, expected …' }),
    ).toMatchObject({
      kind: 'checksum',
      code: 'ERR_CHECKSUM_MISMATCH',
    });
    expect(classifyUpdateError({ code: 'ERR_UPDATER_INVALID_SIGNATURE' }).kind).toBe('signature');
  });

  it('separates network trouble from a broken feed', () => {
    expect(classifyUpdateError({ code: 'ECONNREFUSED' }).kind).toBe('network');
    expect(classifyUpdateError({ statusCode: 503 })).toMatchObject({ kind: 'network', code: 'HTTP_503' });
    expect(
      classifyUpdateError({ code: 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND', message: 'Cannot find channel' })
        .kind,
    ).toBe('feed');
    expect(classifyUpdateError({ statusCode: 403 }).kind).toBe('feed');
  });

  it('keeps only a short first line of an unknown error', () => {
    const c = classifyUpdateError({ message: `boom\n${'at x\n'.repeat(50)}` });
    expect(c).toEqual({ kind: 'other', code: 'UNKNOWN', message: 'boom' });
  });
});
