import { describe, expect, it } from 'vitest';
import {
  PushBuffer,
  type BufferedSnapshot,
  type DropReason,
} from '../../../../electron/core/fleet/push-buffer';

const snap = (atMs: number, size = 100): BufferedSnapshot => ({
  atMs,
  bytes: new Uint8Array(size),
  series: 10,
});

function buffer(windowMs: number, maxBytes: number) {
  const drops: [number, DropReason][] = [];
  const b = new PushBuffer({ windowMs, maxBytes }, (s, reason) => drops.push([s.atMs, reason]));
  return { b, drops };
}

describe('push buffer', () => {
  it('keeps snapshots oldest first and hands them out in order, within count and bytes', () => {
    const { b } = buffer(60_000, 10_000);
    for (let t = 1; t <= 5; t++) b.push(snap(t * 1000), t * 1000);
    expect(b.peek(3).map((s) => s.atMs)).toEqual([1000, 2000, 3000]);
    expect(b.peek(10, 250).map((s) => s.atMs)).toEqual([1000, 2000]);
    // One snapshot bigger than the byte limit still goes out alone rather than never.
    expect(b.peek(10, 50).map((s) => s.atMs)).toEqual([1000]);
    expect(b.length).toBe(5);
    expect(b.bytes).toBe(500);
  });

  it('drops the oldest beyond the window, never the newest', () => {
    const { b, drops } = buffer(3000, 1e9);
    for (let t = 0; t <= 10; t++) b.push(snap(t * 1000), t * 1000);
    expect(b.oldestAtMs).toBe(7000);
    expect(b.length).toBe(4);
    expect(drops.map(([at]) => at)).toEqual([0, 1000, 2000, 3000, 4000, 5000, 6000]);
    expect(drops.every(([, r]) => r === 'window')).toBe(true);
  });

  it('stays under its memory cap however long the receiver is away', () => {
    const { b, drops } = buffer(Infinity, 1000);
    for (let t = 0; t < 10_000; t++) b.push(snap(t, 100), t);
    expect(b.bytes).toBeLessThanOrEqual(1000);
    expect(b.length).toBe(10);
    expect(b.oldestAtMs).toBe(9990);
    expect(drops).toHaveLength(9990);
    expect(drops[0]).toEqual([0, 'memory']);
    // A single snapshot larger than the cap is kept: it is the only current state there is.
    const { b: tiny } = buffer(Infinity, 10);
    tiny.push(snap(1, 100), 1);
    expect(tiny.length).toBe(1);
  });

  it('removes a sent batch even when trimming and new snapshots happened while it was in flight', () => {
    const { b } = buffer(3000, 1e9);
    for (let t = 0; t < 3; t++) b.push(snap(t * 1000), t * 1000);
    const batch = b.peek(10);
    expect(batch).toHaveLength(3);
    // While the request runs: time passes, the oldest falls out of the window, a new one arrives.
    b.push(snap(3500), 3500);
    expect(b.oldestAtMs).toBe(1000);
    b.remove(batch);
    expect(b.length).toBe(1);
    expect(b.oldestAtMs).toBe(3500);
    // Removing the same batch twice changes nothing.
    b.remove(batch);
    expect(b.length).toBe(1);
    expect(b.bytes).toBe(100);
  });
});
