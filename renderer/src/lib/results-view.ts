import {
  MetricKey,
  type MetricScore,
  type SkinProfile,
} from '../../../electron/shared/schemas/skin-profile-schemas';
import type { ZoneOverlay } from '../../../electron/shared/schemas/analysis-schemas';
import type { z } from 'zod';

/** Below this confidence a metric is shown as "not measured" instead of a band (as on the saved page). */
export const MIN_SHOWN_CONFIDENCE = 0.3;

/**
 * Bands a shopper understands instead of a bare 0–100. A score of 50 is the reference value of each
 * metric's formula (docs/skin-metrics.md): under 30 reads as low, 30–59 as moderate, 60 and up as
 * pronounced.
 */
export type Band = 'low' | 'moderate' | 'pronounced';
export const bandOf = (score: number): Band =>
  score >= 60 ? 'pronounced' : score >= 30 ? 'moderate' : 'low';

export type MetricView =
  | { key: MetricKey; measured: true; score: number; band: Band; confidence: number }
  | { key: MetricKey; measured: false };

/**
 * Every metric of a scan, strongest first, then those that were not measured (left out by the
 * analysis, or measured with too little confidence to show).
 */
export function metricViews(profile: SkinProfile): MetricView[] {
  const byKey = new Map<MetricKey, MetricScore>(profile.metrics.map((m) => [m.key, m]));
  const measured: MetricView[] = [];
  const missing: MetricView[] = [];
  for (const key of MetricKey.options) {
    const m = byKey.get(key);
    if (m && Number.isFinite(m.score) && m.confidence >= MIN_SHOWN_CONFIDENCE)
      measured.push({ key, measured: true, score: m.score, band: bandOf(m.score), confidence: m.confidence });
    else missing.push({ key, measured: false });
  }
  measured.sort((a, b) => (b.measured && a.measured ? b.score - a.score : 0));
  return [...measured, ...missing];
}

type Zone = z.infer<typeof ZoneOverlay>;

/** The zones a metric lights up on the photo, each with its own 0–100 intensity and band. */
export function zonesFor(
  zones: readonly Zone[],
  key: MetricKey,
): { zone: string; score: number; band: Band }[] {
  const lit: { zone: string; score: number; band: Band }[] = [];
  for (const z of zones) {
    const score = z.scores?.[key];
    if (score !== undefined && Number.isFinite(score)) lit.push({ zone: z.zone, score, band: bandOf(score) });
  }
  return lit;
}
