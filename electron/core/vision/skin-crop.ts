import { applyAffine, normalizeRadians, type RotatedRect } from './affine-transform';
import type { Point3 } from './facemesh-decoder';
import { EYE_CORNERS, FACE_OVAL } from './face-mesh-topology';

/** Margin around the face outline in the skin crop, so the outline never touches the crop edge. */
const SKIN_CROP_MARGIN = 1.1;

/** Centre of each eye from its corners, in image pixels. */
function eyeCentres(points: readonly Point3[]): { right: [number, number]; left: [number, number] } {
  const at = (i: number) => points[i] ?? [0, 0, 0];
  const ro = at(EYE_CORNERS.rightOuter);
  const ri = at(EYE_CORNERS.rightInner);
  const li = at(EYE_CORNERS.leftInner);
  const lo = at(EYE_CORNERS.leftOuter);
  return {
    right: [(ro[0] + ri[0]) / 2, (ro[1] + ri[1]) / 2],
    left: [(li[0] + lo[0]) / 2, (li[1] + lo[1]) / 2],
  };
}

/** Angle of the line from the subject's right eye to the left eye, in radians (image y down). */
export function eyeLineAngle(points: readonly Point3[]): number {
  const { right, left } = eyeCentres(points);
  return normalizeRadians(Math.atan2(left[1] - right[1], left[0] - right[0]));
}

/**
 * The square the skin-metrics network sees: rotated so the eyes are level, centred on the face
 * outline's bounds in that rotated frame, its side the outline's longer extent plus a margin.
 * Levelling the eyes puts every zone at the same place in the crop for every shopper.
 */
export function skinCropRect(points: readonly Point3[], margin = SKIN_CROP_MARGIN): RotatedRect {
  const rotation = eyeLineAngle(points);
  const cos = Math.cos(rotation);
  const sin = Math.sin(rotation);
  // Rotate into the eye-aligned frame (about the origin), take bounds, then rotate the centre back.
  const toAligned = { a: cos, b: sin, c: 0, d: -sin, e: cos, f: 0 };
  let xmin = Infinity;
  let ymin = Infinity;
  let xmax = -Infinity;
  let ymax = -Infinity;
  for (const i of FACE_OVAL) {
    const p = points[i];
    if (!p) continue;
    const [x, y] = applyAffine(toAligned, p[0], p[1]);
    xmin = Math.min(xmin, x);
    xmax = Math.max(xmax, x);
    ymin = Math.min(ymin, y);
    ymax = Math.max(ymax, y);
  }
  const mx = (xmin + xmax) / 2;
  const my = (ymin + ymax) / 2;
  const side = Math.max(xmax - xmin, ymax - ymin) * margin;
  return { cx: cos * mx - sin * my, cy: sin * mx + cos * my, width: side, height: side, rotation };
}
