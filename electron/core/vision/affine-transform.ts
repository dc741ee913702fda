/**
 * A 2-D affine map `x' = a·x + b·y + c`, `y' = d·x + e·y + f`. Every crop in the pipeline is one of
 * these from crop coordinates to image coordinates, so points go back to the image with one call and
 * sampling needs no per-pixel trigonometry.
 *
 * Coordinates are continuous: pixel (i, j) covers [i, i+1) × [j, j+1) and its centre is (i+½, j+½).
 */
export interface Affine {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
  readonly e: number;
  readonly f: number;
}

/** A rectangle of the image rotated by `rotation` radians about its centre (image y points down). */
export interface RotatedRect {
  readonly cx: number;
  readonly cy: number;
  readonly width: number;
  readonly height: number;
  readonly rotation: number;
}

export const IDENTITY: Affine = { a: 1, b: 0, c: 0, d: 0, e: 1, f: 0 };

export function applyAffine(m: Affine, x: number, y: number): [number, number] {
  return [m.a * x + m.b * y + m.c, m.d * x + m.e * y + m.f];
}

/** `outer ∘ inner`: applies `inner` first. */
export function composeAffine(outer: Affine, inner: Affine): Affine {
  return {
    a: outer.a * inner.a + outer.b * inner.d,
    b: outer.a * inner.b + outer.b * inner.e,
    c: outer.a * inner.c + outer.b * inner.f + outer.c,
    d: outer.d * inner.a + outer.e * inner.d,
    e: outer.d * inner.b + outer.e * inner.e,
    f: outer.d * inner.c + outer.e * inner.f + outer.f,
  };
}

export function invertAffine(m: Affine): Affine {
  const det = m.a * m.e - m.b * m.d;
  if (Math.abs(det) < 1e-12) throw new RangeError('affine map is not invertible');
  const a = m.e / det;
  const b = -m.b / det;
  const d = -m.d / det;
  const e = m.a / det;
  return { a, b, c: -(a * m.c + b * m.f), d, e, f: -(d * m.c + e * m.f) };
}

/** Length of a unit crop step in the image: how many image pixels one crop pixel spans. */
export function affineScale(m: Affine): number {
  return Math.sqrt(Math.abs(m.a * m.e - m.b * m.d));
}

/**
 * Maps an `outWidth`×`outHeight` crop onto `rect`: the crop's x axis runs along the rect's rotated
 * x axis, so a rect rotated by the eye-line angle yields a crop with level eyes.
 */
export function rectToImageTransform(rect: RotatedRect, outWidth: number, outHeight: number): Affine {
  const cos = Math.cos(rect.rotation);
  const sin = Math.sin(rect.rotation);
  const a = (cos * rect.width) / outWidth;
  const b = (-sin * rect.height) / outHeight;
  const d = (sin * rect.width) / outWidth;
  const e = (cos * rect.height) / outHeight;
  return {
    a,
    b,
    c: rect.cx - (a * outWidth) / 2 - (b * outHeight) / 2,
    d,
    e,
    f: rect.cy - (d * outWidth) / 2 - (e * outHeight) / 2,
  };
}

/** The square that holds the whole image centred, as the detector's letterboxed input sees it. */
export function letterboxRect(width: number, height: number): RotatedRect {
  const side = Math.max(width, height);
  return { cx: width / 2, cy: height / 2, width: side, height: side, rotation: 0 };
}

/** Wraps an angle to [-π, π). */
export function normalizeRadians(angle: number): number {
  return angle - 2 * Math.PI * Math.floor((angle + Math.PI) / (2 * Math.PI));
}
