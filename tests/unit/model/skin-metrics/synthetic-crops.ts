import { labToLinearRgb, linearToSrgb } from '../../../../electron/core/color/color-spaces';
import type { Vec3 } from '../../../../electron/core/color/matrix3';
import { SKIN_ZONES, type SkinZone } from '../../../../electron/core/skin/skin-metrics-io';
import type { Lab } from '../../../../electron/shared/schemas/skin-profile-schemas';
import { rng } from '../../../support/seeded-random';

/**
 * Synthetic face crops with known content for the skin-metrics tests: a skin colour with fine
 * texture, dark spots, redness blobs and specular highlights placed where the test says, seen
 * under a given illuminant, plus rectangular zone masks in a face-like layout.
 */

export interface Blob {
  /** Centre and radius (Gaussian σ) in crop pixels. */
  readonly x: number;
  readonly y: number;
  readonly radius: number;
  /** Spots: darkening in contrast units (u = 100·ln Y, so 30 ≈ 26% darker); redness: a* increase;
   * shine: added white light (linear). */
  readonly amount: number;
}

export interface CropSpec {
  readonly n: number;
  readonly skin: Lab;
  /**
   * Standard deviation of the skin texture in contrast units (1 ≈ 1% of luminance): value noise in
   * three octaves (1, 2 and 4 px) of equal amplitude, a rough 1/f spectrum like real skin.
   */
  readonly texture?: number;
  readonly spots?: readonly Blob[];
  readonly redness?: readonly Blob[];
  readonly shine?: readonly Blob[];
  /** Von Kries gains of the light (linear sRGB); D65 = [1,1,1]. */
  readonly illuminant?: Vec3;
  /** Multiplies linear values (exposure). */
  readonly exposure?: number;
  /** Colour outside the zones (hair, eyes, background). */
  readonly outside?: Lab;
  readonly seed?: number;
  /** Round to 8 bits like a camera frame. */
  readonly quantise?: boolean;
}

/** Zone rectangles as fractions of the crop: [x0, y0, x1, y1]. */
const ZONE_RECTS: Readonly<Record<SkinZone, readonly [number, number, number, number]>> = {
  forehead: [0.25, 0.08, 0.75, 0.28],
  left_cheek: [0.14, 0.48, 0.38, 0.74],
  right_cheek: [0.62, 0.48, 0.86, 0.74],
  nose: [0.44, 0.34, 0.56, 0.62],
  chin: [0.35, 0.78, 0.65, 0.92],
  under_eye_left: [0.2, 0.36, 0.42, 0.44],
  under_eye_right: [0.58, 0.36, 0.8, 0.44],
};

/** Pixel bounds of a zone's rectangle. */
export function zoneBox(zone: SkinZone, n: number): { x0: number; y0: number; x1: number; y1: number } {
  const [x0, y0, x1, y1] = ZONE_RECTS[zone];
  return { x0: Math.round(x0 * n), y0: Math.round(y0 * n), x1: Math.round(x1 * n), y1: Math.round(y1 * n) };
}

/** [7, n, n] 0/1 masks in SKIN_ZONES order. */
export function zoneMasks(n: number): Float32Array {
  const masks = new Float32Array(SKIN_ZONES.length * n * n);
  SKIN_ZONES.forEach((zone, z) => {
    const { x0, y0, x1, y1 } = zoneBox(zone, n);
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) masks[z * n * n + y * n + x] = 1;
  });
  return masks;
}

/** Normal deviate (Box–Muller). */
export const gaussian = (random: () => number): number =>
  Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

const bump = (blob: Blob, x: number, y: number): number =>
  Math.exp(-((x - blob.x) ** 2 + (y - blob.y) ** 2) / (2 * blob.radius * blob.radius));

function insideAnyZone(x: number, y: number, n: number): boolean {
  return SKIN_ZONES.some((zone) => {
    const b = zoneBox(zone, n);
    return x >= b.x0 && x < b.x1 && y >= b.y0 && y < b.y1;
  });
}

/** [3, n, n] sRGB crop in [0,1]. */
export function renderCrop(spec: CropSpec): Float32Array {
  const { n } = spec;
  const random = rng(spec.seed ?? 11);
  const gains = spec.illuminant ?? [1, 1, 1];
  const exposure = spec.exposure ?? 1;
  const out = new Float32Array(3 * n * n);
  const grainField = octaveNoise(n, random);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const grain = grainField[y * n + x]! * (spec.texture ?? 0);
      let lab: Lab;
      if (spec.outside && !insideAnyZone(x, y, n)) lab = spec.outside;
      else {
        // Texture and spots change luminance by a ratio (as pigment does), the same on every tone.
        let u = 300 * Math.log((spec.skin.L + 16) / 116) + grain;
        for (const s of spec.spots ?? []) u -= s.amount * bump(s, x, y);
        let a = spec.skin.a;
        for (const r of spec.redness ?? []) a += r.amount * bump(r, x, y);
        lab = { L: 116 * Math.exp(u / 300) - 16, a, b: spec.skin.b };
      }
      const linear = labToLinearRgb(lab);
      const white = (spec.shine ?? []).reduce((s, h) => s + h.amount * bump(h, x, y), 0);
      for (let c = 0; c < 3; c++) {
        let v = linearToSrgb(Math.max(0, (linear[c]! + white) * gains[c]! * exposure));
        v = Math.min(1, Math.max(0, v));
        out[c * n * n + y * n + x] = spec.quantise ? Math.round(v * 255) / 255 : v;
      }
    }
  }
  return out;
}

/** Unit-variance value noise: Gaussian samples on 1-, 2- and 4-pixel grids, bilinearly upsampled, summed. */
function octaveNoise(n: number, random: () => number): Float64Array {
  const field = new Float64Array(n * n);
  for (const cell of [1, 2, 4]) {
    const m = Math.ceil(n / cell) + 1;
    const grid = Float64Array.from({ length: m * m }, () => gaussian(random));
    for (let y = 0; y < n; y++) {
      const gy = y / cell;
      const y0 = Math.floor(gy);
      const wy = gy - y0;
      for (let x = 0; x < n; x++) {
        const gx = x / cell;
        const x0 = Math.floor(gx);
        const wx = gx - x0;
        const at = (yy: number, xx: number) => grid[yy * m + xx]!;
        field[y * n + x]! +=
          (1 - wy) * ((1 - wx) * at(y0, x0) + wx * at(y0, x0 + 1)) +
          wy * ((1 - wx) * at(y0 + 1, x0) + wx * at(y0 + 1, x0 + 1));
      }
    }
  }
  let sum = 0;
  let sum2 = 0;
  for (const v of field) {
    sum += v;
    sum2 += v * v;
  }
  const mean = sum / field.length;
  const std = Math.sqrt(sum2 / field.length - mean * mean) || 1;
  return field.map((v) => (v - mean) / std);
}
