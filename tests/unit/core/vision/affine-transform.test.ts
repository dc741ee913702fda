import { describe, expect, it } from 'vitest';
import {
  applyAffine,
  composeAffine,
  invertAffine,
  letterboxRect,
  normalizeRadians,
  rectToImageTransform,
} from '../../../../electron/core/vision/affine-transform';

describe('affine transforms', () => {
  it('inverts and composes back to the identity', () => {
    const m = { a: 2, b: 0.5, c: 10, d: -0.3, e: 1.5, f: -4 };
    const id = composeAffine(m, invertAffine(m));
    expect(id.a).toBeCloseTo(1, 12);
    expect(id.b).toBeCloseTo(0, 12);
    expect(id.c).toBeCloseTo(0, 12);
    expect(id.e).toBeCloseTo(1, 12);
    const [x, y] = applyAffine(composeAffine(invertAffine(m), m), 3, 7);
    expect(x).toBeCloseTo(3, 10);
    expect(y).toBeCloseTo(7, 10);
  });

  it('applies the inner map first when composing', () => {
    const shift = { a: 1, b: 0, c: 5, d: 0, e: 1, f: 0 };
    const double = { a: 2, b: 0, c: 0, d: 0, e: 2, f: 0 };
    expect(applyAffine(composeAffine(double, shift), 1, 1)).toEqual([12, 2]);
  });

  it('refuses a singular map', () => {
    expect(() => invertAffine({ a: 1, b: 2, c: 0, d: 2, e: 4, f: 0 })).toThrow(RangeError);
  });

  it('maps the crop centre to the rect centre and the crop x axis along the rotation', () => {
    const rect = { cx: 100, cy: 50, width: 40, height: 40, rotation: Math.PI / 6 };
    const m = rectToImageTransform(rect, 192, 192);
    const [cx, cy] = applyAffine(m, 96, 96);
    expect(cx).toBeCloseTo(100, 10);
    expect(cy).toBeCloseTo(50, 10);
    const [rx, ry] = applyAffine(m, 192, 96);
    expect(rx - 100).toBeCloseTo(20 * Math.cos(Math.PI / 6), 10);
    expect(ry - 50).toBeCloseTo(20 * Math.sin(Math.PI / 6), 10);
  });

  it('letterboxes a wide image into a centred square', () => {
    const m = rectToImageTransform(letterboxRect(640, 480), 256, 256);
    expect(applyAffine(m, 0, 0)).toEqual([0, -80]);
    expect(applyAffine(m, 256, 256)).toEqual([640, 560]);
  });

  it('wraps angles to [-π, π)', () => {
    expect(normalizeRadians((3 * Math.PI) / 2)).toBeCloseTo(-Math.PI / 2, 12);
    expect(normalizeRadians((-3 * Math.PI) / 2)).toBeCloseTo(Math.PI / 2, 12);
    expect(normalizeRadians(0.25)).toBeCloseTo(0.25, 12);
  });
});
