import { describe, expect, it } from 'vitest';
import { fillPolygon, polygonArea } from '../../../../electron/core/vision/polygon-raster';

const count = (m: Uint8Array) => m.reduce((s, v) => s + v, 0);

describe('fillPolygon', () => {
  it('fills exactly the pixels whose centres are inside', () => {
    const m = new Uint8Array(10 * 10);
    fillPolygon(m, 10, 10, [2, 2, 6, 2, 6, 5, 2, 5], 1);
    expect(count(m)).toBe(12);
    expect(m[2 * 10 + 2]).toBe(1);
    expect(m[2 * 10 + 6]).toBe(0);
    expect(m[5 * 10 + 2]).toBe(0);
  });

  it('approximates the area of a triangle and clips at the mask edge', () => {
    const m = new Uint8Array(100 * 100);
    const tri = [-20, 0, 80, 0, 30, 100];
    fillPolygon(m, 100, 100, tri, 1);
    // Only the part with x ≥ 0 is inside the mask.
    const inside = polygonArea(tri) - 0.5 * 20 * 40;
    expect(Math.abs(count(m) - inside)).toBeLessThan(100);
  });

  it('uses the even-odd rule and can clear pixels', () => {
    const m = new Uint8Array(20 * 20).fill(1);
    fillPolygon(m, 20, 20, [5, 5, 15, 5, 15, 15, 5, 15], 0);
    expect(count(m)).toBe(400 - 100);
  });

  it('ignores degenerate polygons', () => {
    const m = new Uint8Array(16);
    fillPolygon(m, 4, 4, [0, 0, 4, 4], 1);
    expect(count(m)).toBe(0);
  });
});
