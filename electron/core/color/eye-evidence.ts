import type { RgbaImage } from '../vision/image-types';
import { fillPolygon, type FlatPolygon } from '../vision/polygon-raster';
import { LUMA_WEIGHTS, srgbToLinear } from './color-spaces';
import type { Vec3 } from './matrix3';

/** One eye's opening: the lid margin from FaceMesh and the iris disc from the iris network. */
export interface EyeOpening {
  /** Lid-margin polygon in image pixels. */
  readonly lid: FlatPolygon;
  /** Iris centre and radius in image pixels. */
  readonly iris: { readonly x: number; readonly y: number; readonly r: number };
}

/** What one eye says about the light: the sclera's colour and the cornea's reflection of the lamp. */
export interface EyeEvidence {
  /** Mean linear RGB of the visible sclera and how many pixels it came from; null when too little shows. */
  readonly sclera: { readonly linear: Vec3; readonly count: number } | null;
  /** Mean linear RGB of the catchlight on the cornea (the lamp itself, mirrored); null when none or blown. */
  readonly catchlight: Vec3 | null;
}

const LINEAR_LUT = Float64Array.from({ length: 256 }, (_, i) => srgbToLinear(i / 255));
/** Fewer sclera pixels than this are lashes and lid edge more than sclera. */
const MIN_SCLERA_PIXELS = 8;
/** A channel at or above this level has lost the light's colour. */
const CLIPPED = 250;

interface EyePixel {
  readonly rgb: Vec3;
  readonly luma: number;
  readonly clipped: boolean;
}

/**
 * Samples the sclera (inside the lid margin, outside the iris disc, the darkest 40 % left out as
 * lashes and lid shadow and the brightest 3 % as possible reflections) and the catchlight (the
 * brightest unclipped pixels inside the iris, several times brighter than the iris).
 */
export function eyeEvidence(image: RgbaImage, eye: EyeOpening): EyeEvidence {
  const xs = eye.lid.filter((_, k) => k % 2 === 0);
  const ys = eye.lid.filter((_, k) => k % 2 === 1);
  const x0 = Math.max(0, Math.floor(Math.min(...xs)));
  const y0 = Math.max(0, Math.floor(Math.min(...ys)));
  const x1 = Math.min(image.width, Math.ceil(Math.max(...xs)) + 1);
  const y1 = Math.min(image.height, Math.ceil(Math.max(...ys)) + 1);
  const w = x1 - x0;
  const h = y1 - y0;
  if (w < 3 || h < 2) return { sclera: null, catchlight: null };
  const inside = new Uint8Array(w * h);
  fillPolygon(
    inside,
    w,
    h,
    eye.lid.map((v, k) => v - (k % 2 === 0 ? x0 : y0)),
    1,
  );
  const sclera: EyePixel[] = [];
  const iris: EyePixel[] = [];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (inside[y * w + x] !== 1) continue;
      const i = ((y + y0) * image.width + x + x0) * 4;
      const r8 = image.data[i]!;
      const g8 = image.data[i + 1]!;
      const b8 = image.data[i + 2]!;
      const rgb: Vec3 = [LINEAR_LUT[r8]!, LINEAR_LUT[g8]!, LINEAR_LUT[b8]!];
      const pixel = {
        rgb,
        luma: LUMA_WEIGHTS[0] * rgb[0] + LUMA_WEIGHTS[1] * rgb[1] + LUMA_WEIGHTS[2] * rgb[2],
        clipped: Math.max(r8, g8, b8) >= CLIPPED,
      };
      const d = Math.hypot(x + x0 + 0.5 - eye.iris.x, y + y0 + 0.5 - eye.iris.y) / eye.iris.r;
      if (d > 1.15) sclera.push(pixel);
      else if (d < 0.85) iris.push(pixel);
    }
  }
  return { sclera: scleraOf(sclera), catchlight: catchlightOf(iris) };
}

const meanRgb = (pixels: readonly EyePixel[]): Vec3 => {
  const sum = [0, 0, 0];
  for (const p of pixels) for (let c = 0; c < 3; c++) sum[c]! += p.rgb[c]!;
  return [sum[0]! / pixels.length, sum[1]! / pixels.length, sum[2]! / pixels.length];
};

function scleraOf(pixels: EyePixel[]): EyeEvidence['sclera'] {
  const sorted = pixels.filter((p) => !p.clipped).sort((a, b) => a.luma - b.luma);
  const kept = sorted.slice(Math.floor(0.4 * sorted.length), Math.ceil(0.97 * sorted.length));
  return kept.length >= MIN_SCLERA_PIXELS ? { linear: meanRgb(kept), count: kept.length } : null;
}

function catchlightOf(pixels: EyePixel[]): Vec3 | null {
  if (pixels.length < 10) return null;
  const lumas = pixels.map((p) => p.luma).sort((a, b) => a - b);
  const median = lumas[lumas.length >> 1]!;
  const brightest = lumas[lumas.length - 1]!;
  const bright = pixels.filter((p) => p.luma >= Math.max(4 * median, 0.7 * brightest));
  if (bright.length < 2 || bright.some((p) => p.clipped)) return null;
  return meanRgb(bright);
}
