import { KioskError } from '../../shared/result';
import { LUMA_WEIGHTS, srgbToLinear } from './color-spaces';
import { diag3, mulMat, type Mat3, type Vec3 } from './matrix3';

/** An axis-aligned box in pixels of the frame. */
export interface PixelBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Gains for linear RGB and how far to trust them. */
export interface WhiteBalance {
  /** Multiply linear R, G, B by these; they keep the background's luminance (Y) unchanged. */
  readonly gains: Vec3;
  /** Background pixels that were averaged. */
  readonly samples: number;
  /** 0–1: low when little background was visible or most of it was rejected as outliers. */
  readonly confidence: number;
}

export interface GrayWorldOptions {
  /** How far the face box is grown on each side before the background starts (fractions of its size). */
  readonly margin?: { readonly side: number; readonly top: number; readonly bottom: number };
  /** Sample every n-th pixel in both directions (speed); 2 unless given. */
  readonly stride?: number;
}

// Hair sits above the box and the neck below it, so those margins are larger than the sides.
const DEFAULT_MARGIN = { side: 0.35, top: 0.45, bottom: 0.8 };
// 8-bit limits: clipped pixels carry no colour information, very dark ones mostly noise.
const CLIP_HIGH = 250;
const DARK_LOW = 12;
// A background pixel whose balanced chromaticity is this far from neutral is a coloured object
// (clothing, a poster), not the gray world the method assumes; it is dropped in the second pass.
const OUTLIER_CHROMA = 0.18;

const LINEAR_LUT = Float64Array.from({ length: 256 }, (_, i) => srgbToLinear(i / 255));

/**
 * Gray-world white balance over the background: the pixels outside the face box grown by a margin.
 * Two passes: the first averages every usable pixel, the second drops pixels that are still far
 * from neutral after the first correction (robust to a coloured object in view). The gains map the
 * background mean to a neutral of the same luminance.
 *
 * @param rgba 8-bit RGBA frame, row-major, `width * height * 4` bytes.
 * @param faceBox the detected face in frame pixels.
 */
export function grayWorldGains(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  faceBox: PixelBox,
  options: GrayWorldOptions = {},
): WhiteBalance {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new KioskError('IMAGE_INVALID', `frame size ${width}×${height} is not valid`);
  }
  if (rgba.length !== width * height * 4) {
    throw new KioskError('IMAGE_INVALID', `frame has ${rgba.length} bytes, expected ${width * height * 4}`);
  }
  const margin = options.margin ?? DEFAULT_MARGIN;
  const stride = Math.max(1, Math.floor(options.stride ?? 2));
  const x0 = faceBox.x - margin.side * faceBox.width;
  const x1 = faceBox.x + (1 + margin.side) * faceBox.width;
  const y0 = faceBox.y - margin.top * faceBox.height;
  const y1 = faceBox.y + (1 + margin.bottom) * faceBox.height;

  const sampled: number[] = [];
  let candidates = 0;
  for (let y = 0; y < height; y += stride) {
    for (let x = 0; x < width; x += stride) {
      if (x >= x0 && x < x1 && y >= y0 && y < y1) continue;
      candidates++;
      const i = (y * width + x) * 4;
      const r = rgba[i]!;
      const g = rgba[i + 1]!;
      const b = rgba[i + 2]!;
      const hi = Math.max(r, g, b);
      if (hi >= CLIP_HIGH || hi <= DARK_LOW) continue;
      sampled.push(LINEAR_LUT[r]!, LINEAR_LUT[g]!, LINEAR_LUT[b]!);
    }
  }
  const first = meanOf(sampled, null);
  if (first.count === 0) return { gains: [1, 1, 1], samples: 0, confidence: 0 };
  const firstGains = gainsFor(first.mean);
  const second = meanOf(sampled, firstGains);
  const final = second.count > 0 ? second : first;
  const totalPixels = Math.ceil(width / stride) * Math.ceil(height / stride);
  const coverage = ramp(candidates / totalPixels, 0.05, 0.25);
  const kept = ramp(final.count / Math.max(1, candidates), 0.2, 0.6);
  return { gains: gainsFor(final.mean), samples: final.count, confidence: coverage * kept };
}

/**
 * The matrix the skin-metrics network applies to linear RGB: the white-balance gains, preceded by
 * the staff calibration matrix when one is stored (calibration · diag(gains)).
 */
export function colorMatrixFor(gains: Vec3, calibration?: Mat3 | null): Mat3 {
  const balance = diag3(gains);
  return calibration ? mulMat(calibration, balance) : balance;
}

// Incandescent light needs a blue gain near 4.3; beyond 6 the background is simply not gray.
const MAX_GAIN = 6;

function gainsFor(mean: Vec3): Vec3 {
  const y = LUMA_WEIGHTS[0] * mean[0] + LUMA_WEIGHTS[1] * mean[1] + LUMA_WEIGHTS[2] * mean[2];
  const gain = (c: number): number => Math.min(MAX_GAIN, Math.max(1 / MAX_GAIN, y / Math.max(c, 1e-9)));
  return [gain(mean[0]), gain(mean[1]), gain(mean[2])];
}

/** Mean linear RGB; with `gains`, only over pixels that are near neutral once balanced. */
function meanOf(samples: readonly number[], gains: Vec3 | null): { mean: Vec3; count: number } {
  let r = 0;
  let g = 0;
  let b = 0;
  let count = 0;
  for (let i = 0; i < samples.length; i += 3) {
    const sr = samples[i]!;
    const sg = samples[i + 1]!;
    const sb = samples[i + 2]!;
    if (gains) {
      const cr = sr * gains[0];
      const cg = sg * gains[1];
      const cb = sb * gains[2];
      const sum = cr + cg + cb;
      const chroma = Math.hypot(cr / sum - 1 / 3, cg / sum - 1 / 3, cb / sum - 1 / 3);
      if (chroma > OUTLIER_CHROMA) continue;
    }
    r += sr;
    g += sg;
    b += sb;
    count++;
  }
  return count === 0 ? { mean: [0, 0, 0], count } : { mean: [r / count, g / count, b / count], count };
}

const ramp = (v: number, lo: number, hi: number): number => Math.min(1, Math.max(0, (v - lo) / (hi - lo)));
