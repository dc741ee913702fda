import type { MetricKey, MetricScore } from '../../shared/schemas/skin-profile-schemas';
import { SKIN_METRICS_SOFT_FLOORS } from './soft-floors';
import type { SkinMetricsOutputs, SkinZone, ZoneStats } from './skin-metrics-io';
import { pooled, pooledConfidence, type ZoneQualities } from './zone-quality';

/**
 * The eight skin measurements as 0–100 scores. Each score is S(x) = 100·x² / (x² + k²): 0 for none,
 * 50 when the raw value x equals its reference k, approaching 100 above. docs/skin-metrics.md gives
 * x and k for each metric; the raw values come from the network's per-zone statistics.
 */

/** S(x) = 100·x²/(x²+k²) for x ≥ 0 (strictly increasing), 0 for x ≤ 0 or NaN. */
export function hillScore(x: number, k: number): number {
  if (!(x > 0)) return 0;
  return (100 * x * x) / (x * x + k * k);
}

/** A soft indicator's mean with its value on featureless skin removed, rescaled to 0–1. */
export function aboveFloor(mean: number, floor: number): number {
  return Math.max(0, (mean - floor) / (1 - floor));
}

const CHEEKS: readonly SkinZone[] = ['left_cheek', 'right_cheek'];
const FACE: readonly SkinZone[] = ['forehead', 'left_cheek', 'right_cheek', 'chin'];

interface MetricRule {
  readonly zones: readonly SkinZone[];
  /** Reference value k: the raw value that scores 50. */
  readonly k: number;
  readonly raw: (o: SkinMetricsOutputs, q: ZoneQualities) => number;
}

const ridgeSpread = (s: ZoneStats, lines: number): number =>
  Math.max(0, lines - Math.min(s.ridge0, s.ridge45, s.ridge90, s.ridge135));

/** Contrast u = 100·ln Y of a zone's diffuse (non-shiny, unoccluded) lightness. */
const diffuseContrast = (s: ZoneStats): number =>
  300 * Math.log((s.toneL / Math.max(s.toneWeight, 1e-6) + 16) / 116);

export const METRIC_RULES: Readonly<Record<MetricKey, MetricRule>> = {
  // RMS of the finest band (clipped at ±12 u), in % of luminance.
  texture: { zones: FACE, k: 3, raw: (o, q) => Math.sqrt(pooled(o, q, FACE, 'detailEnergy')) },
  pores: {
    zones: ['nose', ...CHEEKS],
    k: 0.15,
    raw: (o, q) => aboveFloor(pooled(o, q, ['nose', ...CHEEKS], 'pores'), SKIN_METRICS_SOFT_FLOORS.pores),
  },
  darkSpots: {
    zones: FACE,
    k: 0.25,
    raw: (o, q) => aboveFloor(pooled(o, q, FACE, 'spotArea'), SKIN_METRICS_SOFT_FLOORS.spotArea),
  },
  // Red blobs plus diffuse redness: each a* unit of the cheeks above 14 adds 0.01.
  redness: {
    zones: [...CHEEKS, 'nose', 'chin'],
    k: 0.1,
    raw: (o, q) => {
      const zones: readonly SkinZone[] = [...CHEEKS, 'nose', 'chin'];
      const blobs = aboveFloor(pooled(o, q, zones, 'redArea'), SKIN_METRICS_SOFT_FLOORS.redArea);
      const diffuse = Math.max(0, pooled(o, q, CHEEKS, 'a') - 14) * 0.01;
      return blobs + (Number.isFinite(diffuse) ? diffuse : 0);
    },
  },
  // Line energy above the zone's weakest orientation: horizontal lines on the forehead (0.7),
  // diagonal lines under the eyes (0.3; the lid crease is horizontal and left out).
  wrinkles: {
    zones: ['forehead', 'under_eye_left', 'under_eye_right'],
    k: 4,
    raw: (o, q) => {
      const forehead = q.forehead.overall > 0 ? ridgeSpread(o.forehead, o.forehead.ridge90) : Number.NaN;
      const eyes = (['under_eye_left', 'under_eye_right'] as const)
        .filter((z) => q[z].overall > 0)
        .map((z) => ridgeSpread(o[z], Math.max(o[z].ridge45, o[z].ridge135)));
      const eye = eyes.length ? eyes.reduce((s, v) => s + v, 0) / eyes.length : Number.NaN;
      const parts = [
        [forehead, 0.7],
        [eye, 0.3],
      ].filter(([v]) => Number.isFinite(v));
      const w = parts.reduce((s, [, wt]) => s + wt!, 0);
      return w > 0 ? Math.sqrt(parts.reduce((s, [v, wt]) => s + v! * wt!, 0) / w) : Number.NaN;
    },
  },
  // Specular area, T-zone 0.6 and U-zone 0.4.
  shine: {
    zones: ['forehead', 'nose', 'chin', ...CHEEKS],
    k: 0.2,
    raw: (o, q) => {
      const t = aboveFloor(
        pooled(o, q, ['forehead', 'nose', 'chin'], 'shine'),
        SKIN_METRICS_SOFT_FLOORS.shine,
      );
      const u = aboveFloor(pooled(o, q, CHEEKS, 'shine'), SKIN_METRICS_SOFT_FLOORS.shine);
      if (!Number.isFinite(t)) return u;
      return Number.isFinite(u) ? 0.6 * t + 0.4 * u : t;
    },
  },
  // RMS of the blotch band (pore scale to face scale), in % of luminance.
  unevenness: { zones: FACE, k: 8, raw: (o, q) => Math.sqrt(pooled(o, q, FACE, 'blotchEnergy')) },
  // How much darker the under-eye skin is than the cheek below it, per side, in % of luminance.
  darkCircles: {
    zones: ['under_eye_left', 'under_eye_right', ...CHEEKS],
    k: 30,
    raw: (o, q) => {
      const sides = [
        ['under_eye_left', 'left_cheek'],
        ['under_eye_right', 'right_cheek'],
      ] as const;
      const deltas = sides
        .filter(([eye, cheek]) => q[eye].overall > 0 && q[cheek].overall > 0)
        .map(([eye, cheek]) => diffuseContrast(o[cheek]) - diffuseContrast(o[eye]));
      return deltas.length ? Math.max(0, deltas.reduce((s, d) => s + d, 0) / deltas.length) : Number.NaN;
    },
  },
};

/** The darkCircles confidence needs both zones of a side; elsewhere it is the pooled zone quality. */
function confidenceOf(key: MetricKey, q: ZoneQualities): number {
  if (key !== 'darkCircles') return pooledConfidence(q, METRIC_RULES[key].zones);
  const left = Math.min(q.under_eye_left.overall, q.left_cheek.overall);
  const right = Math.min(q.under_eye_right.overall, q.right_cheek.overall);
  return (left + right) / 2;
}

/**
 * Every metric that could be measured (a metric whose zones all failed is left out), with its
 * confidence scaled by `faceSharpness` (the quality gate's whole-face measure, 0–1).
 */
export function scoreMetrics(
  outputs: SkinMetricsOutputs,
  qualities: ZoneQualities,
  faceSharpness = 1,
): MetricScore[] {
  const scores: MetricScore[] = [];
  for (const key of Object.keys(METRIC_RULES) as MetricKey[]) {
    const rule = METRIC_RULES[key];
    const x = rule.raw(outputs, qualities);
    const confidence = confidenceOf(key, qualities) * Math.min(1, Math.max(0, faceSharpness));
    if (!Number.isFinite(x) || confidence <= 0) continue;
    scores.push({ key, score: hillScore(x, rule.k), confidence });
  }
  return scores;
}
