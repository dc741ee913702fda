import { describe, expect, it } from 'vitest';
import { labToLch } from '../../../../electron/core/color/color-spaces';
import {
  describeTone,
  itaClassOf,
  itaDegrees,
  MONK_SWATCHES_LAB,
  nearestMonk,
  undertoneOf,
  UNDERTONE_HUE,
} from '../../../../electron/core/skin/skin-tone';

describe('skin tone descriptors', () => {
  it('computes ITA° = atan((L* − 50)/b*) in degrees', () => {
    expect(itaDegrees({ L: 50, a: 10, b: 20 })).toBe(0);
    expect(itaDegrees({ L: 70, a: 10, b: 20 })).toBeCloseTo(45, 10);
    expect(itaDegrees({ L: 30, a: 10, b: 20 })).toBeCloseTo(-45, 10);
  });

  it('bins ITA° into Chardon classes at 55, 41, 28, 10 and −30 (upper bounds inclusive)', () => {
    const cases: [number, string][] = [
      [60, 'very_light'],
      [55, 'light'],
      [41.01, 'light'],
      [41, 'intermediate'],
      [28, 'tan'],
      [10, 'brown'],
      [-29.9, 'brown'],
      [-30, 'dark'],
      [-80, 'dark'],
    ];
    for (const [ita, cls] of cases) expect(itaClassOf(ita)).toBe(cls);
  });

  it('maps every Monk swatch to its own number and darker skin to a higher number', () => {
    MONK_SWATCHES_LAB.forEach((lab, i) => expect(nearestMonk(lab)).toBe(i + 1));
    let previous = 0;
    for (let L = 95; L >= 12; L -= 4) {
      const monk = nearestMonk({ L, a: 10, b: 16 });
      expect(monk).toBeGreaterThanOrEqual(previous);
      previous = monk;
    }
    expect(previous).toBe(10);
  });

  it('reads undertone from the hue angle', () => {
    const at = (h: number) => ({
      L: 60,
      a: 20 * Math.cos((h * Math.PI) / 180),
      b: 20 * Math.sin((h * Math.PI) / 180),
    });
    expect(undertoneOf(at(UNDERTONE_HUE.coolBelow - 2))).toBe('cool');
    expect(undertoneOf(at((UNDERTONE_HUE.coolBelow + UNDERTONE_HUE.warmAbove) / 2))).toBe('neutral');
    expect(undertoneOf(at(UNDERTONE_HUE.warmAbove + 2))).toBe('warm');
    expect(labToLch(at(50)).h).toBeCloseTo(50, 10);
  });

  it('describes a tone with its swatch hex and lowers confidence for near-grey colour', () => {
    const tone = describeTone({ L: 55.1, a: 7.8, b: 26.7 }, 0.8);
    expect(tone).toMatchObject({
      itaClass: 'tan',
      monk: 6,
      undertone: 'warm',
      hex: '#a07e56',
      confidence: 0.8,
    });
    expect(describeTone({ L: 55, a: 1, b: 1 }, 0.8).confidence).toBeLessThan(0.6);
    expect(describeTone({ L: 55, a: 7, b: 20 }, 3).confidence).toBe(1);
  });
});
