import { applyAffine, normalizeRadians, type Affine, type RotatedRect } from './affine-transform';
import type { Detection } from './blazeface-decoder';
import type { Point3 } from './facemesh-decoder';
import { EYE_CORNERS } from './face-mesh-topology';

/** How much larger than the detector box the landmark crop is (MediaPipe's face landmark graph: 1.5). */
const LANDMARK_ROI_SCALE = 1.5;

/**
 * Maps a detection from normalised detector-input coordinates to image pixels through the crop →
 * image transform the input tensor was sampled with (the letterbox). The map is a uniform scale
 * plus shift, so the box stays axis-aligned.
 */
export function detectionToImage(det: Detection, inputSize: number, inputToImage: Affine): Detection {
  const [xmin, ymin] = applyAffine(inputToImage, det.xmin * inputSize, det.ymin * inputSize);
  const [xmax, ymax] = applyAffine(inputToImage, det.xmax * inputSize, det.ymax * inputSize);
  return {
    score: det.score,
    xmin: Math.min(xmin, xmax),
    ymin: Math.min(ymin, ymax),
    xmax: Math.max(xmin, xmax),
    ymax: Math.max(ymin, ymax),
    keypoints: det.keypoints.map(([x, y]) => applyAffine(inputToImage, x * inputSize, y * inputSize)),
  };
}

/**
 * The rotated square the landmark network looks at, as MediaPipe derives it from a detection
 * (image pixels): centred on the box, rotated so the eye keypoints (0 → 1) lie level, the long side
 * scaled by 1.5 and squared.
 */
export function detectionToLandmarkRoi(det: Detection, scale = LANDMARK_ROI_SCALE): RotatedRect {
  const [x0, y0] = det.keypoints[0] ?? [0, 0];
  const [x1, y1] = det.keypoints[1] ?? [1, 0];
  // MediaPipe: rotation = target(0) − atan2(−(y1 − y0), x1 − x0), with image y pointing down.
  const rotation = normalizeRadians(-Math.atan2(-(y1 - y0), x1 - x0));
  const side = Math.max(det.xmax - det.xmin, det.ymax - det.ymin) * scale;
  return {
    cx: (det.xmin + det.xmax) / 2,
    cy: (det.ymin + det.ymax) / 2,
    width: side,
    height: side,
    rotation,
  };
}

/**
 * The landmark crop for the next frame from this frame's landmarks, as MediaPipe's face tracking
 * derives it: the landmarks' bounds, rotated by the outer eye corners (33 → 263), the long side
 * scaled by 1.5 and squared. Tracking this way skips the detector while the face stays in view.
 */
export function landmarksToRoi(points: readonly Point3[], scale = LANDMARK_ROI_SCALE): RotatedRect {
  let xmin = Infinity;
  let ymin = Infinity;
  let xmax = -Infinity;
  let ymax = -Infinity;
  for (const [x, y] of points) {
    xmin = Math.min(xmin, x);
    ymin = Math.min(ymin, y);
    xmax = Math.max(xmax, x);
    ymax = Math.max(ymax, y);
  }
  const [x0, y0] = points[EYE_CORNERS.rightOuter] ?? [0, 0];
  const [x1, y1] = points[EYE_CORNERS.leftOuter] ?? [1, 0];
  const rotation = normalizeRadians(-Math.atan2(-(y1 - y0), x1 - x0));
  const side = Math.max(xmax - xmin, ymax - ymin) * scale;
  return { cx: (xmin + xmax) / 2, cy: (ymin + ymax) / 2, width: side, height: side, rotation };
}
