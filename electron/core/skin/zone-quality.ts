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
  /** Low when much of the zone does not look like its own skin (hair, shadow, glasses, a hand). */
  readonly occlusion: number;
  /** Low when fine detail has gone relative to the pore band (blur, an upscaled small face). */
  readonly sharpness: number;
  /** The product of the above. */
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

/** Quality of one zone from its own statistics; a zone with any non-finite value scores 0. */
export function zoneQuality(zone: SkinZone, s: ZoneStats): ZoneQuality {
  if (!Object.values(s).every(Number.isFinite) || s.areaPx <= 0) {
    return { coverage: 0, exposure: 0, clipping: 0, occlusion: 0, sharpness: 0, overall: 0 };
  }
  const coverage = ramp(s.areaPx / (NOMINAL_ZONE_AREA[zone] * scale), 0.25, 0.6);
  const exposure = ramp(s.rawLuma, 0.05, 0.12);
  const clipping = ramp(s.clipped, 0.25, 0.02);
  const occlusion = ramp(s.occluded, 0.6, 0.15);
  // Blur removes the finest band first: sharp skin keeps detail ≥ ~half the pore band's energy.
  const sharpness = ramp(s.detailEnergy / Math.max(s.poreEnergy, 1e-6), 0.2, 0.45);
  return {
    coverage,
    exposure,
    clipping,
    occlusion,
    sharpness,
    overall: coverage * exposure * clipping * occlusion * sharpness,
  };
}

export type ZoneQualities = Readonly<Record<SkinZone, ZoneQuality>>;

export function zoneQualities(outputs: SkinMetricsOutputs): ZoneQualities {
  const out = {} as Record<SkinZone, ZoneQuality>;
  for (const zone of SKIN_ZONES) out[zone] = zoneQuality(zone, outputs[zone]);
  return out;
}

/**
 * Mean of a feature over several zones, each weighted by its area × quality, so a poor zone counts
 * less. Returns NaN when no zone has weight.
 */
export function pooled(
  outputs: SkinMetricsOutputs,
  qualities: ZoneQualities,
  zones: readonly SkinZone[],
  feature: ZoneFeature,
): number {
  let sum = 0;
  let weight = 0;
  for (const zone of zones) {
    const w = outputs[zone].areaPx * qualities[zone].overall;
    if (w <= 0) continue;
    sum += w * outputs[zone][feature];
    weight += w;
  }
  return weight > 0 ? sum / weight : Number.NaN;
}

/** Confidence of a measurement over `zones`: their qualities averaged by usual area (missing zones count 0). */
export function pooledConfidence(qualities: ZoneQualities, zones: readonly SkinZone[]): number {
  let sum = 0;
  let weight = 0;
  for (const zone of zones) {
    sum += NOMINAL_ZONE_AREA[zone] * qualities[zone].overall;
    weight += NOMINAL_ZONE_AREA[zone];
  }
  return weight > 0 ? sum / weight : 0;
}
