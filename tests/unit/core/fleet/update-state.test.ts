import { describe, expect, it } from 'vitest';
import {
  initialUpdateState,
  reduceUpdateState,
  type UpdateEvent,
} from '../../../../electron/core/fleet/update-state';
import { UpdateState } from '../../../../electron/shared/schemas/system-schemas';

const window = { start: '02:00', end: '05:00' };
const run = (events: UpdateEvent[]) =>
  events.reduce(reduceUpdateState, initialUpdateState('latest', window, true));

describe('update state', () => {
  it('starts idle with the window shown, or disabled without an update URL', () => {
    expect(initialUpdateState('beta', window, true)).toMatchObject({
      channel: 'beta',
      phase: 'idle',
      window: '02:00–05:00',
    });
    const disabled = initialUpdateState('latest', window, false);
    expect(reduceUpdateState(disabled, { type: 'check-started', at: 'x' })).toBe(disabled);
  });

  it('walks check → download with progress → downloaded, each state valid for the contract', () => {
    const states: UpdateState[] = [];
    const events: UpdateEvent[] = [
      { type: 'check-started', at: '2026-01-01T03:00:00.000Z' },
      { type: 'available', version: '0.2.0' },
      { type: 'progress', percent: 42.345 },
      { type: 'downloaded', version: '0.2.0' },
      { type: 'installing' },
    ];
    events.reduce(
      (s, e) => {
        const next = reduceUpdateState(s, e);
        states.push(next);
        return next;
      },
      initialUpdateState('latest', window, true),
    );
    expect(states.map((s) => s.phase)).toEqual([
      'checking',
      'downloading',
      'downloading',
      'downloaded',
      'installing',
    ]);
    expect(states[2]?.progressPercent).toBe(42.3);
    expect(states[3]).toMatchObject({
      availableVersion: '0.2.0',
      progressPercent: 100,
      lastCheckAt: '2026-01-01T03:00:00.000Z',
    });
    for (const s of states) expect(UpdateState.safeParse(s).success).toBe(true);
  });

  it('records a failure with its message and clears it on the next good check', () => {
    const failed = run([
      { type: 'check-started', at: 't' },
      { type: 'failed', message: 'Update server unreachable' },
    ]);
    expect(failed).toMatchObject({
      phase: 'error',
      lastError: 'Update server unreachable',
      progressPercent: null,
    });
    const healed = reduceUpdateState(reduceUpdateState(failed, { type: 'check-started', at: 't2' }), {
      type: 'not-available',
    });
    expect(healed).toMatchObject({ phase: 'idle', lastError: null });
  });

  it('keeps a downloaded update when a later check fails', () => {
    const s = run([
      { type: 'available', version: '0.2.0' },
      { type: 'downloaded', version: '0.2.0' },
      { type: 'check-started', at: 't' },
      { type: 'failed', message: 'offline' },
    ]);
    expect(s).toMatchObject({ phase: 'downloaded', availableVersion: '0.2.0', lastError: 'offline' });
  });

  it('ignores progress outside a download and clamps it', () => {
    expect(run([{ type: 'progress', percent: 50 }]).progressPercent).toBeNull();
    expect(
      run([
        { type: 'available', version: '1.0.0' },
        { type: 'progress', percent: 140 },
      ]).progressPercent,
    ).toBe(100);
  });
});
