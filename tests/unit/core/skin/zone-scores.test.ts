import { describe, expect, it } from 'vitest';
import { scoreMetrics } from '../../../../electron/core/skin/metric-scoring';
import { zoneMetricScores } from '../../../../electron/core/skin/zone-scores';
import { zoneQualities } from '../../../../electron/core/skin/zone-quality';
import { allOf, evenFace } from './zone-stats-fixtures';

const scoresOf = (outputs: ReturnType<typeof evenFace>) => zoneMetricScores(outputs, zoneQualities(outputs));

describe('per-zone metric scores (the results overlay)', () => {
  it('equal the face score on every zone when all zones are alike', () => {
    const face = evenFace(
      allOf(['forehead', 'left_cheek', 'right_cheek', 'nose', 'chin'], { spotArea: 0.09, shine: 0.05 }),
    );
    const q = zoneQualities(face);
    const faceScores = new Map(scoreMetrics(face, q).map((m) => [m.key, m.score]));
    const zones = zoneMetricScores(face, q);
    for (const zone of ['forehead', 'left_cheek', 'right_cheek', 'chin'] as const)
      expect(zones[zone].darkSpots).toBeCloseTo(faceScores.get('darkSpots') ?? NaN, 6);
    // Shine blends T- and U-zone; each zone alone gives the same value when all are alike.
    expect(zones.nose.shine).toBeCloseTo(faceScores.get('shine') ?? NaN, 6);
  });

  it('light the zone where a feature really is, stronger than the clean zones', () => {
    const zones = scoresOf(evenFace({ left_cheek: { spotArea: 0.4 } }));
    const left = zones.left_cheek.darkSpots ?? 0;
    expect(left).toBeGreaterThan(60);
    for (const other of ['forehead', 'right_cheek', 'chin'] as const)
      expect(zones[other].darkSpots ?? 100).toBeLessThan(left / 2);
    // A metric is only drawn on its own zones: dark spots are not measured on the nose.
    expect(zones.nose.darkSpots).toBeUndefined();
  });

  it('score dark circles per eye against that side’s cheek, and not on the cheeks', () => {
    const zones = scoresOf(evenFace({ under_eye_left: { toneL: 54, L: 54 } }));
    expect(zones.under_eye_left.darkCircles ?? 0).toBeGreaterThan(zones.under_eye_right.darkCircles ?? 0);
    expect(zones.left_cheek.darkCircles).toBeUndefined();
  });

  it('leave out a zone that could not be measured (hidden, cut off)', () => {
    const zones = scoresOf(evenFace({ forehead: { areaPx: 0 } }));
    expect(zones.forehead).toEqual({});
    expect(Object.keys(zones.chin).length).toBeGreaterThan(0);
  });
});
