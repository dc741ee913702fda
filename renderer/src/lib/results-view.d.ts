import { MetricKey, type SkinProfile } from '../../../electron/shared/schemas/skin-profile-schemas';
import type { ZoneOverlay } from '../../../electron/shared/schemas/analysis-schemas';
import type { z } from 'zod';
/** Below this confidence a metric is shown as "not measured" instead of a band (as on the saved page). */
export declare const MIN_SHOWN_CONFIDENCE = 0.3;
/**
 * Bands a shopper understands instead of a bare 0–100. A score of 50 is the reference value of each
 * metric's formula (docs/skin-metrics.md): under 30 reads as low, 30–59 as moderate, 60 and up as
 * pronounced.
 */
export type Band = 'low' | 'moderate' | 'pronounced';
export declare const bandOf: (score: number) => Band;
export type MetricView =
  | {
      key: MetricKey;
      measured: true;
      score: number;
      band: Band;
      confidence: number;
    }
  | {
      key: MetricKey;
      measured: false;
    };
/**
 * Every metric of a scan, strongest first, then those that were not measured (left out by the
 * analysis, or measured with too little confidence to show).
 */
export declare function metricViews(profile: SkinProfile): MetricView[];
type Zone = z.infer<typeof ZoneOverlay>;
/** The zones a metric lights up on the photo, each with its own 0–100 intensity and band. */
export declare function zonesFor(
  zones: readonly Zone[],
  key: MetricKey,
): {
  zone: string;
  score: number;
  band: Band;
}[];
export {};
