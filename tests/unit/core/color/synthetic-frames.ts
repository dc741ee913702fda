import { labToLinearRgb, linearToSrgb, XYZ_TO_SRGB } from '../../../../electron/core/color/color-spaces';
import { mulMatVec, type Vec3 } from '../../../../electron/core/color/matrix3';
import type { Lab } from '../../../../electron/shared/schemas/skin-profile-schemas';
import { rng } from '../../../support/seeded-random';

/**
 * Test scenes with known colours. An illuminant is modelled as von Kries gains in linear sRGB: its
 * white point (CIE xy) converted to linear sRGB at Y = 1, so it changes colour, not brightness.
 */
export const ILLUMINANTS = {
  /** Incandescent (CIE A). */
  A: [0.44757, 0.40745],
  /** Cool-white fluorescent (CIE F2). */
  F2: [0.37208, 0.37529],
  /** Narrow-band tri-phosphor fluorescent (CIE F11). */
  F11: [0.38052, 0.37713],
  /** North-sky daylight (CIE D75), bluish. */
  D75: [0.29902, 0.31485],
  D65: [0.31271, 0.32902],
} as const satisfies Record<string, readonly [number, number]>;

export function illuminantGains(name: keyof typeof ILLUMINANTS): Vec3 {
  const [x, y] = ILLUMINANTS[name];
  return mulMatVec(XYZ_TO_SRGB, [x / y, 1, (1 - x - y) / y]);
}

/** Encodes linear RGB to one 8-bit RGBA pixel (clipping, like a camera). */
export function putLinear(rgba: Uint8Array, i: number, rgb: Vec3): void {
  for (let c = 0; c < 3; c++) {
    rgba[i * 4 + c] = Math.round(Math.min(1, Math.max(0, linearToSrgb(Math.max(0, rgb[c]!)))) * 255);
  }
  rgba[i * 4 + 3] = 255;
}

export interface SceneOptions {
  readonly width: number;
  readonly height: number;
  /** Face box in pixels, filled with the skin colour. */
  readonly face: { x: number; y: number; width: number; height: number };
  readonly skin: Lab;
  readonly illuminant: Vec3;
  /** Linear reflectances of the gray background panels (a vertical stripe each). */
  readonly grays?: readonly number[];
  /** A saturated object in the background (linear RGB), drawn in the top-left corner. */
  readonly object?: Vec3;
  readonly noise?: number;
  readonly seed?: number;
}

/** A frame: gray background panels, an optional coloured object, a skin-coloured face box. */
export function renderScene(o: SceneOptions): Uint8Array {
  const rgba = new Uint8Array(o.width * o.height * 4);
  const grays = o.grays ?? [0.12, 0.2, 0.3];
  const skin = labToLinearRgb(o.skin);
  const random = rng(o.seed ?? 1);
  const noise = o.noise ?? 0.01;
  for (let y = 0; y < o.height; y++) {
    for (let x = 0; x < o.width; x++) {
      const inFace =
        x >= o.face.x && x < o.face.x + o.face.width && y >= o.face.y && y < o.face.y + o.face.height;
      let base: Vec3;
      if (inFace) base = skin;
      else if (o.object && x < o.width * 0.2 && y < o.height * 0.3) base = o.object;
      else {
        const g = grays[Math.floor((x / o.width) * grays.length)]!;
        base = [g, g, g];
      }
      const n = 1 + noise * (random() * 2 - 1);
      putLinear(rgba, y * o.width + x, [
        base[0] * o.illuminant[0] * n,
        base[1] * o.illuminant[1] * n,
        base[2] * o.illuminant[2] * n,
      ]);
    }
  }
  return rgba;
}
