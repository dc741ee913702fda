import { KioskError } from '../../shared/result';
import { LUMA_WEIGHTS, srgbToLinear } from './color-spaces';
import type { Vec3 } from './matrix3';

/**
 * The 24-patch ColorChecker Classic: X-Rite's published 8-bit sRGB (D65) values for the chart made
 * since November 2014, row by row as the chart is held upright (brown "dark skin" patch top left,
 * the neutral row at the bottom).
 */
export const COLOR_CHECKER_SRGB8: readonly (readonly [string, number, number, number])[] = [
  ['dark skin', 115, 82, 68],
  ['light skin', 194, 150, 130],
  ['blue sky', 98, 122, 157],
  ['foliage', 87, 108, 67],
  ['blue flower', 133, 128, 177],
  ['bluish green', 103, 189, 170],
  ['orange', 214, 126, 44],
  ['purplish blue', 80, 91, 166],
  ['moderate red', 193, 90, 99],
  ['purple', 94, 60, 108],
  ['yellow green', 157, 188, 64],
  ['orange yellow', 224, 163, 46],
  ['blue', 56, 61, 150],
  ['green', 70, 148, 73],
  ['red', 175, 54, 60],
  ['yellow', 231, 199, 31],
  ['magenta', 187, 86, 149],
  ['cyan', 8, 133, 161],
  ['white 9.5', 243, 243, 242],
  ['neutral 8', 200, 200, 200],
  ['neutral 6.5', 160, 160, 160],
  ['neutral 5', 122, 122, 121],
  ['neutral 3.5', 85, 85, 85],
  ['black 2', 52, 52, 52],
];

/** Reference linear sRGB of each patch, the target of the calibration fit. */
export const COLOR_CHECKER_LINEAR: readonly Vec3[] = COLOR_CHECKER_SRGB8.map(([, r, g, b]) => [
  srgbToLinear(r / 255),
  srgbToLinear(g / 255),
  srgbToLinear(b / 255),
]);

/** Indexes of the neutral row, white first. */
export const NEUTRAL_PATCHES = [18, 19, 20, 21, 22, 23] as const;

/**
 * Where the chart's patch grid sits in the frame (normalised 0–1, the outer edges of the outer
 * patches), as drawn by the staff screen's guide. Each patch is sampled in a centred square of
 * `sampleFraction` of its cell, away from the black gaps between patches.
 */
export interface ChartLayout {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly cols: number;
  readonly rows: number;
  readonly sampleFraction: number;
}

/** The patch grid of the ColorChecker Classic: 6 × 4 square patches, so about 3:2 wide. */
const GRID_ASPECT = 3 / 2;

/**
 * The guide the staff screen draws for a frame of this size: a 3:2 rectangle, centred, `fill` of the
 * frame's width (or less when the frame is too short for it).
 */
export function chartLayoutFor(frameWidth: number, frameHeight: number, fill = 0.6): ChartLayout {
  const widthPx = Math.min(fill * frameWidth, fill * frameHeight * GRID_ASPECT);
  const heightPx = widthPx / GRID_ASPECT;
  const width = widthPx / frameWidth;
  const height = heightPx / frameHeight;
  return { x: (1 - width) / 2, y: (1 - height) / 2, width, height, cols: 6, rows: 4, sampleFraction: 0.45 };
}

export interface PatchSample {
  /** Mean linear RGB (camera values after the sRGB transfer function is undone). */
  readonly linear: Vec3;
  /** Standard deviation of the 8-bit luma inside the sample square: high when a patch edge is inside. */
  readonly spread: number;
  /** Fraction of sampled pixels with a channel at 255. */
  readonly clipped: number;
}

// A sample square straddling two patches has a luma spread far above sensor noise.
const MAX_PATCH_SPREAD = 18;

/**
 * Samples the 24 patches of a frame in which the chart fills `layout`. Throws INVALID_INPUT when a
 * patch is not uniform (the chart is not inside the guide) or the frame does not match its size.
 */
export function sampleChartPatches(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  layout: ChartLayout = chartLayoutFor(width, height),
): PatchSample[] {
  if (rgba.length !== width * height * 4 || width <= 0 || height <= 0) {
    throw new KioskError('IMAGE_INVALID', `frame has ${rgba.length} bytes for ${width}×${height}`);
  }
  const cellW = (layout.width * width) / layout.cols;
  const cellH = (layout.height * height) / layout.rows;
  const half = (Math.min(cellW, cellH) * layout.sampleFraction) / 2;
  if (half < 2) throw new KioskError('INVALID_INPUT', 'the colour target is too small in this frame');
  const samples: PatchSample[] = [];
  for (let row = 0; row < layout.rows; row++) {
    for (let col = 0; col < layout.cols; col++) {
      const cx = layout.x * width + (col + 0.5) * cellW;
      const cy = layout.y * height + (row + 0.5) * cellH;
      const sample = sampleSquare(rgba, width, height, cx, cy, half);
      if (sample.spread > MAX_PATCH_SPREAD) {
        throw new KioskError(
          'INVALID_INPUT',
          `patch ${row * layout.cols + col + 1} is not uniform: place the colour target inside the guide`,
        );
      }
      samples.push(sample);
    }
  }
  return samples;
}

function sampleSquare(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  cx: number,
  cy: number,
  half: number,
): PatchSample {
  const xa = Math.max(0, Math.round(cx - half));
  const xb = Math.min(width, Math.round(cx + half));
  const ya = Math.max(0, Math.round(cy - half));
  const yb = Math.min(height, Math.round(cy + half));
  let r = 0;
  let g = 0;
  let b = 0;
  let luma = 0;
  let luma2 = 0;
  let clipped = 0;
  let n = 0;
  for (let y = ya; y < yb; y++) {
    for (let x = xa; x < xb; x++) {
      const i = (y * width + x) * 4;
      const pr = rgba[i]!;
      const pg = rgba[i + 1]!;
      const pb = rgba[i + 2]!;
      r += srgbToLinear(pr / 255);
      g += srgbToLinear(pg / 255);
      b += srgbToLinear(pb / 255);
      const y8 = LUMA_WEIGHTS[0] * pr + LUMA_WEIGHTS[1] * pg + LUMA_WEIGHTS[2] * pb;
      luma += y8;
      luma2 += y8 * y8;
      if (pr === 255 || pg === 255 || pb === 255) clipped++;
      n++;
    }
  }
  if (n === 0) throw new KioskError('INVALID_INPUT', 'the colour target lies outside the frame');
  const meanLuma = luma / n;
  return {
    linear: [r / n, g / n, b / n],
    spread: Math.sqrt(Math.max(0, luma2 / n - meanLuma * meanLuma)),
    clipped: clipped / n,
  };
}
