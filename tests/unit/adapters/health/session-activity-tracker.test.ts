import { describe, expect, it } from 'vitest';
import {
  SessionActivityTracker,
  type SessionSource,
} from '../../../../electron/adapters/health/session-activity-tracker';

type Listener = Parameters<SessionSource['onSessionChange']>[0];
class FakeSessions implements SessionSource {
  active = false;
  listeners = new Set<Listener>();
  isActive() {
    return this.active;
  }
  onSessionChange(l: Listener) {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  start() {
    this.active = true;
    for (const l of this.listeners) l({ type: 'start' });
  }
  end(reason: string) {
    this.active = false;
    for (const l of this.listeners) l({ type: 'end', reason });
  }
}

describe('session activity tracker', () => {
  it('knows whether a shopper is there and how long ago the last one left', () => {
    let now = 1_000;
    const seen: string[] = [];
    const tracker = new SessionActivityTracker(
      () => now,
      (e) => seen.push(e.type === 'end' ? `end:${e.reason}` : 'start'),
    );
    const sessions = new FakeSessions();
    expect(tracker.isActive()).toBe(false);
    tracker.bind(sessions);
    expect(tracker.msSinceLastSession()).toBeNull();
    sessions.start();
    expect(tracker.isActive()).toBe(true);
    now = 5_000;
    sessions.end('completed');
    now = 8_000;
    expect(tracker.msSinceLastSession()).toBe(3_000);
    // A reset with no session running is not a session ending.
    sessions.end('error');
    expect(tracker.msSinceLastSession()).toBe(3_000);
    expect(seen).toEqual(['start', 'end:completed']);
    tracker.dispose();
    expect(sessions.listeners.size).toBe(0);
  });
});
