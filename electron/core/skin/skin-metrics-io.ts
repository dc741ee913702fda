import type { ColourMode } from '../../shared/schemas/skin-profile-schemas';
import { KioskError } from '../../shared/result';

/**
 * The contract between the vision pipeline and the skin-metrics network (`model/skin-metrics.onnx`).
 * The network is built by code in `model/skin-metrics/`; this file is the single place that names its
 * tensors, shapes and the meaning of every output column. docs/skin-metrics.md explains the math.
 */

/** Side of the square, eye-line-aligned face crop the network reads. */
export const SKIN_CROP_SIZE = 256;

/** Zone masks, in channel order of the `masks` input and row order of the `zone_stats` output. */
export const SKIN_ZONES = [
  'forehead',
  'left_cheek',
  'right_cheek',
  'nose',
  'chin',
  'under_eye_left',
  'under_eye_right',
] as const;
export type SkinZone = (typeof SKIN_ZONES)[number];

/** T-zone (forehead, nose, chin) and U-zone (both cheeks), as used for skin type. */
export const T_ZONE: readonly SkinZone[] = ['forehead', 'nose', 'chin'];
export const U_ZONE: readonly SkinZone[] = ['left_cheek', 'right_cheek'];

/** Tensor names, element type float32 for all. */
export const SKIN_METRICS_IO = {
  /** [1,3,S,S] the aligned face crop, sRGB (gamma-encoded) in [0,1], NCHW, S = SKIN_CROP_SIZE. */
  crop: 'crop',
  /**
   * [1,7,S,S] one 0/1 mask per zone in SKIN_ZONES order; eyes, brows, lips and nostrils already cut out.
   * Zones must not overlap (a pixel belongs to at most one zone).
   */
  masks: 'masks',
  /**
   * [1,3,3] colour-correction matrix applied to the camera's linear RGB, row-major (out = M · rgb),
   * giving linear sRGB with a white surface at (1, 1, 1): the chart calibration's matrix, or the
   * estimated light's gains on the diagonal (`colour-correction.ts`).
   */
  color: 'color',
  /** [1,7,F] per-zone statistics, one row per zone, columns as ZONE_FEATURES. */
  zoneStats: 'zone_stats',
} as const;

/**
 * Columns of `zone_stats`. Every column except `areaPx` is the mean, over the zone's pixels, of a
 * per-pixel quantity, so zones can be pooled exactly by area-weighted averaging.
 */
export const ZONE_FEATURES = [
  /** Mask pixel count (a sum, not a mean). */
  'areaPx',
  /** Rec. 709 luma of the camera's gamma-encoded values, 0–1, before any colour correction. */
  'rawLuma',
  /** 1 where a channel is ≥ 0.98 (blown highlight) or every channel ≤ 0.02 (crushed shadow). */
  'clipped',
  /** CIELAB (D65) after the colour matrix. */
  'L',
  'a',
  'b',
  /** Soft specular indicator: much lighter than the zone mean and less chromatic. */
  'shine',
  /** Soft indicator of pixels that do not look like this zone's skin (hair, shadow, glasses, hand). */
  'occluded',
  /**
   * Tone weight w = (1 − shine)(1 − occluded)(1 − clipped), and w·L*, w·a*, w·b*: the colour of the
   * diffuse, visible, unclipped skin.
   */
  'toneWeight',
  'toneL',
  'toneA',
  'toneB',
  /**
   * Texture works on the contrast u = 100·ln Y (1 unit ≈ 1% of luminance), G_σ being a Gaussian blur
   * over skin pixels only. Band energies are of the band clipped to ±12 u (one crease or shadow edge
   * cannot dominate a zone). Finest band energy (u − G1 u)², in u².
   */
  'detailEnergy',
  /** Pore-scale band energy (G1 u − G2 u)², in u². */
  'poreEnergy',
  /** Soft indicator of small dark dots (pore-scale band below −threshold). */
  'pores',
  /** Soft indicator of dark-spot pixels (G2 u − G8 u below −threshold). */
  'spotArea',
  /** 1 at the darkest pixel of each dark spot (a local minimum below the threshold); × areaPx = count. */
  'spotCenters',
  /** Soft indicator of redness blobs (G2 a* − G8 a* above threshold). */
  'redArea',
  /** Blotch band energy (G2 u − G8 u)², in u²: tone variation between pore and face scale. */
  'blotchEnergy',
  /**
   * Dark-line energy of the even Gabor filter whose wave vector points at 0°, 45°, 90°, 135° (90° =
   * horizontal lines), in u², averaged over the zone on the 2×2-pooled grid.
   */
  'ridge0',
  'ridge45',
  'ridge90',
  'ridge135',
] as const;
export type ZoneFeature = (typeof ZONE_FEATURES)[number];

export const ZONE_FEATURE_COUNT = ZONE_FEATURES.length;

/** One zone's row of `zone_stats`, by column name. */
export type ZoneStats = Readonly<Record<ZoneFeature, number>>;

/** The decoded network output, one entry per zone. */
export type SkinMetricsOutputs = Readonly<Record<SkinZone, ZoneStats>>;

/** Input shapes, for the runner and the model manifest. */
export const SKIN_METRICS_SHAPES = {
  crop: [1, 3, SKIN_CROP_SIZE, SKIN_CROP_SIZE],
  masks: [1, SKIN_ZONES.length, SKIN_CROP_SIZE, SKIN_CROP_SIZE],
  color: [1, 3, 3],
  zoneStats: [1, SKIN_ZONES.length, ZONE_FEATURE_COUNT],
} as const;

/**
 * Turns the raw `zone_stats` tensor data into named rows. Throws MODEL_UNAVAILABLE when the length
 * is not 7 × F, which means the installed model file and this contract disagree.
 */
export function decodeZoneStats(data: ArrayLike<number>): SkinMetricsOutputs {
  const expected = SKIN_ZONES.length * ZONE_FEATURE_COUNT;
  if (data.length !== expected) {
    throw new KioskError(
      'MODEL_UNAVAILABLE',
      `skin-metrics returned ${data.length} values, expected ${expected}: the model file does not match this version`,
    );
  }
  const rows = {} as Record<SkinZone, ZoneStats>;
  SKIN_ZONES.forEach((zone, z) => {
    const row = {} as Record<ZoneFeature, number>;
    ZONE_FEATURES.forEach((feature, f) => {
      row[feature] = Number(data[z * ZONE_FEATURE_COUNT + f]);
    });
    rows[zone] = row;
  });
  return rows;
}

/** What the pipeline knows about the capture besides the network's output, for `buildSkinProfile`. */
export interface SkinAnalysisContext {
  /** Execution provider that ran the networks, e.g. `cpu` or `webgpu`. */
  readonly executionProvider: string;
  /** Version string of the model set (from the model manifest). */
  readonly modelVersion: string;
  /** Milliseconds per pipeline stage. */
  readonly timingsMs: Readonly<Record<string, number>>;
  /**
   * How much to trust the colour correction, 0–1: the illuminant estimate's confidence, or 1 with a
   * chart calibration. Scales the skin-tone confidence. Defaults to 1.
   */
  readonly colorConfidence?: number;
  /** Whether the colour came through a chart calibration; `approximate` unless given. */
  readonly colourMode?: ColourMode;
  /**
   * Whole-face sharpness from the quality gate mapped to 0–1 (1 = sharp). Scales every confidence;
   * each zone's own blur is measured by the network as well. Defaults to 1.
   */
  readonly faceSharpness?: number;
}
