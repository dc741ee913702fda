import { describe, expect, it } from 'vitest';
import type { SignedManifest } from '../../../../electron/core/catalog/feed-manifest';
import { MIN_RETRY_MS, chooseSyncPlan, nextSyncDelayMs } from '../../../../electron/core/catalog/sync-policy';
import { KioskError } from '../../../../electron/shared/result';

const sha = 'a'.repeat(64);
function manifest(
  overrides: Partial<SignedManifest['signed']> = {},
  keyId = '0123456789abcdef',
): SignedManifest {
  return {
    keyId,
    signature: 'AAAA',
    signed: {
      format: 1,
      version: '5.0000000e',
      sequence: 5,
      createdAt: '2025-01-01T00:00:00.000Z',
      source: 'feed.xml',
      schemaVersion: 1,
      rowCount: 10,
      snapshot: { path: `snapshots/${sha}.sqlite.gz`, sha256: sha, bytes: 100 },
      deltas: [
        {
          path: `deltas/${sha}.json.gz`,
          sha256: sha,
          bytes: 10,
          fromVersion: '4.0000000d',
          upserts: 1,
          removes: 0,
        },
      ],
      rejected: [],
      ...overrides,
    },
  };
}
const installed = (version: string, sequence: number, keyId: string | null = '0123456789abcdef') => ({
  version,
  sequence,
  keyId,
});

describe('chooseSyncPlan', () => {
  it('does nothing for the installed version, takes the matching delta, else the snapshot', () => {
    expect(chooseSyncPlan(manifest(), installed('5.0000000e', 5), 1)).toEqual({ kind: 'unchanged' });
    expect(chooseSyncPlan(manifest(), installed('4.0000000d', 4), 1)).toMatchObject({
      kind: 'delta',
      delta: { fromVersion: '4.0000000d' },
    });
    expect(chooseSyncPlan(manifest(), installed('3.0000000c', 3), 1)).toEqual({ kind: 'snapshot' });
    expect(chooseSyncPlan(manifest(), null, 1)).toEqual({ kind: 'snapshot' });
    expect(chooseSyncPlan(manifest(), installed('5.0000000e', 5, 'ffffffffffffffff'), 1)).toEqual({
      kind: 'snapshot',
    });
  });

  it('refuses to roll back to an older sequence signed by the same key, but accepts a new key', () => {
    const error = (() => {
      try {
        chooseSyncPlan(manifest(), installed('6.0000000f', 6), 1);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(KioskError);
    expect((error as KioskError).code).toBe('FEED_MALFORMED');
    expect(chooseSyncPlan(manifest(), installed('9.00000001', 9, 'ffffffffffffffff'), 1)).toEqual({
      kind: 'snapshot',
    });
  });

  it('refuses other content under the installed sequence from the same key, but not from another key', () => {
    const swapped = manifest({ version: '5.deadbeef' });
    expect(() => chooseSyncPlan(swapped, installed('5.0000000e', 5), 1)).toThrow(KioskError);
    expect(() => chooseSyncPlan(swapped, installed('5.0000000e', 5), 1)).toThrow(/same sequence/);
    expect(chooseSyncPlan(swapped, installed('5.0000000e', 5, 'ffffffffffffffff'), 1)).toEqual({
      kind: 'snapshot',
    });
    expect(chooseSyncPlan(swapped, installed('4.0000000d', 4), 1).kind).toBe('delta');
  });

  it('refuses feeds built for a newer kiosk, but still applies a delta from them', () => {
    expect(() => chooseSyncPlan(manifest({ format: 2 }), null, 1)).toThrow(/newer than this kiosk/);
    expect(() => chooseSyncPlan(manifest({ schemaVersion: 3 }), installed('1.00000001', 1), 2)).toThrow(
      /newer kiosk/,
    );
    expect(chooseSyncPlan(manifest({ schemaVersion: 3 }), installed('4.0000000d', 4), 2).kind).toBe('delta');
  });
});

describe('nextSyncDelayMs', () => {
  it('waits the interval within ±10 % after a success', () => {
    expect(nextSyncDelayMs(15, 0, 0.5)).toBe(15 * 60_000);
    expect(nextSyncDelayMs(15, 0, 0)).toBe(0.9 * 15 * 60_000);
    expect(nextSyncDelayMs(15, 0, 0.999999)).toBeLessThanOrEqual(1.1 * 15 * 60_000);
  });

  it('backs off from 30 s after failures, never below 30 s nor beyond the interval', () => {
    const delays = [1, 2, 3, 4, 5, 10, 50].map((failures) => nextSyncDelayMs(15, failures, 0));
    expect(delays[0]).toBe(MIN_RETRY_MS);
    expect(delays[1]).toBe(2 * MIN_RETRY_MS);
    expect(delays[2]).toBe(4 * MIN_RETRY_MS);
    expect(delays.every((d) => d >= MIN_RETRY_MS && d <= 15 * 60_000 * 1.1)).toBe(true);
    expect(delays.at(-1)).toBe(15 * 60_000);
  });
});
