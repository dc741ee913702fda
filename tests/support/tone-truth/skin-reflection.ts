import { LUMA_WEIGHTS } from '../../../electron/core/color/color-spaces';
import type { Vec3 } from '../../../electron/core/color/matrix3';
import { skinLocusColour } from '../../../electron/core/skin/skin-locus';
import type { Lab } from '../../../electron/shared/schemas/skin-profile-schemas';

/** Pixel statistics the face re-rendering needs: local means, the dichromatic split, the skin locus. */

export const luma = (v: Vec3): number =>
  LUMA_WEIGHTS[0] * v[0] + LUMA_WEIGHTS[1] * v[1] + LUMA_WEIGHTS[2] * v[2];

/** Mean of `values` over a (2r+1)² box at each pixel, from an integral image. */
export function boxMean(values: Float32Array, width: number, height: number, r: number): Float32Array {
  const integral = new Float64Array((width + 1) * (height + 1));
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      integral[(y + 1) * (width + 1) + x + 1] =
        values[y * width + x]! +
        integral[y * (width + 1) + x + 1]! +
        integral[(y + 1) * (width + 1) + x]! -
        integral[y * (width + 1) + x]!;
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const x0 = Math.max(0, x - r);
      const x1 = Math.min(width, x + r + 1);
      const y0 = Math.max(0, y - r);
      const y1 = Math.min(height, y + r + 1);
      const s =
        integral[y1 * (width + 1) + x1]! -
        integral[y0 * (width + 1) + x1]! -
        integral[y1 * (width + 1) + x0]! +
        integral[y0 * (width + 1) + x0]!;
      out[y * width + x] = s / ((x1 - x0) * (y1 - y0));
    }
  return out;
}

/** The skin-locus colour whose L* is nearest `lightness`. */
export function locusAtLightness(lightness: number): Lab {
  let best = skinLocusColour(0);
  for (let ita = -75; ita <= 75; ita += 0.5) {
    const lab = skinLocusColour(ita);
    if (Math.abs(lab.L - lightness) < Math.abs(best.L - lightness)) best = lab;
  }
  return best;
}

/**
 * p ≈ a·k0 + m·(1,1,1): diffuse skin of colour k0 plus white specular light (m kept only on a local
 * highlight). Null when the pixel is not skin-coloured at all (hair, shadow, glasses, make-up).
 */
export function fitDichromatic(p: Vec3, k0: Vec3, highlight: boolean): { a: number; m: number } | null {
  const kk = k0[0] ** 2 + k0[1] ** 2 + k0[2] ** 2;
  const k1 = k0[0] + k0[1] + k0[2];
  const kp = k0[0] * p[0] + k0[1] * p[1] + k0[2] * p[2];
  const p1 = p[0] + p[1] + p[2];
  let a = kp / kk;
  let m = 0;
  if (highlight) {
    const det = 3 * kk - k1 * k1;
    const aa = (3 * kp - k1 * p1) / det;
    const mm = (kk * p1 - k1 * kp) / det;
    if (mm > 0 && aa > 0) {
      a = aa;
      m = mm;
    }
  }
  const r = Math.hypot(p[0] - a * k0[0] - m, p[1] - a * k0[1] - m, p[2] - a * k0[2] - m);
  const size = Math.hypot(...p);
  return a > 0.1 && size > 0 && r / size < 0.15 ? { a, m } : null;
}
