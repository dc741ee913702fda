import { describe, expect, it } from 'vitest';
import {
  decodeBlazeFace,
  iou,
  weightedNms,
  type Detection,
} from '../../../../electron/core/vision/blazeface-decoder';
import { BLAZEFACE_256_ANCHORS, generateSsdAnchors } from '../../../../electron/core/vision/ssd-anchors';

const anchors = generateSsdAnchors(BLAZEFACE_256_ANCHORS);

function raw(entries: { index: number; score: number; values: number[] }[]) {
  const scores = new Float32Array(896);
  const boxes = new Float32Array(896 * 16);
  for (const e of entries) {
    scores[e.index] = e.score;
    boxes.set(e.values, e.index * 16);
  }
  return { scores, boxes };
}

const det = (score: number, xmin: number, ymin: number, xmax: number, ymax: number, k = 0): Detection => ({
  score,
  xmin,
  ymin,
  xmax,
  ymax,
  keypoints: [[k, k]],
});

describe('decodeBlazeFace', () => {
  it('offsets the box centre and keypoints from the anchor, in input pixels / 256', () => {
    // Anchor 512 (first stride-32 cell) sits at (16, 16) px. Box centre +8 px right, −4 px up, 64×48,
    // right eye at (−10, −6) from the anchor.
    const values = [8, -4, 64, 48, -10, -6, 10, -6, 0, 4, 0, 14, -28, 0, 28, 0];
    const { scores, boxes } = raw([{ index: 512, score: 0.9, values }]);
    const [d] = decodeBlazeFace(boxes, scores, anchors);
    expect(d!.score).toBeCloseTo(0.9, 6);
    expect(d!.xmin * 256).toBeCloseTo(24 - 32, 4);
    expect(d!.xmax * 256).toBeCloseTo(24 + 32, 4);
    expect(d!.ymin * 256).toBeCloseTo(12 - 24, 4);
    expect(d!.ymax * 256).toBeCloseTo(12 + 24, 4);
    expect(d!.keypoints).toHaveLength(6);
    expect(d!.keypoints[0]![0] * 256).toBeCloseTo(6, 4);
    expect(d!.keypoints[0]![1] * 256).toBeCloseTo(10, 4);
  });

  it('drops anchors under the score threshold', () => {
    const { scores, boxes } = raw([
      { index: 3, score: 0.49, values: [0, 0, 10, 10] },
      { index: 700, score: 0.51, values: [0, 0, 10, 10] },
    ]);
    const out = decodeBlazeFace(boxes, scores, anchors);
    expect(out).toHaveLength(1);
    expect(out[0]!.score).toBeCloseTo(0.51, 6);
  });

  it('refuses tensors that do not match the anchors', () => {
    expect(() => decodeBlazeFace(new Float32Array(10), new Float32Array(896), anchors)).toThrow(RangeError);
  });
});

describe('weightedNms', () => {
  it('merges overlapping detections into their score-weighted average, keeping the best score', () => {
    const out = weightedNms([det(0.6, 0.1, 0.1, 0.5, 0.5, 1), det(0.9, 0.12, 0.1, 0.52, 0.5, 4)], 0.3);
    expect(out).toHaveLength(1);
    expect(out[0]!.score).toBe(0.9);
    expect(out[0]!.xmin).toBeCloseTo((0.1 * 0.6 + 0.12 * 0.9) / 1.5, 12);
    expect(out[0]!.keypoints[0]![0]).toBeCloseTo((1 * 0.6 + 4 * 0.9) / 1.5, 12);
  });

  it('keeps separate faces apart, best first', () => {
    const out = weightedNms(
      [det(0.7, 0, 0, 0.2, 0.2), det(0.95, 0.6, 0.6, 0.9, 0.9), det(0.8, 0.01, 0, 0.21, 0.2)],
      0.3,
    );
    expect(out.map((d) => d.score)).toEqual([0.95, 0.8]);
  });

  it('does not merge boxes that overlap less than the threshold', () => {
    const a = det(0.9, 0, 0, 1, 1);
    const b = det(0.8, 0.8, 0, 1.8, 1);
    expect(iou(a, b)).toBeLessThan(0.3);
    expect(weightedNms([a, b], 0.3)).toHaveLength(2);
  });

  it('stops on a degenerate box instead of looping', () => {
    expect(weightedNms([det(0.9, 0.5, 0.5, 0.5, 0.5)], 0.3)).toHaveLength(1);
  });
});
