import { describe, expect, it } from 'vitest';
import {
  decodeZoneStats,
  SKIN_METRICS_SHAPES,
  SKIN_ZONES,
  T_ZONE,
  U_ZONE,
  ZONE_FEATURE_COUNT,
  ZONE_FEATURES,
} from '../../../../electron/core/skin/skin-metrics-io';
import { KioskError } from '../../../../electron/shared/result';

describe('skin-metrics I/O contract', () => {
  it('decodes zone rows in SKIN_ZONES order and columns in ZONE_FEATURES order', () => {
    const data = Float32Array.from({ length: SKIN_ZONES.length * ZONE_FEATURE_COUNT }, (_, i) => i);
    const rows = decodeZoneStats(data);
    expect(rows.forehead.areaPx).toBe(0);
    expect(rows.left_cheek.areaPx).toBe(ZONE_FEATURE_COUNT);
    expect(rows.under_eye_right.ridge135).toBe(data.length - 1);
    expect(Object.keys(rows.nose)).toEqual([...ZONE_FEATURES]);
    expect(SKIN_METRICS_SHAPES.zoneStats).toEqual([1, 7, ZONE_FEATURE_COUNT]);
  });

  it('refuses output of the wrong size as a model mismatch', () => {
    try {
      decodeZoneStats(new Float32Array(10));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(KioskError);
      expect((error as KioskError).code).toBe('MODEL_UNAVAILABLE');
    }
  });

  it('splits the face into disjoint T- and U-zones', () => {
    expect(T_ZONE.filter((z) => U_ZONE.includes(z))).toEqual([]);
    for (const z of [...T_ZONE, ...U_ZONE]) expect(SKIN_ZONES).toContain(z);
  });
});
