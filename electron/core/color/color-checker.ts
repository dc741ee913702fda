import type { Lab } from '../../shared/schemas/skin-profile-schemas';
import { linearRgbToLab, srgbToLinear } from './color-spaces';
import type { Homography } from './homography';
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

/** Reference CIELAB (D65) of each patch, what the calibrated camera should read. */
export const COLOR_CHECKER_LAB: readonly Lab[] = COLOR_CHECKER_LINEAR.map((rgb) => linearRgbToLab(rgb));

/** Indexes of the neutral row, white first. */
export const NEUTRAL_PATCHES = [18, 19, 20, 21, 22, 23] as const;

/** The "dark skin" and "light skin" patches, the two colours this product cares most about. */
export const SKIN_PATCHES = [0, 1] as const;

/** The patch grid of the ColorChecker Classic: 6 columns × 4 rows of square patches. */
export const CHART_COLS = 6;
export const CHART_ROWS = 4;

/**
 * The guide the staff screen draws for a frame of this size, as the homography from chart grid
 * coordinates to frame pixels: a 3:2 rectangle, centred, `fill` of the frame's width (or less when
 * the frame is too short for it). Used when the chart cannot be found automatically.
 */
export function chartGuideFor(frameWidth: number, frameHeight: number, fill = 0.6): Homography {
  const widthPx = Math.min(fill * frameWidth, (fill * frameHeight * CHART_COLS) / CHART_ROWS);
  const cell = widthPx / CHART_COLS;
  const x0 = (frameWidth - widthPx) / 2;
  const y0 = (frameHeight - cell * CHART_ROWS) / 2;
  return [cell, 0, x0, 0, cell, y0, 0, 0, 1];
}
