import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CaptureTrigger } from '../../../renderer/src/lib/capture-trigger.svelte';

let clock = 0;
let captures = 0;
let trigger: CaptureTrigger;

beforeEach(() => {
  vi.useFakeTimers();
  clock = 0;
  captures = 0;
  trigger = new CaptureTrigger({
    holdMs: 1000,
    countdownS: 3,
    onCapture: () => captures++,
    now: () => clock,
  });
});
afterEach(() => {
  trigger.stop();
  vi.useRealTimers();
});

/** Guidance reports every 100 ms for `ms`, each ready or not, as the capture screen sends them. */
function reports(ms: number, ready: boolean | ((t: number) => boolean)): void {
  for (let t = 0; t < ms; t += 100) {
    trigger.report(typeof ready === 'function' ? ready(t) : ready);
    clock += 100;
    vi.advanceTimersByTime(100);
  }
}

describe('CaptureTrigger', () => {
  it('counts down by itself after a second of ready frames and captures once', () => {
    reports(900, true);
    expect(trigger.countdown).toBeNull();
    reports(200, true);
    expect(trigger.countdown).toBe(3);
    reports(3000, true);
    expect(captures).toBe(1);
  });

  it('keeps Take unavailable while no frame is ready: pressing it starts nothing, nothing is captured', () => {
    reports(5000, false);
    expect(trigger.ready).toBe(false);
    expect(trigger.take()).toBe(false);
    expect(trigger.countdown).toBeNull();
    reports(5000, false);
    expect(captures).toBe(0);
  });

  it('starts at once on Take with a ready frame', () => {
    reports(100, true);
    expect(trigger.take()).toBe(true);
    expect(trigger.countdown).toBe(3);
    expect(trigger.take()).toBe(false);
    reports(3000, true);
    expect(captures).toBe(1);
  });

  it('stops a Take countdown when a frame fails a check, and does not capture', () => {
    reports(100, true);
    trigger.take();
    reports(3000, (t) => t < 1500);
    expect(trigger.countdown).toBeNull();
    expect(captures).toBe(0);
  });

  it('does not capture when the last frame before the shutter fails, even in the last second', () => {
    reports(1100, true);
    expect(trigger.countdown).toBe(3);
    // Ready throughout the countdown except the very last report before the shutter (100 ms before).
    reports(2800, true);
    trigger.report(false);
    clock += 100;
    vi.advanceTimersByTime(100);
    expect(captures).toBe(0);
    expect(trigger.countdown).toBeNull();
  });

  it('needs a fresh second of ready frames after a failing one before counting down again', () => {
    reports(800, true);
    reports(100, false);
    reports(800, true);
    expect(trigger.countdown).toBeNull();
    reports(300, true);
    expect(trigger.countdown).toBe(3);
  });
});
