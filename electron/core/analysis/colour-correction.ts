import type { ColourMode } from '../../shared/schemas/skin-profile-schemas';
import { srgbToLinear } from '../color/color-spaces';
import { eyeEvidence } from '../color/eye-evidence';
import { estimateIlluminant } from '../color/illuminant-estimate';
import { diag3, type Mat3, type Vec3 } from '../color/matrix3';
import type { WhiteBalance } from '../color/white-balance';
import { SKIN_CROP_SIZE, SKIN_ZONES } from '../skin/skin-metrics-io';
import type { Point3 } from '../vision/facemesh-decoder';
import type { RgbaImage } from '../vision/image-types';
import type { FaceModelsIo } from './face-models-io';
import { findEyeOpening } from './iris-finder';
import type { ModelRunner } from './model-runner-port';
import type { SkinInputs } from './skin-inputs';

/** The colour matrix the skin network applies, and how it was obtained. */
export interface ColourCorrection {
  /** Camera linear RGB → linear sRGB (D65), a white surface at (1, 1, 1). */
  readonly matrix: Mat3;
  readonly mode: ColourMode;
  /** 1 with a chart calibration; lower for an estimate. */
  readonly confidence: number;
}

export function calibratedCorrection(matrix: Mat3): ColourCorrection {
  return { matrix, mode: 'calibrated', confidence: 1 };
}

/** Zones the skin's mean colour is taken from for the estimate's prior (those the tone reads). */
const TONE_ZONE_CHANNELS = (['forehead', 'left_cheek', 'right_cheek'] as const).map((z) =>
  SKIN_ZONES.indexOf(z),
);
const LINEAR_LUT = Float64Array.from({ length: 4096 }, (_, i) => srgbToLinear(i / 4095));

/**
 * Mean linear RGB of the tone zones in the skin crop (NCHW sRGB in [0, 1]), from every other pixel
 * of every other row: thousands of pixels are plenty for a mean.
 */
function skinMean(inputs: SkinInputs): Vec3 {
  const plane = SKIN_CROP_SIZE * SKIN_CROP_SIZE;
  const sum = [0, 0, 0];
  let count = 0;
  for (const z of TONE_ZONE_CHANNELS) {
    const mask = inputs.masks.subarray(z * plane, (z + 1) * plane);
    for (let i = 0; i < plane; i += (i + 2) % SKIN_CROP_SIZE === 0 ? SKIN_CROP_SIZE + 2 : 2) {
      if (mask[i] !== 1) continue;
      for (let c = 0; c < 3; c++) {
        const v = Math.min(1, Math.max(0, inputs.crop[c * plane + i]!));
        sum[c]! += LINEAR_LUT[Math.round(v * 4095)]!;
      }
      count++;
    }
  }
  return count > 0 ? [sum[0]! / count, sum[1]! / count, sum[2]! / count] : [0, 0, 0];
}

/**
 * Starts the uncalibrated estimate: the iris network runs on one eye while the caller cuts the skin
 * crop, then `finish` combines the sclera, the catchlight and the background with the skin-locus
 * prior (`estimateIlluminant`). Without an iris network the eye simply gives no evidence.
 */
export function beginColourEstimate(
  runner: ModelRunner,
  io: FaceModelsIo,
  image: RgbaImage,
  points: readonly Point3[],
  background: WhiteBalance,
): { finish(inputs: SkinInputs): Promise<ColourCorrection> } {
  const eye = findEyeOpening(runner, io, image, points);
  // Observed here so a failure while the caller works cannot go unhandled; `finish` rethrows it.
  eye.catch(() => undefined);
  return {
    async finish(inputs) {
      const skin = skinMean(inputs);
      const opening = await eye;
      const seen = opening ? eyeEvidence(image, opening) : { sclera: null, catchlight: null };
      const [gr, gg, gb] = background.gains;
      const estimate = estimateIlluminant({
        sclera: seen.sclera && opening ? { ...seen.sclera, irisRadius: opening.iris.r } : null,
        catchlight: seen.catchlight,
        background:
          background.samples > 0 ? { linear: [1 / gr, 1 / gg, 1 / gb], trust: background.confidence } : null,
        skin,
      });
      return { matrix: diag3(estimate.gains), mode: 'approximate', confidence: estimate.confidence };
    },
  };
}
