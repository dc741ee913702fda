import type { Lab } from '../../shared/schemas/skin-profile-schemas';
import { KioskError } from '../../shared/result';
import {
  COLOR_CHECKER_LINEAR,
  NEUTRAL_PATCHES,
  sampleChartPatches,
  type ChartLayout,
  type PatchSample,
} from './color-checker';
import { linearRgbToLab, LUMA_WEIGHTS } from './color-spaces';
import { deltaE2000 } from './delta-e-2000';
import { diag3, invert3, mulMat, mulMatVec, type Mat3, type Vec3 } from './matrix3';

/** A solved colour-correction matrix and how well it reproduces the chart. */
export interface ColorCalibration {
  /**
   * 3×3 row-major matrix for white-balanced linear RGB → linear sRGB. At analysis time it is applied
   * after the gray-world gains: `colorMatrixFor(gains, matrix)`.
   */
  readonly matrix: Mat3;
  /** Mean CIEDE2000 between corrected patches and their reference values. */
  readonly residualDeltaE: number;
  readonly maxDeltaE: number;
  /** Per patch, in chart order. */
  readonly patchDeltaE: readonly number[];
}

// The two skin patches matter most for this product, so they weigh more in the fit.
const SKIN_PATCH_WEIGHT = 3;
// A patch with this many blown pixels says nothing about its colour and is left out of the fit.
const MAX_PATCH_CLIPPED = 0.02;
// The mid grays (neutral 8 … 3.5) set the white balance: white may clip and black is noisy.
const BALANCE_PATCHES = NEUTRAL_PATCHES.slice(1, 5);

/**
 * Solves the colour-correction matrix from measured patches by weighted least squares.
 *
 * The measured values are first white-balanced the way analysis frames are (gains that make the mid
 * grays neutral at unchanged luminance), so the matrix composes with the gray-world gains at
 * analysis time. The fit minimises Σ wᵢ‖M xᵢ − rᵢ‖² over linear RGB (normal equations, closed form),
 * rᵢ being the reference linear sRGB of patch i.
 *
 * @param measured 24 samples in chart order (from `sampleChartPatches`) or plain linear RGB triples.
 * @param reference the target linear sRGB values; the ColorChecker Classic unless given.
 */
export function solveColorCalibration(
  measured: readonly (PatchSample | Vec3)[],
  reference: readonly Vec3[] = COLOR_CHECKER_LINEAR,
): ColorCalibration {
  if (measured.length !== reference.length || measured.length < 4) {
    throw new KioskError('INVALID_INPUT', `expected ${reference.length} patches, got ${measured.length}`);
  }
  const cam = measured.map((m) => ('linear' in m ? m.linear : m));
  checkNeutralRow(cam);
  const balance = diag3(balanceGains(cam));
  const x = cam.map((v) => mulMatVec(balance, v));

  // Normal equations: M = (Σ w r xᵀ)(Σ w x xᵀ)⁻¹.
  const xx = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  const rx = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  const clipped = measured.map((m) => 'clipped' in m && m.clipped > MAX_PATCH_CLIPPED);
  if (clipped.filter(Boolean).length > measured.length / 4) {
    throw new KioskError('INVALID_INPUT', 'the colour target is overexposed: dim the light or move it back');
  }
  x.forEach((xi, i) => {
    if (clipped[i]) return;
    const w = i < 2 ? SKIN_PATCH_WEIGHT : 1;
    const ri = reference[i]!;
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 3; c++) {
        xx[3 * r + c]! += w * xi[r]! * xi[c]!;
        rx[3 * r + c]! += w * ri[r]! * xi[c]!;
      }
    }
  });
  let inverse: Mat3;
  try {
    inverse = invert3(xx as unknown as Mat3);
  } catch {
    throw new KioskError(
      'INVALID_INPUT',
      'the measured patches are degenerate: is the colour target in view?',
    );
  }
  const matrix = mulMat(rx as unknown as Mat3, inverse);

  const patchDeltaE = x.map((xi, i) => deltaE2000(labOf(mulMatVec(matrix, xi)), labOf(reference[i]!)));
  return {
    matrix,
    residualDeltaE: patchDeltaE.reduce((s, d) => s + d, 0) / patchDeltaE.length,
    maxDeltaE: Math.max(...patchDeltaE),
    patchDeltaE,
  };
}

const labOf = (rgb: Vec3): Lab =>
  linearRgbToLab([Math.max(0, rgb[0]), Math.max(0, rgb[1]), Math.max(0, rgb[2])]);
const luma = (v: Vec3): number => LUMA_WEIGHTS[0] * v[0] + LUMA_WEIGHTS[1] * v[1] + LUMA_WEIGHTS[2] * v[2];

/** Gains that make the mid grays neutral at the same luminance (as gray world does on a frame). */
function balanceGains(cam: readonly Vec3[]): Vec3 {
  const mean: [number, number, number] = [0, 0, 0];
  for (const i of BALANCE_PATCHES)
    for (let c = 0; c < 3; c++) mean[c]! += cam[i]![c]! / BALANCE_PATCHES.length;
  const y = luma(mean);
  return [y / mean[0], y / mean[1], y / mean[2]];
}

/** A chart in view has a neutral row that darkens from white to black; anything else is not a chart. */
function checkNeutralRow(cam: readonly Vec3[]): void {
  const lumas = NEUTRAL_PATCHES.map((i) => luma(cam[i]!));
  const decreasing = lumas.every((l, k) => k === 0 || l < lumas[k - 1]!);
  const positive = NEUTRAL_PATCHES.every((i) => cam[i]!.every((c) => c > 1e-4));
  if (!decreasing || !positive) {
    throw new KioskError(
      'INVALID_INPUT',
      'the neutral row of the colour target was not found: hold the chart upright inside the guide, evenly lit',
    );
  }
}

/** Samples a frame in which the chart fills `layout` and solves its colour-correction matrix. */
export function calibrateFromFrame(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  layout?: ChartLayout,
): ColorCalibration {
  return solveColorCalibration(sampleChartPatches(rgba, width, height, layout));
}
