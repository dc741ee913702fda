import { applyAffine, type Affine } from './affine-transform';
import type { Point3 } from './facemesh-decoder';
import * as topo from './face-mesh-topology';
import { fillPolygon, type FlatPolygon } from './polygon-raster';
import { SKIN_ZONES, type SkinZone } from '../skin/skin-metrics-io';

const ZONE_OUTLINES: Record<SkinZone, readonly number[]> = {
  forehead: topo.FOREHEAD,
  left_cheek: topo.LEFT_CHEEK,
  right_cheek: topo.RIGHT_CHEEK,
  nose: topo.NOSE,
  chin: topo.CHIN,
  under_eye_left: topo.LEFT_UNDER_EYE,
  under_eye_right: topo.RIGHT_UNDER_EYE,
};

/** Never skin: measured colour and texture there would be make-up, hair or shadow. */
export const EXCLUDED_OUTLINES = {
  left_eye: topo.LEFT_EYE,
  right_eye: topo.RIGHT_EYE,
  left_brow: topo.LEFT_BROW,
  right_brow: topo.RIGHT_BROW,
  lips: topo.LIPS,
  nostrils: topo.NOSTRILS,
} as const;

/** A zone outline through `toTarget` (e.g. image → crop), as a flat polygon. */
export function outlinePolygon(
  points: readonly Point3[],
  indices: readonly number[],
  toTarget?: Affine,
): FlatPolygon {
  const flat: number[] = [];
  for (const i of indices) {
    const p = points[i];
    if (!p) throw new RangeError(`landmark ${i} missing`);
    const [x, y] = toTarget ? applyAffine(toTarget, p[0], p[1]) : [p[0], p[1]];
    flat.push(x, y);
  }
  return flat;
}

export function zonePolygon(points: readonly Point3[], zone: SkinZone, toTarget?: Affine): FlatPolygon {
  return outlinePolygon(points, ZONE_OUTLINES[zone], toTarget);
}

export interface ZoneMasks {
  /** `SKIN_ZONES.length × height × width` of 0/1, channel-major (NCHW without the batch axis). */
  readonly masks: Float32Array;
  /** Skin pixels per zone after exclusions and the image border. */
  readonly pixelCounts: Record<SkinZone, number>;
}

/**
 * Outlines of neighbouring zones share landmarks and can overlap by a sliver; a pixel goes to the
 * first zone in this order that claims it, the small zones first so they keep their shape.
 */
const CLAIM_ORDER: readonly SkinZone[] = [
  'under_eye_left',
  'under_eye_right',
  'nose',
  'left_cheek',
  'right_cheek',
  'forehead',
  'chin',
];

/**
 * Rasterises each zone in a `width × height` crop (landmarks mapped by `imageToCrop`), then clears
 * eyes, brows, lips, nostrils and every pixel `valid` marks as outside the image. Zones never
 * overlap: each pixel belongs to at most one.
 */
export function rasterizeZoneMasks(
  points: readonly Point3[],
  imageToCrop: Affine,
  width: number,
  height: number,
  valid?: Uint8Array,
): ZoneMasks {
  const plane = width * height;
  // One owner plane (zone channel + 1, 0 = none): zones are drawn from the last claimant to the
  // first so earlier ones overwrite, then exclusions clear, then a single pass writes the masks.
  const owner = new Uint8Array(plane);
  for (let k = CLAIM_ORDER.length - 1; k >= 0; k--) {
    const name = CLAIM_ORDER[k]!;
    fillPolygon(owner, width, height, zonePolygon(points, name, imageToCrop), SKIN_ZONES.indexOf(name) + 1);
  }
  for (const indices of Object.values(EXCLUDED_OUTLINES))
    fillPolygon(owner, width, height, outlinePolygon(points, indices, imageToCrop), 0);
  const masks = new Float32Array(plane * SKIN_ZONES.length);
  const counts = new Array<number>(SKIN_ZONES.length).fill(0);
  for (let i = 0; i < plane; i++) {
    const z = owner[i]!;
    if (z === 0 || (valid && valid[i] !== 1)) continue;
    masks[(z - 1) * plane + i] = 1;
    counts[z - 1]!++;
  }
  const pixelCounts = Object.fromEntries(SKIN_ZONES.map((name, z) => [name, counts[z]!])) as Record<
    SkinZone,
    number
  >;
  return { masks, pixelCounts };
}
