import { describe, expect, it } from 'vitest';
import {
  assessQuality,
  DEFAULT_QUALITY_THRESHOLDS,
  type GateFace,
} from '../../../../electron/core/vision/quality-gate';

const frame = { width: 640, height: 480 };
const good: GateFace = {
  box: { xmin: 240, ymin: 150, xmax: 400, ymax: 330 },
  score: 0.9,
  pose: { yaw: 2, pitch: -3, roll: 1 },
  measures: { brightness: 140, highlightClip: 0.01, shadowClip: 0, unevenness: 0.1, sharpness: 120 },
};
const withMeasures = (m: Partial<GateFace['measures']>): GateFace => ({
  ...good,
  measures: { ...good.measures, ...m },
});

describe('assessQuality', () => {
  it('is ready when every check passes, with the face box normalised', () => {
    const r = assessQuality(frame, 1, good);
    expect(r.ready).toBe(true);
    expect(r.hints).toEqual([]);
    expect(r.faceBox).toEqual({ x: 240 / 640, y: 150 / 480, width: 160 / 640, height: 180 / 480 });
    expect(r.measures.faceFraction).toBeCloseTo(160 / 480, 9);
    expect(r.measures.yaw).toBe(2);
  });

  it('asks for a face when there is none and for one person when there are several', () => {
    expect(assessQuality(frame, 0, null)).toMatchObject({ hints: ['no_face'], ready: false, faceBox: null });
    expect(assessQuality(frame, 3, null)).toMatchObject({
      faceCount: 3,
      hints: ['one_person'],
      ready: false,
    });
  });

  it.each([
    ['move_closer', { ...good, box: { xmin: 300, ymin: 200, xmax: 340, ymax: 250 } }],
    ['move_back', { ...good, box: { xmin: 80, ymin: 0, xmax: 560, ymax: 480 } }],
    ['center_face', { ...good, box: { xmin: 20, ymin: 150, xmax: 180, ymax: 330 } }],
    ['look_straight', { ...good, pose: { yaw: 22, pitch: 0, roll: 0 } }],
    ['look_straight', { ...good, pose: { yaw: 0, pitch: -18, roll: 0 } }],
    ['level_head', { ...good, pose: { yaw: 0, pitch: 0, roll: 16 } }],
    ['more_light', withMeasures({ brightness: 25 })],
    ['more_light', withMeasures({ shadowClip: 0.3 })],
    ['less_light', withMeasures({ brightness: 230 })],
    ['less_light', withMeasures({ highlightClip: 0.2 })],
    ['even_light', withMeasures({ unevenness: 0.5 })],
    ['hold_still', withMeasures({ sharpness: 5 })],
  ] as const)('hints %s', (hint, face) => {
    const r = assessQuality(frame, 1, face);
    expect(r.hints).toEqual([hint]);
    expect(r.ready).toBe(false);
  });

  it('does not ask the deepest skin tone for more light at an exposure that keeps white unclipped', () => {
    // Monk 10 (#292420) reads about 36 codes of luma when a 90 % white sits at code 237.
    expect(assessQuality(frame, 1, withMeasures({ brightness: 36 })).hints).toEqual([]);
  });

  it('lists every failing hint in priority order', () => {
    const r = assessQuality(frame, 1, {
      ...withMeasures({ sharpness: 1, brightness: 20 }),
      pose: { yaw: 40, pitch: 0, roll: 30 },
      box: { xmin: 10, ymin: 10, xmax: 60, ymax: 60 },
    });
    expect(r.hints).toEqual([
      'move_closer',
      'center_face',
      'look_straight',
      'level_head',
      'more_light',
      'hold_still',
    ]);
  });

  it('sits exactly on the ±15° pose limit as passing', () => {
    const r = assessQuality(frame, 1, { ...good, pose: { yaw: 15, pitch: -15, roll: 15 } });
    expect(r.ready).toBe(true);
    expect(DEFAULT_QUALITY_THRESHOLDS.maxYaw).toBe(15);
  });
});
