import { describe, expect, it } from 'vitest';
import {
  hexToSrgb,
  labToLch,
  labToSrgb,
  linearToSrgb,
  srgbToHex,
  srgbToLab,
  srgbToLinear,
} from '../../../../electron/core/color/color-spaces';

describe('colour spaces', () => {
  it('maps sRGB white, black and primaries to their published CIELAB (D65) values', () => {
    const white = srgbToLab([1, 1, 1]);
    expect(white.L).toBeCloseTo(100, 4);
    expect(white.a).toBeCloseTo(0, 3);
    expect(white.b).toBeCloseTo(0, 3);
    expect(srgbToLab([0, 0, 0])).toEqual({ L: 0, a: 0, b: 0 });
    const red = srgbToLab([1, 0, 0]);
    expect(red.L).toBeCloseTo(53.24, 2);
    expect(red.a).toBeCloseTo(80.09, 2);
    expect(red.b).toBeCloseTo(67.2, 2);
    const blue = srgbToLab([0, 0, 1]);
    expect(blue.L).toBeCloseTo(32.3, 1);
    expect(blue.b).toBeCloseTo(-107.86, 1);
  });

  it('round-trips the transfer function and Lab within rounding', () => {
    // The standard's two thresholds (0.04045 and 0.0031308) disagree by ~3e-8 at the joint.
    for (const c of [0, 0.002, 0.04045, 0.2, 0.5, 0.93, 1]) {
      expect(linearToSrgb(srgbToLinear(c))).toBeCloseTo(c, 6);
    }
    for (const rgb of [
      [0.8, 0.6, 0.5],
      [0.2, 0.15, 0.1],
      [0.05, 0.9, 0.3],
    ] as const) {
      const back = labToSrgb(srgbToLab(rgb));
      back.forEach((c, i) => expect(c).toBeCloseTo(rgb[i]!, 8));
    }
  });

  it('clips out-of-gamut Lab into [0,1] sRGB', () => {
    const rgb = labToSrgb({ L: 50, a: 120, b: -120 });
    for (const c of rgb) {
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(1);
    }
  });

  it('converts hex both ways and rejects malformed strings', () => {
    expect(hexToSrgb('#A07E56')).toEqual([160 / 255, 126 / 255, 86 / 255]);
    expect(srgbToHex([160 / 255, 126 / 255, 86 / 255])).toBe('#a07e56');
    expect(() => hexToSrgb('a07e56')).toThrow(RangeError);
    expect(() => hexToSrgb('#a07e5')).toThrow(RangeError);
  });

  it('gives hue angles in [0, 360)', () => {
    expect(labToLch({ L: 50, a: 10, b: 10 }).h).toBeCloseTo(45, 10);
    expect(labToLch({ L: 50, a: 10, b: -10 }).h).toBeCloseTo(315, 10);
    expect(labToLch({ L: 50, a: 3, b: 4 }).C).toBeCloseTo(5, 12);
  });
});
