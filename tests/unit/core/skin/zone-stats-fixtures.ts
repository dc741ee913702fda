import {
  SKIN_ZONES,
  ZONE_FEATURES,
  type SkinMetricsOutputs,
  type SkinZone,
  type ZoneFeature,
  type ZoneStats,
} from '../../../../electron/core/skin/skin-metrics-io';
import { SKIN_METRICS_SOFT_FLOORS } from '../../../../electron/core/skin/soft-floors';
import { NOMINAL_ZONE_AREA } from '../../../../electron/core/skin/zone-quality';

/** Per-zone statistics of an even, well-lit, sharp, featureless skin (L* 62, a* 12, b* 17). */
export function evenZone(zone: SkinZone, overrides: Partial<Record<ZoneFeature, number>> = {}): ZoneStats {
  const row = Object.fromEntries(ZONE_FEATURES.map((f) => [f, 0])) as Record<ZoneFeature, number>;
  Object.assign(row, {
    areaPx: NOMINAL_ZONE_AREA[zone],
    rawLuma: 0.58,
    L: 62,
    a: 12,
    b: 17,
    toneWeight: 1,
    toneL: 62,
    toneA: 12,
    toneB: 17,
    detailEnergy: 0.8,
    poreEnergy: 1,
    // The soft indicators' values on featureless skin.
    pores: SKIN_METRICS_SOFT_FLOORS.pores,
    spotArea: SKIN_METRICS_SOFT_FLOORS.spotArea,
    redArea: SKIN_METRICS_SOFT_FLOORS.redArea,
    shine: SKIN_METRICS_SOFT_FLOORS.shine,
    occluded: 0.005,
    blotchEnergy: 4,
  });
  return { ...row, ...overrides };
}

/** Outputs for a whole face; `zones` overrides features of chosen zones. */
export function evenFace(
  zones: Partial<Record<SkinZone, Partial<Record<ZoneFeature, number>>>> = {},
): SkinMetricsOutputs {
  return Object.fromEntries(SKIN_ZONES.map((z) => [z, evenZone(z, zones[z])])) as SkinMetricsOutputs;
}

/** The same overrides for several zones. */
export const allOf = (
  zones: readonly SkinZone[],
  overrides: Partial<Record<ZoneFeature, number>>,
): Partial<Record<SkinZone, Partial<Record<ZoneFeature, number>>>> =>
  Object.fromEntries(zones.map((z) => [z, overrides]));
