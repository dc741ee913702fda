import { describe, expect, it } from 'vitest';
import {
  colorDistance,
  NOMINAL_ZONE_AREA,
  pooled,
  pooledConfidence,
  ramp,
  zoneQualities,
  zoneQuality,
} from '../../../../electron/core/skin/zone-quality';
import { evenFace, evenZone } from './zone-stats-fixtures';

describe('zone quality', () => {
  it('is 1 for an even, sharp, well-lit zone of usual size', () => {
    expect(zoneQuality('forehead', evenZone('forehead')).overall).toBe(1);
  });

  it.each([
    ['small', { areaPx: 0.2 * NOMINAL_ZONE_AREA.forehead }, 'coverage'],
    ['dark', { rawLuma: 0.04 }, 'exposure'],
    ['clipped', { clipped: 0.7 }, 'clipping'],
    ['occluded', { occluded: 0.7 }, 'occlusion'],
    ['blurred', { detailEnergy: 0.1, poreEnergy: 1 }, 'sharpness'],
  ] as const)('drops to 0 for a %s zone (%s)', (_name, overrides, factor) => {
    const q = zoneQuality('forehead', evenZone('forehead', overrides));
    expect(q[factor]).toBe(0);
    expect(q.overall).toBe(0);
  });

  it('keeps the tone of deep skin that is too dark for texture (a mean colour needs less light)', () => {
    const deep = zoneQuality('forehead', evenZone('forehead', { rawLuma: 0.07 }));
    expect(deep.exposure).toBeLessThan(0.5);
    expect(deep.tone).toBe(1);
    expect(zoneQuality('forehead', evenZone('forehead', { rawLuma: 0.01 })).tone).toBe(0);
  });

  it('keeps colour trust when only sharpness is lost', () => {
    const q = zoneQuality('nose', evenZone('nose', { detailEnergy: 0.1, poreEnergy: 1 }));
    expect(q.color).toBe(1);
    expect(q.overall).toBe(0);
  });

  it('does not call a zone without any texture blurred', () => {
    expect(zoneQuality('chin', evenZone('chin', { detailEnergy: 1e-6, poreEnergy: 1e-5 })).sharpness).toBe(1);
  });

  it('scores a non-finite or empty zone 0', () => {
    expect(zoneQuality('chin', evenZone('chin', { L: Number.NaN })).overall).toBe(0);
    expect(zoneQuality('chin', evenZone('chin', { areaPx: 0 })).color).toBe(0);
  });

  it('distrusts a zone whose whole colour is unlike the rest of the face (covered by hair)', () => {
    const q = zoneQualities(evenFace({ forehead: { L: 12, a: 3, b: 5, toneL: 12, toneA: 3, toneB: 5 } }));
    expect(q.forehead.occlusion).toBe(0);
    expect(q.left_cheek.occlusion).toBe(1);
    const shaded = zoneQualities(evenFace({ under_eye_left: { L: 55, a: 10, b: 13 } }));
    expect(shaded.under_eye_left.occlusion).toBe(1);
    expect(colorDistance({ u: 0, a: 0, b: 0 }, { u: 40, a: 0, b: 0 })).toBe(1);
  });

  it('pools features by area × quality and confidence by usual area', () => {
    const outputs = evenFace({
      left_cheek: { a: 20 },
      right_cheek: { a: 10, areaPx: NOMINAL_ZONE_AREA.right_cheek * 3 },
    });
    const q = zoneQualities(outputs);
    expect(pooled(outputs, q, ['left_cheek', 'right_cheek'], 'a')).toBeCloseTo((20 + 3 * 10) / 4, 10);
    const dark = zoneQualities(evenFace({ left_cheek: { rawLuma: 0.01 } }));
    expect(pooled(evenFace({ left_cheek: { a: 99 } }), dark, ['left_cheek', 'right_cheek'], 'a')).toBe(12);
    expect(pooledConfidence(dark, ['left_cheek', 'right_cheek'])).toBeCloseTo(0.5, 10);
    expect(pooled(outputs, dark, ['left_cheek'], 'a')).toBeNaN();
  });

  it('ramps linearly both ways and clamps', () => {
    expect(ramp(5, 0, 10)).toBe(0.5);
    expect(ramp(-1, 0, 10)).toBe(0);
    expect(ramp(0.1, 0.2, 0)).toBe(0.5);
    expect(ramp(Number.NaN, 0, 1)).toBe(0);
  });
});
