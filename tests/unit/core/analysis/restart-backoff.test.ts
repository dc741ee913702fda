import { describe, expect, it } from 'vitest';
import { DEFAULT_RESTART_BACKOFF, restartDelayMs } from '../../../../electron/core/analysis/restart-backoff';

describe('restartDelayMs', () => {
  it('restarts quickly after the first crash and doubles for each crash in a row', () => {
    expect([1, 2, 3, 4, 5].map((n) => restartDelayMs(n))).toEqual([250, 500, 1000, 2000, 4000]);
  });

  it('never waits longer than the ceiling, however many crashes', () => {
    expect(restartDelayMs(8)).toBe(30_000);
    expect(restartDelayMs(1_000)).toBe(DEFAULT_RESTART_BACKOFF.maxMs);
    expect(Number.isFinite(restartDelayMs(Number.MAX_SAFE_INTEGER))).toBe(true);
  });

  it('treats a count below one as the first crash', () => {
    expect(restartDelayMs(0)).toBe(250);
    expect(restartDelayMs(-3)).toBe(250);
    expect(restartDelayMs(Number.NaN, { initialMs: 10, factor: 3, maxMs: 100 })).toBe(10);
  });
});
