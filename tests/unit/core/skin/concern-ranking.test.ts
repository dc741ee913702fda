import { describe, expect, it } from 'vitest';
import { MIN_CONCERN_WEIGHT, rankConcerns } from '../../../../electron/core/skin/concern-ranking';
import type { MetricScore } from '../../../../electron/shared/schemas/skin-profile-schemas';

const m = (key: MetricScore['key'], score: number, confidence = 1): MetricScore => ({
  key,
  score,
  confidence,
});

describe('rankConcerns', () => {
  it('ranks measured concerns by score weighted by confidence', () => {
    const ranked = rankConcerns([m('redness', 80), m('pores', 60), m('wrinkles', 90, 0)], 'normal', {});
    expect(ranked.map((c) => c.concern)).toEqual(['redness', 'pores', 'wrinkles']);
    expect(ranked[0]!.weight).toBeCloseTo(0.8, 12);
    expect(ranked[2]!.weight).toBeCloseTo(0.45, 12);
  });

  it('adds the goal, the midday feel and sensitivity, capping at 1', () => {
    const ranked = rankConcerns([m('shine', 90)], 'oily', {
      goal: 'oil_control',
      middayFeel: 'oily_all_over',
    });
    expect(ranked[0]).toEqual({ concern: 'oiliness', weight: 1 });
    expect(ranked.find((c) => c.concern === 'pores')!.weight).toBeCloseTo(0.2, 12);
    const sensitive = rankConcerns([], 'normal', { sensitivity: 'often', goal: 'calm_redness' });
    expect(sensitive).toEqual([{ concern: 'redness', weight: 0.65 }]);
  });

  it('brings dryness in for dry skin, more when the shopper says it feels tight', () => {
    expect(rankConcerns([], 'dry', {})).toEqual([{ concern: 'dryness', weight: 0.5 }]);
    expect(rankConcerns([], 'dry', { middayFeel: 'tight_dry' })).toEqual([
      { concern: 'dryness', weight: 0.7 },
    ]);
    expect(rankConcerns([], 'normal', { goal: 'hydration' })).toEqual([{ concern: 'dryness', weight: 0.5 }]);
  });

  it('drops weak concerns and breaks ties in the Concern list order', () => {
    const ranked = rankConcerns([m('texture', 10), m('darkCircles', 50), m('pores', 50)], 'normal', {});
    expect(ranked.map((c) => c.concern)).toEqual(['pores', 'dark_circles']);
    for (const c of ranked) expect(c.weight).toBeGreaterThanOrEqual(MIN_CONCERN_WEIGHT);
  });
});
