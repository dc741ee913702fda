import { affineScale, applyAffine, type Affine } from './affine-transform';

/** A landmark in image pixels; z is relative depth in the same pixel scale (smaller = nearer). */
export type Point3 = readonly [number, number, number];

export const FACE_MESH_POINTS = 468;

/**
 * Projects FaceMesh's raw output (468 × x,y,z in crop pixels of the `inputSize` input) back to
 * image pixels through the crop → image transform the input was sampled with. Depth is scaled by
 * the same factor as x and y, as MediaPipe's LandmarkProjectionCalculator does.
 */
export function decodeFaceMesh(raw: Float32Array, cropToImage: Affine): Point3[] {
  if (raw.length < FACE_MESH_POINTS * 3)
    throw new RangeError(`expected ${FACE_MESH_POINTS * 3} mesh values, got ${raw.length}`);
  const zScale = affineScale(cropToImage);
  const points: Point3[] = [];
  for (let i = 0; i < FACE_MESH_POINTS; i++) {
    const [x, y] = applyAffine(cropToImage, raw[3 * i]!, raw[3 * i + 1]!);
    points.push([x, y, raw[3 * i + 2]! * zScale]);
  }
  return points;
}

/** Axis-aligned bounds of a set of landmarks. */
export function landmarkBounds(
  points: readonly Point3[],
  indices?: readonly number[],
): { xmin: number; ymin: number; xmax: number; ymax: number } {
  let xmin = Infinity;
  let ymin = Infinity;
  let xmax = -Infinity;
  let ymax = -Infinity;
  const visit = (p: Point3 | undefined) => {
    if (!p) return;
    xmin = Math.min(xmin, p[0]);
    ymin = Math.min(ymin, p[1]);
    xmax = Math.max(xmax, p[0]);
    ymax = Math.max(ymax, p[1]);
  };
  if (indices) for (const i of indices) visit(points[i]);
  else for (const p of points) visit(p);
  return { xmin, ymin, xmax, ymax };
}
