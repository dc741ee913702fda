import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../../electron/adapters/payments/system-clock-adapter';

describe('payment clock', () => {
  const warnings: Error[] = [];
  const onWarning = (w: Error) => warnings.push(w);
  afterEach(() => {
    process.off('warning', onWarning);
    warnings.length = 0;
  });

  it('leaves no listener on the run signal after sleeps that end on their own', async () => {
    process.on('warning', onWarning);
    const run = new AbortController();
    // A payment polls the reader every half second on one signal for up to two minutes.
    for (let poll = 0; poll < 25; poll++) await systemClock.sleep(1, run.signal);
    expect(getEventListeners(run.signal, 'abort')).toHaveLength(0);
    await new Promise((r) => setImmediate(r));
    expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
  });

  it('still wakes at once when the run is aborted, and not at all late', async () => {
    const run = new AbortController();
    const started = Date.now();
    const sleeping = systemClock.sleep(60_000, run.signal);
    run.abort();
    await sleeping;
    expect(Date.now() - started).toBeLessThan(1000);
    expect(getEventListeners(run.signal, 'abort')).toHaveLength(0);
    // Already aborted: no timer, no listener.
    await systemClock.sleep(60_000, run.signal);
    expect(getEventListeners(run.signal, 'abort')).toHaveLength(0);
  });

  it('sleeps its time without a signal', async () => {
    const started = Date.now();
    await systemClock.sleep(20);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });
});
