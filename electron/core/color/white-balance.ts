import { KioskError } from '../../shared/result';
import { LUMA_WEIGHTS, srgbToLinear } from './color-spaces';
import type { Vec3 } from './matrix3';

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
  /** Sample every n-th pixel in both directions; by default about 40 000 samples per frame. */
  readonly stride?: number;
}

// Hair sits above the box and the neck below it, so those margins are larger than the sides.
const DEFAULT_MARGIN = { side: 0.35, top: 0.45, bottom: 0.8 };
const TARGET_SAMPLES = 40_000;
// 8-bit limits: clipped pixels carry no colour information, very dark ones mostly noise.
const CLIP_HIGH = 250;
const DARK_LOW = 12;
// A background pixel whose balanced chromaticity is this far from neutral is a coloured object
// (clothing, a poster), not the gray world the method assumes; it is dropped in the second pass.
const OUTLIER_CHROMA = 0.18;

const LINEAR_LUT = Float64Array.from({ length: 256 }, (_, i) => srgbToLinear(i / 255));

/** Visits every sampled, usable background pixel with its linear RGB. */
type BackgroundVisitor = (r: number, g: number, b: number) => void;

/**
 * Gray-world white balance over the background: the pixels outside the face box grown by a margin.
 * Two passes: the first averages every usable pixel, the second only pixels that are near neutral
 * after the first correction (robust to a coloured object in view). The gains map the background
 * mean to a neutral of the same luminance.
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
  const stride = Math.max(1, Math.floor(options.stride ?? Math.sqrt((width * height) / TARGET_SAMPLES)));
  const x0 = faceBox.x - margin.side * faceBox.width;
  const x1 = faceBox.x + (1 + margin.side) * faceBox.width;
  const y0 = faceBox.y - margin.top * faceBox.height;
  const y1 = faceBox.y + (1 + margin.bottom) * faceBox.height;

  let candidates = 0;
  let total = 0;
  const visit = (visitor: BackgroundVisitor): void => {
    candidates = 0;
    total = 0;
    for (let y = 0; y < height; y += stride) {
      const insideRows = y >= y0 && y < y1;
      for (let x = 0; x < width; x += stride) {
        total++;
        if (insideRows && x >= x0 && x < x1) continue;
        candidates++;
        const i = (y * width + x) * 4;
        const r = rgba[i]!;
        const g = rgba[i + 1]!;
        const b = rgba[i + 2]!;
        const hi = Math.max(r, g, b);
        if (hi >= CLIP_HIGH || hi <= DARK_LOW) continue;
        visitor(LINEAR_LUT[r]!, LINEAR_LUT[g]!, LINEAR_LUT[b]!);
      }
    }
  };

  const first = new MeanRgb();
  visit((r, g, b) => first.add(r, g, b));
  if (first.count === 0) return { gains: [1, 1, 1], samples: 0, confidence: 0 };
  const firstGains = gainsFor(first.mean());
  const second = new MeanRgb();
  visit((r, g, b) => {
    if (isNearNeutral(r * firstGains[0], g * firstGains[1], b * firstGains[2])) second.add(r, g, b);
  });
  const final = second.count > 0 ? second : first;
  const coverage = ramp(candidates / total, 0.05, 0.25);
  const kept = ramp(final.count / Math.max(1, candidates), 0.2, 0.6);
  return { gains: gainsFor(final.mean()), samples: final.count, confidence: coverage * kept };
}

// Incandescent light needs a blue gain near 4.3; beyond 6 the background is simply not gray.
const MAX_GAIN = 6;

function gainsFor(mean: Vec3): Vec3 {
  const y = LUMA_WEIGHTS[0] * mean[0] + LUMA_WEIGHTS[1] * mean[1] + LUMA_WEIGHTS[2] * mean[2];
  const gain = (c: number): number => Math.min(MAX_GAIN, Math.max(1 / MAX_GAIN, y / Math.max(c, 1e-9)));
  return [gain(mean[0]), gain(mean[1]), gain(mean[2])];
}

class MeanRgb {
  private r = 0;
  private g = 0;
  private b = 0;
  count = 0;

  add(r: number, g: number, b: number): void {
    this.r += r;
    this.g += g;
    this.b += b;
    this.count++;
  }

  mean(): Vec3 {
    return [this.r / this.count, this.g / this.count, this.b / this.count];
  }
}

function isNearNeutral(r: number, g: number, b: number): boolean {
  const sum = r + g + b;
  return Math.hypot(r / sum - 1 / 3, g / sum - 1 / 3, b / sum - 1 / 3) <= OUTLIER_CHROMA;
}

const ramp = (v: number, lo: number, hi: number): number => Math.min(1, Math.max(0, (v - lo) / (hi - lo)));
