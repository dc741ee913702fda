import { describe, expect, it } from 'vitest';
import { letterboxRect, rectToImageTransform } from '../../../../electron/core/vision/affine-transform';
import { detectionToImage, detectionToLandmarkRoi } from '../../../../electron/core/vision/face-roi';
import { decodeFaceMesh } from '../../../../electron/core/vision/facemesh-decoder';

describe('detection geometry', () => {
  it('removes the letterbox: normalised detector coordinates become image pixels', () => {
    const toImage = rectToImageTransform(letterboxRect(640, 480), 256, 256);
    const d = detectionToImage(
      { score: 0.9, xmin: 0.25, ymin: 0.25, xmax: 0.75, ymax: 0.75, keypoints: [[0.5, 0.5]] },
      256,
      toImage,
    );
    expect([d.xmin, d.ymin, d.xmax, d.ymax]).toEqual([160, 80, 480, 400]);
    expect(d.keypoints[0]).toEqual([320, 240]);
  });

  it('levels the eyes: the landmark ROI is rotated by the eye line and 1.5× the longer box side', () => {
    // Subject's left eye (keypoint 1, image right) 10 px lower than the right eye: head tilted clockwise.
    const roi = detectionToLandmarkRoi({
      score: 1,
      xmin: 100,
      ymin: 100,
      xmax: 200,
      ymax: 220,
      keypoints: [
        [130, 140],
        [170, 150],
      ],
    });
    expect(roi.rotation).toBeCloseTo(Math.atan2(10, 40), 12);
    expect(roi.width).toBeCloseTo(180, 12);
    expect(roi.height).toBeCloseTo(180, 12);
    expect([roi.cx, roi.cy]).toEqual([150, 160]);
  });
});

describe('decodeFaceMesh', () => {
  it('projects crop pixels back through the crop transform and scales depth with it', () => {
    const roi = { cx: 300, cy: 200, width: 96, height: 96, rotation: Math.PI / 2 };
    const m = rectToImageTransform(roi, 192, 192);
    const raw = new Float32Array(468 * 3);
    raw.set([96, 96, 10], 0); // centre
    raw.set([192, 96, -4], 3); // right edge of the crop → below the centre after a 90° turn
    const pts = decodeFaceMesh(raw, m);
    expect(pts[0]![0]).toBeCloseTo(300, 9);
    expect(pts[0]![1]).toBeCloseTo(200, 9);
    expect(pts[0]![2]).toBeCloseTo(5, 9);
    expect(pts[1]![0]).toBeCloseTo(300, 9);
    expect(pts[1]![1]).toBeCloseTo(248, 9);
    expect(pts[1]![2]).toBeCloseTo(-2, 9);
  });

  it('refuses a short mesh tensor', () => {
    expect(() =>
      decodeFaceMesh(new Float32Array(12), rectToImageTransform(letterboxRect(1, 1), 1, 1)),
    ).toThrow(RangeError);
  });
});
