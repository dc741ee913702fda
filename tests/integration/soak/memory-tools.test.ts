/**
 * The tools the soak bench and the leak hunt rely on, checked against known answers: a slope fitted
 * to points on a known line, and a heap snapshot diff that must find objects a test leaks on purpose
 * and name what holds them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { leastSquaresSlope, settledSample } from '../../support/memory-slope';
import { readHeapSnapshot } from '../../support/heap-snapshot-graph';

describe('least-squares slope', () => {
  it('recovers a known line exactly, and its noise as the standard error', () => {
    const xs = Array.from({ length: 31 }, (_, i) => i * 10);
    expect(
      leastSquaresSlope(
        xs,
        xs.map((x) => 7_000 + 512 * x),
      ),
    ).toEqual({
      perSession: 512,
      stderr: 0,
      samples: 31,
    });
    // ±40 KB alternating noise on a flat line: the slope stays near zero, the error says how near.
    const noisy = leastSquaresSlope(
      xs,
      xs.map((_, i) => 7_000_000 + (i % 2 ? 40_000 : -40_000)),
    );
    expect(Math.abs(noisy.perSession)).toBeLessThan(200);
    expect(noisy.stderr).toBeGreaterThan(0);
  });

  it('refuses what is not a slope', () => {
    expect(() => leastSquaresSlope([1, 2], [1, 2])).toThrow(/at least 3/);
    expect(() => leastSquaresSlope([5, 5, 5], [1, 2, 3])).toThrow(/more than one x/);
  });
});

class LeakProbe {
  constructor(readonly id: number) {}
}

describe('heap snapshot diff', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kiosk-heap-'));
  const holder = { probes: new Map<number, LeakProbe>() };
  (globalThis as { leakProbeHolder?: unknown }).leakProbeHolder = holder;
  afterAll(() => {
    delete (globalThis as { leakProbeHolder?: unknown }).leakProbeHolder;
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts the objects added between two snapshots and names what holds them', () => {
    for (let i = 0; i < 100; i++) holder.probes.set(i, new LeakProbe(i));
    settledSample(0);
    const earlier = readHeapSnapshot(writeHeapSnapshot(path.join(dir, 'a.heapsnapshot')));
    for (let i = 100; i < 1100; i++) holder.probes.set(i, new LeakProbe(i));
    settledSample(0);
    const later = readHeapSnapshot(writeHeapSnapshot(path.join(dir, 'b.heapsnapshot')));

    const count = (t: ReturnType<typeof later.tally>) => t.find((c) => c.key === 'object LeakProbe')?.count;
    expect(count(earlier.tally())).toBe(100);
    expect(count(later.tally())).toBe(1100);
    // A probe is at least a header and one field; the Map's table grows with them.
    expect(later.jsObjectBytes() - earlier.jsObjectBytes()).toBeGreaterThan(1000 * 16);
    const [main, ...rest] = later.retainerChains('object LeakProbe', earlier.ids, 4);
    expect(rest).toEqual([]);
    expect(main?.count).toBe(1000);
    expect(main?.steps.slice(-3)).toEqual([
      '.probes → object Map',
      '.table → array',
      '[] → object LeakProbe',
    ]);
  }, 120_000);
});
