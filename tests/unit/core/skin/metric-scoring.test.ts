import { describe, expect, it } from 'vitest';
import {
  aboveFloor,
  hillScore,
  METRIC_RULES,
  scoreMetrics,
} from '../../../../electron/core/skin/metric-scoring';
import { SKIN_METRICS_SOFT_FLOORS } from '../../../../electron/core/skin/soft-floors';
import { zoneQualities } from '../../../../electron/core/skin/zone-quality';
import { SKIN_METRICS_PARAMS as P } from '../../../../model/skin-metrics/skin-metrics-params';
import type { MetricKey, MetricScore } from '../../../../electron/shared/schemas/skin-profile-schemas';
import { allOf, evenFace } from './zone-stats-fixtures';

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
/** Scores by key; a metric that was left out reads as undefined. */
const scores = (outputs: ReturnType<typeof evenFace>, sharpness = 1): Record<MetricKey, MetricScore> => {
  const byKey: Partial<Record<MetricKey, MetricScore>> = {};
  for (const m of scoreMetrics(outputs, zoneQualities(outputs), sharpness)) byKey[m.key] = m;
  return byKey as Record<MetricKey, MetricScore>;
};

describe('score curve', () => {
  it('is 0 at 0, 50 at k, strictly increasing and below 100', () => {
    expect(hillScore(0, 3)).toBe(0);
    expect(hillScore(-1, 3)).toBe(0);
    expect(hillScore(Number.NaN, 3)).toBe(0);
    expect(hillScore(3, 3)).toBe(50);
    let last = 0;
    for (let x = 0.1; x < 50; x *= 1.5) {
      const s = hillScore(x, 3);
      expect(s).toBeGreaterThan(last);
      expect(s).toBeLessThan(100);
      last = s;
    }
  });

  it('removes the soft indicators’ floor, which matches the network parameters', () => {
    expect(SKIN_METRICS_SOFT_FLOORS.pores).toBeCloseTo(sigmoid(-P.pore.threshold / P.pore.width), 12);
    expect(SKIN_METRICS_SOFT_FLOORS.spotArea).toBeCloseTo(sigmoid(-P.spot.threshold / P.spot.width), 12);
    expect(SKIN_METRICS_SOFT_FLOORS.redArea).toBeCloseTo(sigmoid(-P.red.threshold / P.red.width), 12);
    expect(SKIN_METRICS_SOFT_FLOORS.shine).toBeCloseTo(
      0.5 * sigmoid(-P.shine.luminance / P.shine.luminanceWidth),
      12,
    );
    expect(aboveFloor(0.1, 0.1)).toBe(0);
    expect(aboveFloor(0.05, 0.1)).toBe(0);
    expect(aboveFloor(1, 0.1)).toBe(1);
  });
});

describe('scoreMetrics', () => {
  it('scores even, featureless skin near 0 on every metric, with full confidence', () => {
    const s = scores(evenFace());
    expect(Object.keys(s).sort()).toEqual(Object.keys(METRIC_RULES).sort());
    for (const key of ['pores', 'darkSpots', 'redness', 'wrinkles', 'shine', 'darkCircles'] as const)
      expect(s[key].score).toBeLessThan(1);
    for (const m of Object.values(s)) expect(m.confidence).toBe(1);
  });

  it.each([
    ['texture', allOf(['forehead', 'left_cheek', 'right_cheek', 'chin'], { detailEnergy: 9, poreEnergy: 9 })],
    ['pores', allOf(['nose', 'left_cheek', 'right_cheek'], { pores: 0.2 })],
    ['darkSpots', allOf(['forehead', 'left_cheek', 'right_cheek', 'chin'], { spotArea: 0.3 })],
    ['redness', allOf(['left_cheek', 'right_cheek', 'nose', 'chin'], { redArea: 0.15 })],
    ['wrinkles', { forehead: { ridge90: 20 } }],
    ['shine', allOf(['forehead', 'nose', 'chin'], { shine: 0.15 })],
    ['unevenness', allOf(['forehead', 'left_cheek', 'right_cheek', 'chin'], { blotchEnergy: 100 })],
    ['darkCircles', allOf(['under_eye_left', 'under_eye_right'], { toneL: 52, L: 52 })],
  ] as const)('raises %s when its raw signal rises', (key, zones) => {
    expect(scores(evenFace(zones))[key].score).toBeGreaterThan(scores(evenFace())[key].score + 30);
  });

  it('gives strictly more redness for more red area, whatever the skin’s own a*', () => {
    const redness = (redArea: number, a: number) =>
      scores(evenFace(allOf(['left_cheek', 'right_cheek', 'nose', 'chin'], { redArea, a }))).redness.score;
    expect(redness(0.08, 12)).toBeGreaterThan(redness(0.06, 12));
    // Skin of another tone has another a*: that alone is not redness (the network measures a* above
    // the face's own colour).
    expect(redness(0.06, 18)).toBe(redness(0.06, 12));
  });

  it('counts only horizontal lines on the forehead and diagonal ones under the eyes', () => {
    expect(scores(evenFace({ forehead: { ridge0: 20 } })).wrinkles.score).toBeLessThan(1);
    expect(scores(evenFace({ under_eye_left: { ridge90: 20 } })).wrinkles.score).toBeLessThan(1);
    expect(scores(evenFace({ under_eye_left: { ridge45: 20 } })).wrinkles.score).toBeGreaterThan(10);
  });

  it('lowers confidence with the zones it uses and leaves out a metric with no usable zone', () => {
    const noEyes = scores(evenFace(allOf(['under_eye_left', 'under_eye_right'], { areaPx: 0 })));
    expect(noEyes.darkCircles).toBeUndefined();
    expect(noEyes.texture.confidence).toBe(1);
    expect(noEyes.wrinkles.confidence).toBeLessThan(1);
    const blurredNose = scores(evenFace({ nose: { detailEnergy: 0.05 } }));
    expect(blurredNose.pores.confidence).toBeLessThan(1);
    expect(blurredNose.shine.confidence).toBe(1);
    for (const m of Object.values(scores(evenFace(), 0.4))) expect(m.confidence).toBeCloseTo(0.4, 12);
  });
});
