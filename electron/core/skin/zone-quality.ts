import {
  SKIN_CROP_SIZE,
  SKIN_ZONES,
  type SkinMetricsOutputs,
  type SkinZone,
  type ZoneFeature,
  type ZoneStats,
} from './skin-metrics-io';

/**
 * How far each zone's numbers can be trusted, and area-weighted pooling of zones into regions.
 * Every factor is 0–1; docs/skin-metrics.md lists the ramps.
 */

export interface ZoneQuality {
  /** Mask area against the zone's usual size: low when the zone is hidden, cut off or tiny. */
  readonly coverage: number;
  /** Low when the camera values are too dark to carry texture. */
  readonly exposure: number;
  /** Low when many pixels are blown out or crushed. */
  readonly clipping: number;
  /**
   * Low when much of the zone does not look like its own skin (hair, shadow, glasses, a hand), or
   * the whole zone looks unlike the rest of the face (covered entirely).
   */
  readonly occlusion: number;
  /** Low when fine detail has gone relative to the pore band (blur, an upscaled small face). */
  readonly sharpness: number;
  /** coverage × exposure × clipping × occlusion: the trust in mean colours and areas (blur-proof). */
  readonly color: number;
  /**
   * The trust in the zone's mean skin colour (the tone): as `color`, but a mean over thousands of
   * pixels needs far less light than texture does, so only near-black zones lose trust. Deep skin
   * is dark by nature; with the `exposure` ramp it would lose its tone before light skin does.
   */
  readonly tone: number;
  /** color × sharpness: the trust in texture measurements. */
  readonly overall: number;
}

/** Usual mask area of each zone in the 256² crop of a frontal face (median of the sample faces). */
export const NOMINAL_ZONE_AREA: Readonly<Record<SkinZone, number>> = {
  forehead: 3300,
  left_cheek: 4300,
  right_cheek: 4300,
  nose: 2900,
  chin: 3300,
  under_eye_left: 1350,
  under_eye_right: 1350,
};

/** Linear ramp from 0 at `lo` to 1 at `hi` (decreasing when lo > hi), clamped. */
export function ramp(value: number, lo: number, hi: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, (value - lo) / (hi - lo)));
}

const scale = (SKIN_CROP_SIZE * SKIN_CROP_SIZE) / (256 * 256);

/** A zone's mean colour as contrast u = 100·ln Y (from L*) and a*, b*. */
export interface ZoneColor {
  readonly u: number;
  readonly a: number;
  readonly b: number;
}

const colorOf = (s: ZoneStats): ZoneColor => ({ u: 300 * Math.log((s.L + 16) / 116), a: s.a, b: s.b });
const median = (values: number[]): number => {
  const sorted = [...values].sort((p, q) => p - q);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * How unlike the face a zone's mean colour is: distance to `face` (the zones' median colour) with
 * 40 u of lightness or 15 a*b* units counting as 1. Under-eye shading stays below 1; a zone covered
 * by hair or a hand is several units away.
 */
export function colorDistance(zone: ZoneColor, face: ZoneColor): number {
  return Math.hypot((zone.u - face.u) / 40, Math.hypot(zone.a - face.a, zone.b - face.b) / 15);
}

/** The quality of a zone nothing can be measured on: every factor 0. */
export const UNUSABLE_ZONE: Readonly<ZoneQuality> = {
  coverage: 0,
  exposure: 0,
  clipping: 0,
  occlusion: 0,
  sharpness: 0,
  color: 0,
  tone: 0,
  overall: 0,
};

/**
 * Quality of one zone from its own statistics and, when given, the face's median zone colour; a
 * zone with any non-finite value scores 0.
 */
export function zoneQuality(zone: SkinZone, s: ZoneStats, face?: ZoneColor): ZoneQuality {
  if (!Object.values(s).every(Number.isFinite) || s.areaPx <= 0) return { ...UNUSABLE_ZONE };
  const coverage = ramp(s.areaPx / (NOMINAL_ZONE_AREA[zone] * scale), 0.25, 0.6);
  const exposure = ramp(s.rawLuma, 0.05, 0.12);
  // Clipped pixels are left out of the tone by the network; the zone is still usable while most
  // of it is not clipped (warm light often saturates the red channel on bright skin).
  const clipping = ramp(s.clipped, 0.6, 0.1);
  const unlike = face ? ramp(colorDistance(colorOf(s), face), 2, 1) : 1;
  const occlusion = Math.min(ramp(s.occluded, 0.6, 0.15), unlike);
  // Blur removes the finest band first: sharp skin keeps detail ≥ ~half the pore band's energy. A
  // zone with almost no texture at all says nothing about blur, so the rule fades out there.
  const signal = ramp(s.detailEnergy + s.poreEnergy, 0.002, 0.02);
  const sharpness = 1 - signal * (1 - ramp(s.detailEnergy / Math.max(s.poreEnergy, 1e-9), 0.25, 0.5));
  const color = coverage * exposure * clipping * occlusion;
  const tone = coverage * ramp(s.rawLuma, 0.02, 0.05) * clipping * occlusion;
  return { coverage, exposure, clipping, occlusion, sharpness, color, tone, overall: color * sharpness };
}

export type ZoneQualities = Readonly<Record<SkinZone, ZoneQuality>>;

/** Every zone's quality, each judged also against the median colour of the visible zones. */
export function zoneQualities(outputs: SkinMetricsOutputs): ZoneQualities {
  const visible = SKIN_ZONES.map((z) => outputs[z]).filter(
    (s) => s.areaPx > 0 && Number.isFinite(s.L) && Number.isFinite(s.a) && Number.isFinite(s.b),
  );
  const colors = visible.map(colorOf);
  const face = colors.length
    ? {
        u: median(colors.map((c) => c.u)),
        a: median(colors.map((c) => c.a)),
        b: median(colors.map((c) => c.b)),
      }
    : undefined;
  const out = {} as Record<SkinZone, ZoneQuality>;
  for (const zone of SKIN_ZONES) out[zone] = zoneQuality(zone, outputs[zone], face);
  return out;
}

/** Which trust a measurement needs: `overall` for texture, `color` for colours and areas, `tone` for the skin colour. */
export type QualityKind = 'overall' | 'color' | 'tone';

/**
 * Mean of a feature over several zones, each weighted by its area × quality, so a poor zone counts
 * less. Returns NaN when no zone has weight.
 */
export function pooled(
  outputs: SkinMetricsOutputs,
  qualities: ZoneQualities,
  zones: readonly SkinZone[],
  feature: ZoneFeature,
  kind: QualityKind = 'overall',
): number {
  let sum = 0;
  let weight = 0;
  for (const zone of zones) {
    const w = outputs[zone].areaPx * qualities[zone][kind];
    if (w <= 0) continue;
    sum += w * outputs[zone][feature];
    weight += w;
  }
  return weight > 0 ? sum / weight : Number.NaN;
}

/** Confidence of a measurement over `zones`: their qualities averaged by usual area (missing zones count 0). */
export function pooledConfidence(
  qualities: ZoneQualities,
  zones: readonly SkinZone[],
  kind: QualityKind = 'overall',
): number {
  let sum = 0;
  let weight = 0;
  for (const zone of zones) {
    sum += NOMINAL_ZONE_AREA[zone] * qualities[zone][kind];
    weight += NOMINAL_ZONE_AREA[zone];
  }
  return weight > 0 ? sum / weight : 0;
}
