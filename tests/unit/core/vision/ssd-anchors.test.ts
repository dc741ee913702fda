import { describe, expect, it } from 'vitest';
import { BLAZEFACE_256_ANCHORS, generateSsdAnchors } from '../../../../electron/core/vision/ssd-anchors';

describe('SSD anchors for the 256×256 BlazeFace', () => {
  const anchors = generateSsdAnchors(BLAZEFACE_256_ANCHORS);

  it('has 16×16×2 stride-16 anchors followed by 8×8×6 stride-32 anchors', () => {
    expect(anchors).toHaveLength(896);
    expect(anchors[0]).toEqual({ xCenter: 0.5 / 16, yCenter: 0.5 / 16, w: 1, h: 1 });
    expect(anchors[1]).toEqual(anchors[0]);
    expect(anchors[2]!.xCenter).toBeCloseTo(1.5 / 16, 12);
    expect(anchors[32]!.yCenter).toBeCloseTo(1.5 / 16, 12);
    expect(anchors[512]).toEqual({ xCenter: 0.5 / 8, yCenter: 0.5 / 8, w: 1, h: 1 });
    expect(anchors[517]).toEqual(anchors[512]);
    expect(anchors[518]!.xCenter).toBeCloseTo(1.5 / 8, 12);
    expect(anchors[895]).toEqual({ xCenter: 7.5 / 8, yCenter: 7.5 / 8, w: 1, h: 1 });
  });

  it('matches the anchor layout written in the model manifest: stride × (col + 0.5, row + 0.5) in pixels', () => {
    let i = 0;
    for (const [stride, perCell] of [
      [16, 2],
      [32, 6],
    ] as const) {
      const n = 256 / stride;
      for (let row = 0; row < n; row++)
        for (let col = 0; col < n; col++)
          for (let k = 0; k < perCell; k++, i++) {
            expect(anchors[i]!.xCenter * 256).toBeCloseTo(stride * (col + 0.5), 9);
            expect(anchors[i]!.yCenter * 256).toBeCloseTo(stride * (row + 0.5), 9);
          }
    }
  });

  it('sizes anchors from the scales when they are not fixed', () => {
    const sized = generateSsdAnchors({ ...BLAZEFACE_256_ANCHORS, fixedAnchorSize: false });
    // First layer: scale 0.15625, then the interpolated sqrt(0.15625 × next scale).
    expect(sized[0]!.w).toBeCloseTo(0.15625, 9);
    const next = 0.15625 + (0.75 - 0.15625) / 3;
    expect(sized[1]!.w).toBeCloseTo(Math.sqrt(0.15625 * next), 9);
  });
});
