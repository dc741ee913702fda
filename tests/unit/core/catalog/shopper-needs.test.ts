import { describe, expect, it } from 'vitest';
import { deriveNeeds } from '../../../../electron/core/catalog/shopper-needs';
import { profile } from './catalog-test-records';

describe('deriveNeeds', () => {
  it('turns trusted metrics into needs that carry the measured score', () => {
    const needs = deriveNeeds(
      profile({
        source: 'scan',
        metrics: [
          { key: 'redness', score: 72, confidence: 0.9 },
          { key: 'shine', score: 40, confidence: 0.35 },
          { key: 'darkSpots', score: 60, confidence: 0.5 },
        ],
      }),
      {},
    );
    expect(needs.needs[0]).toEqual({ concern: 'redness', weight: 0.72, score: 72, goal: null });
    // Confidence 0.5 scales the weight down; confidence 0.35 is not trusted at all.
    expect(needs.needs.find((n) => n.concern === 'dark_spots')?.weight).toBeCloseTo(0.6 * (0.5 / 0.7));
    expect(needs.needs.some((n) => n.concern === 'oiliness')).toBe(false);
  });

  it('works from the questionnaire alone', () => {
    const needs = deriveNeeds(profile({ type: 'dry' }), {
      goal: 'even_tone',
      sensitivity: 'often',
      middayFeel: 'tight_dry',
    });
    expect(needs.skinType).toBe('dry');
    expect(needs.sensitive).toBe(true);
    expect(needs.needs.map((n) => n.concern)).toEqual(['uneven_tone', 'dark_spots', 'dryness']);
    expect(needs.needs[0]).toMatchObject({ goal: 'even_tone', score: null });
  });

  it('keeps the strongest source per concern and drops weak needs', () => {
    const needs = deriveNeeds(
      profile({
        metrics: [{ key: 'wrinkles', score: 30, confidence: 1 }],
        concerns: [
          { concern: 'wrinkles', weight: 0.9 },
          { concern: 'pores', weight: 0.1 },
        ],
      }),
      { sensitivity: 'sometimes' },
    );
    expect(needs.needs).toEqual([{ concern: 'wrinkles', weight: 0.9, score: 30, goal: null }]);
    expect(needs.cautious).toBe(true);
    expect(needs.sensitive).toBe(false);
  });
});
