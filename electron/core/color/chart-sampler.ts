import { KioskError } from '../../shared/result';
import { CHART_COLS, CHART_ROWS } from './color-checker';
import { LUMA_WEIGHTS, srgbToLinear } from './color-spaces';
import { applyHomography, type Homography } from './homography';
import type { Vec3 } from './matrix3';

/** One chart patch as the camera saw it. */
export interface PatchSample {
  /** Mean linear RGB (the frame's sRGB transfer function undone). */
  readonly linear: Vec3;
  /** Standard deviation of the 8-bit luma over the sample: high when a patch edge is inside. */
  readonly spread: number;
  /** Fraction of sampled pixels with a channel at 255. */
  readonly clipped: number;
}

/** A sample straddling two patches has a luma spread far above sensor noise. */
export const MAX_PATCH_SPREAD = 18;

const LINEAR_LUT = Float64Array.from({ length: 256 }, (_, i) => srgbToLinear(i / 255));

/**
 * Samples the 24 cells of the grid `homography` puts in the frame, row by row in grid order: each
 * cell on a lattice of points covering the central `fraction` of it (away from the gaps between
 * patches), as many points as the cell has pixels across, up to 16 × 16.
 */
export function sampleChart(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  homography: Homography,
  fraction = 0.45,
): PatchSample[] {
  if (rgba.length !== width * height * 4 || width <= 0 || height <= 0) {
    throw new KioskError('IMAGE_INVALID', `frame has ${rgba.length} bytes for ${width}×${height}`);
  }
  const samples: PatchSample[] = [];
  for (let row = 0; row < CHART_ROWS; row++) {
    for (let col = 0; col < CHART_COLS; col++) {
      const [ax, ay] = applyHomography(homography, col + 0.5 - fraction / 2, row + 0.5);
      const [bx, by] = applyHomography(homography, col + 0.5 + fraction / 2, row + 0.5);
      const n = Math.max(3, Math.min(16, Math.round(Math.hypot(bx - ax, by - ay))));
      samples.push(sampleCell(rgba, width, height, homography, col, row, fraction, n));
    }
  }
  return samples;
}

function sampleCell(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  h: Homography,
  col: number,
  row: number,
  fraction: number,
  n: number,
): PatchSample {
  let r = 0;
  let g = 0;
  let b = 0;
  let luma = 0;
  let luma2 = 0;
  let clipped = 0;
  let count = 0;
  for (let a = 0; a < n; a++) {
    for (let c = 0; c < n; c++) {
      const u = col + 0.5 + fraction * ((a + 0.5) / n - 0.5);
      const v = row + 0.5 + fraction * ((c + 0.5) / n - 0.5);
      const [fx, fy] = applyHomography(h, u, v);
      const x = Math.floor(fx);
      const y = Math.floor(fy);
      if (x < 0 || y < 0 || x >= width || y >= height) continue;
      const i = (y * width + x) * 4;
      const pr = rgba[i]!;
      const pg = rgba[i + 1]!;
      const pb = rgba[i + 2]!;
      r += LINEAR_LUT[pr]!;
      g += LINEAR_LUT[pg]!;
      b += LINEAR_LUT[pb]!;
      const y8 = LUMA_WEIGHTS[0] * pr + LUMA_WEIGHTS[1] * pg + LUMA_WEIGHTS[2] * pb;
      luma += y8;
      luma2 += y8 * y8;
      if (pr === 255 || pg === 255 || pb === 255) clipped++;
      count++;
    }
  }
  if (count < (n * n) / 2) {
    throw new KioskError(
      'CHART_NOT_FOUND',
      'The colour chart lies partly outside the frame: show all of it.',
    );
  }
  const mean = luma / count;
  return {
    linear: [r / count, g / count, b / count],
    spread: Math.sqrt(Math.max(0, luma2 / count - mean * mean)),
    clipped: clipped / count,
  };
}

/**
 * The four ways a 6 × 4 grid can be read: as is, turned half round, mirrored left–right (a selfie
 * camera) and mirrored top–bottom. Each maps a chart patch index (upright reading order) to the
 * grid cell it was sampled from.
 */
export const GRID_ORIENTATIONS: readonly ((patch: number) => number)[] = [
  (p) => p,
  (p) => CHART_COLS * CHART_ROWS - 1 - p,
  (p) => Math.floor(p / CHART_COLS) * CHART_COLS + (CHART_COLS - 1 - (p % CHART_COLS)),
  (p) => (CHART_ROWS - 1 - Math.floor(p / CHART_COLS)) * CHART_COLS + (p % CHART_COLS),
];
