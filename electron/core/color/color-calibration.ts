import { KioskError } from '../../shared/result';
import type { Lab } from '../../shared/schemas/skin-profile-schemas';
import type { PatchSample } from './chart-sampler';
import { COLOR_CHECKER_LINEAR, NEUTRAL_PATCHES, SKIN_PATCHES } from './color-checker';
import { linearRgbToLab, LUMA_WEIGHTS, SRGB_TO_XYZ } from './color-spaces';
import { deltaE2000 } from './delta-e-2000';
import { diag3, invert3, mulMat, mulMatVec, type Mat3, type Vec3 } from './matrix3';

/** A solved colour correction and how well it reproduces the chart. */
export interface ColorCalibration {
  /**
   * Camera linear RGB (the frame's sRGB transfer function undone) → linear sRGB (D65), absolute:
   * a perfect white diffuser under the calibrated light and exposure comes out as (1, 1, 1). This
   * is the matrix the skin-metrics network applies.
   */
  readonly matrix: Mat3;
  /** The same correction to CIE XYZ (D65, Y = 1 for a perfect white): SRGB_TO_XYZ · matrix. */
  readonly toXyz: Mat3;
  /**
   * Camera luminance of a perfect white diffuser, from the neutral patches: the absolute exposure
   * reference. Skin lightness is measured against it, not against the camera's auto-exposure.
   */
  readonly whiteLevel: number;
  /** CIEDE2000 of each corrected patch against its reference, in chart order; null when left out. */
  readonly patchDeltaE: readonly (number | null)[];
  /** Mean and largest of `patchDeltaE` over the patches used. */
  readonly residualDeltaE: number;
  readonly maxDeltaE: number;
}

/**
 * When a calibration is refused. A 3 × 3 correction of a webcam typically leaves a mean ΔE00 of 1–3
 * on the 24 patches; more means glare, uneven light or a damaged chart. The neutral and skin
 * patches set the white point and the colours this product reports, so each must fit closely.
 */
export const CALIBRATION_LIMITS = { meanDeltaE: 4, keyPatchDeltaE: 5 } as const;

// The neutral row sets exposure and white point, the skin patches are what the kiosk measures.
const NEUTRAL_WEIGHT = 2;
const SKIN_WEIGHT = 3;
// A patch with this many blown pixels says nothing about its colour and is left out of the fit.
const MAX_PATCH_CLIPPED = 0.02;
// Neutral patches differ in chromaticity (r, g) by less than this; the black patch is left out (noise).
const NEUTRAL_CHROMA_SPREAD = 0.03;
// Below this the white patch is too dark to carry colour: sensor noise dominates.
const MIN_WHITE_LEVEL = 0.08;

const luma = (v: Vec3): number => LUMA_WEIGHTS[0] * v[0] + LUMA_WEIGHTS[1] * v[1] + LUMA_WEIGHTS[2] * v[2];
const labOf = (rgb: Vec3): Lab =>
  linearRgbToLab([Math.max(0, rgb[0]), Math.max(0, rgb[1]), Math.max(0, rgb[2])]);

/**
 * A chart in view has a neutral row that darkens from white to black, all six patches of one
 * chromaticity (whatever the light's colour); anything else is not a chart, or not upright.
 */
function hasNeutralRow(cam: readonly Vec3[], used: readonly boolean[] = cam.map(() => true)): boolean {
  const lumas = NEUTRAL_PATCHES.map((i) => luma(cam[i]!));
  if (!lumas.every((l, k) => k === 0 || l < lumas[k - 1]!)) return false;
  // A clipped patch has lost part of its colour; the black patch is mostly noise.
  const chromas = NEUTRAL_PATCHES.slice(0, 5)
    .filter((i) => used[i])
    .map((i) => {
      const v = cam[i]!;
      const sum = v[0] + v[1] + v[2];
      return sum > 0 ? [v[0] / sum, v[1] / sum] : [1, 1];
    });
  const mean = [0, 1].map((c) => chromas.reduce((s, ch) => s + ch[c]!, 0) / chromas.length);
  return chromas.every((ch) => Math.hypot(ch[0]! - mean[0]!, ch[1]! - mean[1]!) < NEUTRAL_CHROMA_SPREAD);
}

/** Weighted least squares M minimising Σ wᵢ‖M xᵢ − rᵢ‖² (normal equations, closed form). */
function fitMatrix(x: readonly Vec3[], r: readonly Vec3[], w: readonly number[]): Mat3 {
  const xx = new Array<number>(9).fill(0);
  const rx = new Array<number>(9).fill(0);
  x.forEach((xi, i) => {
    for (let a = 0; a < 3; a++)
      for (let b = 0; b < 3; b++) {
        xx[3 * a + b]! += w[i]! * xi[a]! * xi[b]!;
        rx[3 * a + b]! += w[i]! * r[i]![a]! * xi[b]!;
      }
  });
  try {
    return mulMat(rx as unknown as Mat3, invert3(xx as unknown as Mat3));
  } catch {
    throw new KioskError('CHART_NOT_FOUND', 'The chart patches are degenerate: is the whole chart in view?');
  }
}

/**
 * Solves the correction from 24 measured patches in chart order. First the neutral patches fix
 * exposure and white balance (per-channel gains that map them onto their reference values, the
 * absolute white reference); then a full 3 × 3 matrix is fitted on the balanced values by weighted
 * least squares, each patch weighted by its role and by 1/(Y + 0.05) so dark patches count in
 * proportion to how visible their error is.
 */
export function solveColorCalibration(
  measured: readonly (PatchSample | Vec3)[],
  reference: readonly Vec3[] = COLOR_CHECKER_LINEAR,
): ColorCalibration {
  if (measured.length !== reference.length) {
    throw new KioskError('INVALID_INPUT', `expected ${reference.length} patches, got ${measured.length}`);
  }
  const cam = measured.map((m) => ('linear' in m ? m.linear : m));
  const used = measured.map((m) => !('clipped' in m) || m.clipped <= MAX_PATCH_CLIPPED);
  if (!hasNeutralRow(cam, used)) {
    throw new KioskError(
      'CHART_NOT_FOUND',
      'The neutral row of the colour chart was not found: show the whole chart, evenly lit.',
    );
  }
  if (used.filter((u) => !u).length > measured.length / 4) {
    throw new KioskError(
      'CALIBRATION_REJECTED',
      'The colour chart is overexposed: dim the light or move it back.',
    );
  }
  const neutrals = NEUTRAL_PATCHES.filter((i) => used[i]);
  const gains = [0, 1, 2].map((c) => {
    const num = neutrals.reduce((s, i) => s + cam[i]![c]! * reference[i]![c]!, 0);
    const den = neutrals.reduce((s, i) => s + cam[i]![c]! ** 2, 0);
    return num / den;
  }) as unknown as Vec3;
  const whiteLevel = luma([1 / gains[0], 1 / gains[1], 1 / gains[2]]);
  if (!(whiteLevel >= MIN_WHITE_LEVEL)) {
    throw new KioskError(
      'CALIBRATION_REJECTED',
      'The colour chart is too dark: add light or move it closer.',
    );
  }
  const balance = diag3(gains);
  const index = cam.map((_, i) => i).filter((i) => used[i]);
  const x = index.map((i) => mulMatVec(balance, cam[i]!));
  const r = index.map((i) => reference[i]!);
  const w = index.map((i) => {
    const role = (SKIN_PATCHES as readonly number[]).includes(i)
      ? SKIN_WEIGHT
      : (NEUTRAL_PATCHES as readonly number[]).includes(i)
        ? NEUTRAL_WEIGHT
        : 1;
    return role / (luma(reference[i]!) + 0.05);
  });
  const matrix = mulMat(fitMatrix(x, r, w), balance);
  const patchDeltaE = cam.map((c, i) =>
    used[i] ? deltaE2000(labOf(mulMatVec(matrix, c)), labOf(reference[i]!)) : null,
  );
  const fitted = patchDeltaE.filter((d): d is number => d !== null);
  return {
    matrix,
    toXyz: mulMat(SRGB_TO_XYZ, matrix),
    whiteLevel,
    patchDeltaE,
    residualDeltaE: fitted.reduce((s, d) => s + d, 0) / fitted.length,
    maxDeltaE: Math.max(...fitted),
  };
}

/** Throws CALIBRATION_REJECTED when the fit leaves more error than `CALIBRATION_LIMITS` allow. */
export function assertCalibrationAcceptable(
  calibration: ColorCalibration,
  patchNames: readonly string[],
): void {
  const key = [...NEUTRAL_PATCHES, ...SKIN_PATCHES].filter(
    (i) => (calibration.patchDeltaE[i] ?? 0) > CALIBRATION_LIMITS.keyPatchDeltaE,
  );
  if (calibration.residualDeltaE <= CALIBRATION_LIMITS.meanDeltaE && key.length === 0) return;
  const worst = calibration.patchDeltaE
    .map((d, i) => ({ d: d ?? 0, i }))
    .sort((a, b) => b.d - a.d)
    .slice(0, 3)
    .map(({ d, i }) => `${patchNames[i]} ${d.toFixed(1)}`)
    .join(', ');
  throw new KioskError(
    'CALIBRATION_REJECTED',
    `The chart does not fit well enough (mean ΔE00 ${calibration.residualDeltaE.toFixed(1)}; worst: ${worst}). ` +
      'Remove glare, light the chart evenly and try again.',
    {
      residualDeltaE: Number(calibration.residualDeltaE.toFixed(2)),
      maxDeltaE: Number(calibration.maxDeltaE.toFixed(2)),
    },
  );
}
