import { describe, expect, it } from 'vitest';
import { IDENTITY } from '../../../../electron/core/vision/affine-transform';
import {
  EXCLUDED_OUTLINES,
  outlinePolygon,
  rasterizeZoneMasks,
  zonePolygon,
} from '../../../../electron/core/vision/face-zones';
import { fillPolygon } from '../../../../electron/core/vision/polygon-raster';
import { SKIN_ZONES } from '../../../../electron/core/skin/skin-metrics-io';
import { canonicalFace } from './canonical-face';

const S = 256;
const face = canonicalFace(S / 2, S / 2, S * 0.9);
const plane = S * S;

describe('skin zone masks', () => {
  const { masks, pixelCounts } = rasterizeZoneMasks(face, IDENTITY, S, S);

  it('draws every zone with a sensible share of the face', () => {
    for (const zone of SKIN_ZONES) expect(pixelCounts[zone], zone).toBeGreaterThan(300);
    expect(pixelCounts.forehead).toBeGreaterThan(pixelCounts.under_eye_left);
    // The canonical layout is symmetric: left and right zones are about the same size.
    expect(pixelCounts.left_cheek / pixelCounts.right_cheek).toBeGreaterThan(0.85);
    expect(pixelCounts.left_cheek / pixelCounts.right_cheek).toBeLessThan(1.15);
  });

  it('never puts a pixel in two zones', () => {
    for (let i = 0; i < plane; i++) {
      let n = 0;
      for (let z = 0; z < SKIN_ZONES.length; z++) n += masks[z * plane + i]!;
      expect(n).toBeLessThanOrEqual(1);
    }
  });

  it('excludes eyes, brows, lips and nostrils', () => {
    for (const [name, indices] of Object.entries(EXCLUDED_OUTLINES)) {
      const region = new Uint8Array(plane);
      fillPolygon(region, S, S, outlinePolygon(face, indices), 1);
      let inside = 0;
      let covered = 0;
      for (let i = 0; i < plane; i++) {
        if (region[i] !== 1) continue;
        inside++;
        for (let z = 0; z < SKIN_ZONES.length; z++) covered += masks[z * plane + i]!;
      }
      expect(inside, name).toBeGreaterThan(0);
      expect(covered, name).toBe(0);
    }
  });

  it('places the subject-left zones on the right of an unmirrored image', () => {
    const centreX = (zone: (typeof SKIN_ZONES)[number]) => {
      const z = SKIN_ZONES.indexOf(zone);
      let sum = 0;
      let n = 0;
      for (let i = 0; i < plane; i++) {
        if (masks[z * plane + i] !== 1) continue;
        sum += i % S;
        n++;
      }
      return sum / n;
    };
    expect(centreX('left_cheek')).toBeGreaterThan(S / 2);
    expect(centreX('right_cheek')).toBeLessThan(S / 2);
    expect(centreX('under_eye_left')).toBeGreaterThan(S / 2);
    expect(Math.abs(centreX('nose') - S / 2)).toBeLessThan(8);
  });

  it('leaves out pixels the valid mask marks as outside the image', () => {
    const valid = new Uint8Array(plane);
    for (let i = 0; i < plane; i++) valid[i] = i % S < S / 2 ? 1 : 0;
    const half = rasterizeZoneMasks(face, IDENTITY, S, S, valid);
    expect(half.pixelCounts.left_cheek).toBe(0);
    expect(half.pixelCounts.right_cheek).toBe(pixelCounts.right_cheek);
  });

  it('maps outlines through a transform', () => {
    const shifted = zonePolygon(face, 'nose', { a: 1, b: 0, c: 10, d: 0, e: 1, f: -5 });
    const plain = zonePolygon(face, 'nose');
    expect(shifted[0]).toBeCloseTo(plain[0]! + 10, 9);
    expect(shifted[1]).toBeCloseTo(plain[1]! - 5, 9);
  });
});
