import { describe, expect, it } from 'vitest';
import {
  isInRollout,
  parseStagingPercentage,
  rolloutBucket,
} from '../../../../electron/core/fleet/staged-rollout';

const fleet = Array.from({ length: 2000 }, (_, i) => ({ store: `store-${i % 40}`, kiosk: `kiosk-${i}` }));

describe('staged rollout', () => {
  it('gives each kiosk a stable bucket in [0, 100)', () => {
    const b = rolloutBucket('store-7', 'kiosk-3');
    expect(b).toBeGreaterThanOrEqual(0);
    expect(b).toBeLessThan(100);
    expect(rolloutBucket('store-7', 'kiosk-3')).toBe(b);
    expect(rolloutBucket('store-7', 'kiosk-4')).not.toBe(b);
  });

  it('lets about the staged share of a fleet through', () => {
    for (const pct of [10, 25, 50, 90]) {
      const inside = fleet.filter((k) => isInRollout(k.store, k.kiosk, pct)).length / fleet.length;
      expect(Math.abs(inside - pct / 100)).toBeLessThan(0.04);
    }
  });

  it('widening a rollout only adds kiosks, never drops one that already had it', () => {
    const at20 = fleet.filter((k) => isInRollout(k.store, k.kiosk, 20));
    expect(at20.every((k) => isInRollout(k.store, k.kiosk, 60))).toBe(true);
  });

  it('0 % lets nobody through, 100 % and no percentage let everyone through', () => {
    expect(fleet.some((k) => isInRollout(k.store, k.kiosk, 0))).toBe(false);
    expect(fleet.every((k) => isInRollout(k.store, k.kiosk, 100))).toBe(true);
    expect(fleet.every((k) => isInRollout(k.store, k.kiosk, undefined))).toBe(true);
  });

  it('reads percentages as electron-updater publishes them', () => {
    expect(parseStagingPercentage('30')).toBe(30);
    expect(parseStagingPercentage(12.5)).toBe(12.5);
    expect(parseStagingPercentage(150)).toBe(100);
    expect(parseStagingPercentage(-5)).toBe(0);
    expect(parseStagingPercentage('abc')).toBeNull();
    expect(parseStagingPercentage(null)).toBeNull();
  });
});
