import { describe, expect, it } from 'vitest';
import {
  CRASH_RELAUNCH_LIMIT,
  decideCrashRelaunch,
} from '../../../../electron/core/fleet/crash-relaunch-policy';

const MIN = 60_000;

describe('crash relaunch policy', () => {
  it('relaunches after an occasional crash', () => {
    expect(decideCrashRelaunch([], 1_000)).toEqual({ relaunch: true, history: [1_000] });
  });

  it('stops relaunching after too many crashes in the window', () => {
    let history: number[] = [];
    const decisions: boolean[] = [];
    for (let i = 0; i < CRASH_RELAUNCH_LIMIT.max + 1; i++) {
      const d = decideCrashRelaunch(history, 100 * MIN + i * 30_000);
      history = d.history;
      decisions.push(d.relaunch);
    }
    expect(decisions).toEqual([true, true, true, true, true, false]);
  });

  it('forgets crashes older than the window, and junk in the history file', () => {
    const now = 100 * MIN;
    const old = [now - 11 * MIN, now - 10 * MIN - 1, Number.NaN, now + MIN];
    const d = decideCrashRelaunch([...old, now - 9 * MIN, now - MIN, now - 2, now - 1], now);
    expect(d).toEqual({ relaunch: true, history: [now - 9 * MIN, now - MIN, now - 2, now - 1, now] });
  });
});
