import type { MetricKey } from '../../shared/schemas/skin-profile-schemas';
import { hillScore, METRIC_RULES } from './metric-scoring';
import { SKIN_ZONES, type SkinMetricsOutputs, type SkinZone } from './skin-metrics-io';
import { UNUSABLE_ZONE, type ZoneQualities } from './zone-quality';

/** Per zone, the 0–100 score of each metric measured on that zone alone. */
export type ZoneScores = Record<SkinZone, Partial<Record<MetricKey, number>>>;

/**
 * The zones a metric is shown on, with the zones each needs beside it: dark circles are the under-eye
 * skin against the cheek below it, so each eye zone is scored with its own cheek and the cheeks are
 * not highlighted themselves.
 */
function zonesShown(key: MetricKey): [SkinZone, SkinZone[]][] {
  if (key === 'darkCircles')
    return [
      ['under_eye_left', ['left_cheek']],
      ['under_eye_right', ['right_cheek']],
    ];
  return METRIC_RULES[key].zones.map((zone) => [zone, []]);
}

/**
 * Each metric's formula run on one zone at a time (every other zone's quality set to zero), so the
 * results overlay can light a concern's zones with their own intensity. A zone that was not usable
 * for a metric gets no score for it. With identical zones the per-zone score equals the face score.
 */
export function zoneMetricScores(outputs: SkinMetricsOutputs, qualities: ZoneQualities): ZoneScores {
  const scores = Object.fromEntries(SKIN_ZONES.map((z) => [z, {}])) as ZoneScores;
  for (const key of Object.keys(METRIC_RULES) as MetricKey[]) {
    const rule = METRIC_RULES[key];
    for (const [zone, partners] of zonesShown(key)) {
      const kept = new Set<SkinZone>([zone, ...partners]);
      if ([...kept].some((z) => !(qualities[z][rule.quality] > 0))) continue;
      const isolated = Object.fromEntries(
        SKIN_ZONES.map((z) => [z, kept.has(z) ? qualities[z] : UNUSABLE_ZONE]),
      ) as ZoneQualities;
      const raw = rule.raw(outputs, isolated);
      if (Number.isFinite(raw)) scores[zone][key] = hillScore(raw, rule.k);
    }
  }
  return scores;
}
