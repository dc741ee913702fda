import { afterEach, describe, expect, it, vi } from 'vitest';
import { SyncScheduler } from '../../../../electron/adapters/catalog/sync-scheduler';

describe('SyncScheduler', () => {
  afterEach(() => vi.useRealTimers());

  it('syncs at start, then every interval, backing off after failures', async () => {
    vi.useFakeTimers({ now: 0 });
    let failures = 0;
    const runs: number[] = [];
    const scheduler = new SyncScheduler({
      intervalMin: 15,
      random: () => 0.5,
      failures: () => failures,
      run: async () => {
        runs.push(Date.now());
        if (runs.length === 2) {
          failures = 1;
          throw new Error('offline');
        }
        failures = 0;
      },
    });
    scheduler.start(0);
    expect(scheduler.nextAt()?.getTime()).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toEqual([0]);
    expect(scheduler.nextAt()?.getTime()).toBe(15 * 60_000);
    await vi.advanceTimersByTimeAsync(15 * 60_000);
    expect(runs).toEqual([0, 15 * 60_000]);
    // After the failure: a retry 30 s (+5 % jitter) later, not a full interval.
    expect(scheduler.nextAt()?.getTime()).toBe(15 * 60_000 + 31_500);
    await vi.advanceTimersByTimeAsync(31_500);
    expect(runs).toHaveLength(3);
    scheduler.stop();
    expect(scheduler.nextAt()).toBeNull();
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(runs).toHaveLength(3);
  });
});
