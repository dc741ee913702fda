import {
  hexToSrgb,
  labToLinearRgb,
  linearRgbToLab,
  linearToSrgb,
  srgbToLinear,
} from '../../electron/core/color/color-spaces';
import type { Vec3 } from '../../electron/core/color/matrix3';
import { SKIN_CROP_SIZE as N, SKIN_ZONES, type SkinZone } from '../../electron/core/skin/skin-metrics-io';
import { gaussian } from '../unit/model/skin-metrics/synthetic-crops';
import { rng } from './seeded-random';

/**
 * Ground truth for the concern metrics: real skin from a face photo (the product's own skin crop
 * and zone masks), re-toned to a known albedo, with lesions of known size, count and strength drawn
 * on it, then quantised to 8 bits like a camera frame. Re-toning keeps the photo's luminance
 * structure (shading, pores, lines, freckles) and replaces its chromaticity with the albedo's, so
 * the only colour feature is the one drawn; everything is done in linear light, as physics would.
 *
 * Strengths: a spot's is its contrast, the share of light it takes at its centre (0.2 = 20% darker);
 * an erythema patch's is its a* shift at the centre (CIELAB units); a line's is its depth, the share
 * of light it takes along its middle.
 */
export type LesionKind = 'spots' | 'erythema' | 'lines';

export interface Lesion {
  readonly kind: LesionKind;
  readonly strength: number;
  /** How many spots or patches (lines: how many across the forehead). */
  readonly count?: number;
  /** Gaussian radius σ in crop pixels (a spot 2σ across at half depth is about 2.4σ). */
  readonly sigmaPx?: number;
}

/** Where each kind is drawn: spots where dark spots are scored, patches where redness is, lines on the forehead. */
const LESION_ZONES: Readonly<Record<LesionKind, readonly SkinZone[]>> = {
  spots: ['forehead', 'left_cheek', 'right_cheek', 'chin'],
  erythema: ['left_cheek', 'right_cheek', 'nose', 'chin'],
  lines: ['forehead'],
};
const DEFAULTS: Readonly<Record<LesionKind, { count: number; sigmaPx: number }>> = {
  spots: { count: 12, sigmaPx: 2.5 },
  erythema: { count: 4, sigmaPx: 6 },
  lines: { count: 2, sigmaPx: 1.2 },
};
/** Brown pigment takes more blue than red: per-channel optical density relative to green. */
const PIGMENT_DENSITY: Vec3 = [0.75, 1, 1.35];
const P = N * N;

export interface SkinCrop {
  /** [3, N, N] sRGB in [0, 1]. */
  readonly crop: Float32Array;
  /** [7, N, N] 0/1 zone masks in SKIN_ZONES order. */
  readonly masks: Float32Array;
}

/** The published Monk Skin Tone swatches as linear RGB albedos, tone 1 first. */
export const monkAlbedo = (hex: string): Vec3 => hexToSrgb(hex).map(srgbToLinear) as unknown as Vec3;

const zoneIndex = (zone: SkinZone) => SKIN_ZONES.indexOf(zone);

/**
 * `count` centres inside the zones, at least `margin` px from any zone edge, spread out: the first
 * nearest the zones' centroid, each next one the farthest from those already chosen.
 */
function lesionCentres(
  masks: Float32Array,
  zones: readonly SkinZone[],
  count: number,
  margin: number,
): { x: number; y: number }[] {
  const inside = (x: number, y: number) =>
    x >= 0 && y >= 0 && x < N && y < N && zones.some((z) => masks[zoneIndex(z) * P + y * N + x] === 1);
  const candidates: { x: number; y: number }[] = [];
  for (let y = 0; y < N; y++)
    for (let x = 0; x < N; x++) {
      let ok = inside(x, y);
      for (let a = 0; ok && a < 16; a++) {
        const t = (a * Math.PI) / 8;
        ok = inside(Math.round(x + margin * Math.cos(t)), Math.round(y + margin * Math.sin(t)));
      }
      if (ok) candidates.push({ x, y });
    }
  if (candidates.length === 0 || count === 0) return [];
  const cx = candidates.reduce((s, p) => s + p.x, 0) / candidates.length;
  const cy = candidates.reduce((s, p) => s + p.y, 0) / candidates.length;
  const d2 = (p: { x: number; y: number }, q: { x: number; y: number }) =>
    (p.x - q.x) ** 2 + (p.y - q.y) ** 2;
  const chosen = [candidates.reduce((b, p) => (d2(p, { x: cx, y: cy }) < d2(b, { x: cx, y: cy }) ? p : b))];
  const nearest = candidates.map((p) => d2(p, chosen[0]!));
  while (chosen.length < count) {
    let best = 0;
    nearest.forEach((d, i) => (d > nearest[best]! ? (best = i) : undefined));
    const next = candidates[best]!;
    chosen.push(next);
    candidates.forEach((p, i) => (nearest[i] = Math.min(nearest[i]!, d2(p, next))));
  }
  return chosen;
}

/** Sum of unit Gaussian bumps at the centres, capped at 1 where they overlap. */
function bumps(centres: readonly { x: number; y: number }[], sigma: number): Float64Array {
  const field = new Float64Array(P);
  const r = Math.ceil(4 * sigma);
  for (const c of centres)
    for (let y = Math.max(0, Math.floor(c.y - r)); y <= Math.min(N - 1, c.y + r); y++)
      for (let x = Math.max(0, Math.floor(c.x - r)); x <= Math.min(N - 1, c.x + r); x++)
        field[y * N + x] = Math.min(
          1,
          field[y * N + x]! + Math.exp(-((x - c.x) ** 2 + (y - c.y) ** 2) / (2 * sigma * sigma)),
        );
  return field;
}

/**
 * `count` horizontal lines across the forehead, evenly spaced over its height in each column (two
 * lines: at a third and two thirds, 8–12 px apart on an adult forehead, as expression lines are).
 */
function foreheadLines(masks: Float32Array, count: number, sigma: number): Float64Array {
  const field = new Float64Array(P);
  const z = zoneIndex('forehead');
  for (let x = 0; x < N; x++) {
    let top = -1;
    let bottom = -1;
    for (let y = 0; y < N; y++)
      if (masks[z * P + y * N + x] === 1) {
        if (top < 0) top = y;
        bottom = y;
      }
    if (bottom - top < 4 * count) continue;
    for (let k = 0; k < count; k++) {
      const centre = top + ((k + 1) / (count + 1)) * (bottom - top);
      for (let y = top; y <= bottom; y++)
        field[y * N + x] = Math.min(
          1,
          field[y * N + x]! + Math.exp(-((y - centre) ** 2) / (2 * sigma * sigma)),
        );
    }
  }
  return field;
}

/** A skin crop ready for re-toning: its skin mask and each pixel's luminance over the skin's mean. */
export interface PreparedSkin {
  readonly source: SkinCrop;
  readonly skin: Uint8Array;
  /** Y / mean Y of the skin: the photo's shading and texture, kept by every re-toning. */
  readonly relativeLuminance: Float64Array;
  /** Linear RGB of the crop, for the pixels that are not skin (hair, eyes, background). */
  readonly linear: Float64Array;
}

export function prepareSkin(source: SkinCrop): PreparedSkin {
  const { crop, masks } = source;
  const skin = new Uint8Array(P);
  for (let z = 0; z < SKIN_ZONES.length; z++) for (let p = 0; p < P; p++) if (masks[z * P + p]) skin[p] = 1;
  const linear = Float64Array.from(crop, srgbToLinear);
  const relativeLuminance = new Float64Array(P);
  let mean = 0;
  let count = 0;
  for (let p = 0; p < P; p++) {
    relativeLuminance[p] = 0.2126 * linear[p]! + 0.7152 * linear[P + p]! + 0.0722 * linear[2 * P + p]!;
    if (skin[p]) {
      mean += relativeLuminance[p]!;
      count++;
    }
  }
  mean /= Math.max(count, 1);
  for (let p = 0; p < P; p++) relativeLuminance[p]! /= mean;
  return { source, skin, relativeLuminance, linear };
}

/**
 * The exposure a kiosk would lock its camera at for this face: the lightest albedo it must measure
 * clips (sRGB ≥ 0.98) on no more than 5 % of the skin, the live guidance's highlight limit. The same
 * exposure is then used for every tone, as a locked camera would.
 */
export function lockedExposure(skin: PreparedSkin, lightest: Vec3): number {
  const ratios = [...skin.relativeLuminance].filter((_, p) => skin.skin[p]).sort((a, b) => a - b);
  const r95 = ratios[Math.floor(0.95 * (ratios.length - 1))] ?? 1;
  return srgbToLinear(0.98) / (Math.max(...lightest) * r95);
}

/**
 * Camera noise in 8-bit codes (standard deviation), added before rounding as a sensor's would be: a
 * webcam at indoor gain shows 1–2 codes. The same seeded pattern is used for every tone and lesion,
 * so two renders differ only by what was drawn.
 */
const CAMERA_NOISE_CODES = 1;

/**
 * The skin of `prepared` re-toned to `albedo` (linear RGB) at `exposure`, with `lesion` drawn on
 * it, as an 8-bit sRGB crop with camera noise.
 */
export function renderLesionCrop(
  prepared: PreparedSkin,
  albedo: Vec3,
  lesion: Lesion,
  exposure: number,
): Float32Array {
  const { source, skin, relativeLuminance, linear } = prepared;
  const { masks } = source;
  const { count: n, sigmaPx: sigma } = { ...DEFAULTS[lesion.kind], ...lesion };
  const field =
    lesion.kind === 'lines'
      ? foreheadLines(masks, n, sigma)
      : bumps(lesionCentres(masks, LESION_ZONES[lesion.kind], n, Math.ceil(2.5 * sigma)), sigma);
  const inLesionZone = (p: number) =>
    LESION_ZONES[lesion.kind].some((z) => masks[zoneIndex(z) * P + p] === 1);
  const out = new Float32Array(3 * P);
  const random = rng(7);
  for (let p = 0; p < P; p++) {
    let rgb: number[] = [linear[p]!, linear[P + p]!, linear[2 * P + p]!];
    if (skin[p]) {
      rgb = albedo.map((v) => exposure * v * relativeLuminance[p]!);
      const g = field[p]! > 0 && inLesionZone(p) ? field[p]! : 0;
      if (g > 0 && lesion.kind === 'spots')
        rgb = rgb.map((v, c) => v * (1 - lesion.strength) ** (PIGMENT_DENSITY[c]! * g));
      if (g > 0 && lesion.kind === 'lines') rgb = rgb.map((v) => v * (1 - lesion.strength * g));
      if (g > 0 && lesion.kind === 'erythema') {
        const lab = linearRgbToLab(rgb as unknown as Vec3);
        rgb = [...labToLinearRgb({ ...lab, a: lab.a + lesion.strength * g })];
      }
    }
    for (let c = 0; c < 3; c++) {
      const code = 255 * linearToSrgb(Math.max(0, rgb[c]!)) + CAMERA_NOISE_CODES * gaussian(random);
      out[c * P + p] = Math.min(255, Math.max(0, Math.round(code))) / 255;
    }
  }
  return out;
}
