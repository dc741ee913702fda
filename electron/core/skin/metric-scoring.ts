import {
  MetricKey,
  type MetricScore,
  type UnmeasuredMetric,
} from '../../shared/schemas/skin-profile-schemas';
import type { SkinMetricsOutputs, SkinZone, ZoneStats } from './skin-metrics-io';
import { SKIN_METRICS_SOFT_FLOORS as FLOOR } from './soft-floors';
import { pooled, pooledConfidence, type QualityKind, type ZoneQualities } from './zone-quality';

/**
 * The eight skin measurements as 0–100 scores. Each score is S(x) = 100·x² / (x² + k²): 0 for none,
 * 50 when the raw value x equals its reference k, approaching 100 above. docs/skin-metrics.md gives
 * x and k for each metric; the raw values come from the network's per-zone statistics.
 */

/**
 * A metric measured with less confidence than this is reported as not measured: no score, and no
 * concern, skin type or product is derived from it. docs/skin-metrics.md says how it was chosen.
 */
export const METRIC_CONFIDENCE_FLOOR = 0.3;

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
const T_ZONE: readonly SkinZone[] = ['forehead', 'nose', 'chin'];
const FACE: readonly SkinZone[] = ['forehead', 'left_cheek', 'right_cheek', 'chin'];
const RED_ZONES: readonly SkinZone[] = [...CHEEKS, 'nose', 'chin'];
const EYES = ['under_eye_left', 'under_eye_right'] as const;

interface MetricRule {
  readonly zones: readonly SkinZone[];
  /** Texture needs sharp zones; colour and area measurements only well exposed, visible ones. */
  readonly quality: QualityKind;
  /** Reference value k: the raw value that scores 50. */
  readonly k: number;
  readonly raw: (o: SkinMetricsOutputs, q: ZoneQualities) => number;
}

/** Line energy of the given orientation above the zone's weakest orientation. */
const ridgeSpread = (s: ZoneStats, lines: number): number =>
  Math.max(0, lines - Math.min(s.ridge0, s.ridge45, s.ridge90, s.ridge135));

/** Contrast u = 100·ln Y of a zone's diffuse (non-shiny, unoccluded) lightness. */
const diffuseContrast = (s: ZoneStats): number =>
  300 * Math.log((s.toneL / Math.max(s.toneWeight, 1e-6) + 16) / 116);

const mean = (values: readonly number[]): number =>
  values.length ? values.reduce((s, v) => s + v, 0) / values.length : Number.NaN;

/** Weighted mean of the finite parts only. */
function blend(parts: readonly (readonly [number, number])[]): number {
  const usable = parts.filter(([v]) => Number.isFinite(v));
  const weight = usable.reduce((s, [, w]) => s + w, 0);
  return weight > 0 ? usable.reduce((s, [v, w]) => s + v * w, 0) / weight : Number.NaN;
}

export const METRIC_RULES: Readonly<Record<MetricKey, MetricRule>> = {
  // RMS of the finest band (clipped at ±12 u), in % of luminance.
  texture: {
    zones: FACE,
    quality: 'overall',
    k: 3,
    raw: (o, q) => Math.sqrt(pooled(o, q, FACE, 'detailEnergy')),
  },
  pores: {
    zones: ['nose', ...CHEEKS],
    quality: 'overall',
    k: 0.15,
    raw: (o, q) => aboveFloor(pooled(o, q, ['nose', ...CHEEKS], 'pores'), FLOOR.pores),
  },
  // Share of the zones covered by dark-spot cores (the network's Hessian blob detector); 2.5 %
  // scores 50, about 25 spots of 3 mm at 30 % contrast (docs/skin-metrics.md, "Truth").
  darkSpots: {
    zones: FACE,
    quality: 'overall',
    k: 0.025,
    raw: (o, q) => aboveFloor(pooled(o, q, FACE, 'spotArea'), FLOOR.spotArea),
  },
  // Share of cheeks, nose and chin at least 5 a* redder than their zone's own colour at that
  // lightness; 6 % scores 50 (docs/skin-metrics.md, "Truth"). No absolute a* enters: skin of every
  // tone has its own a*, and a deeper skin is not a redder one.
  redness: {
    zones: RED_ZONES,
    quality: 'color',
    k: 0.06,
    raw: (o, q) => aboveFloor(pooled(o, q, RED_ZONES, 'redArea', 'color'), FLOOR.redArea),
  },
  // √ of line energy: horizontal lines on the forehead (0.7), diagonal lines under the eyes (0.3;
  // the lid crease there is horizontal and left out).
  wrinkles: {
    zones: ['forehead', ...EYES],
    quality: 'overall',
    k: 4,
    raw: (o, q) => {
      const forehead = q.forehead.overall > 0 ? ridgeSpread(o.forehead, o.forehead.ridge90) : Number.NaN;
      const eyes = mean(
        EYES.filter((z) => q[z].overall > 0).map((z) =>
          ridgeSpread(o[z], Math.max(o[z].ridge45, o[z].ridge135)),
        ),
      );
      return Math.sqrt(
        blend([
          [forehead, 0.7],
          [eyes, 0.3],
        ]),
      );
    },
  },
  // Specular area, T-zone 0.6 and U-zone 0.4.
  shine: {
    zones: [...T_ZONE, ...CHEEKS],
    quality: 'color',
    k: 0.1,
    raw: (o, q) =>
      blend([
        [aboveFloor(pooled(o, q, T_ZONE, 'shine', 'color'), FLOOR.shine), 0.6],
        [aboveFloor(pooled(o, q, CHEEKS, 'shine', 'color'), FLOOR.shine), 0.4],
      ]),
  },
  // RMS of the blotch band (pore scale to face scale), in % of luminance.
  unevenness: {
    zones: FACE,
    quality: 'overall',
    k: 8,
    raw: (o, q) => Math.sqrt(pooled(o, q, FACE, 'blotchEnergy')),
  },
  // How much darker the under-eye skin is than the cheek below it, per side, in % of luminance.
  darkCircles: {
    zones: [...EYES, ...CHEEKS],
    quality: 'color',
    k: 30,
    raw: (o, q) => {
      const sides = [
        ['under_eye_left', 'left_cheek'],
        ['under_eye_right', 'right_cheek'],
      ] as const;
      const deltas = sides
        .filter(([eye, cheek]) => q[eye].color > 0 && q[cheek].color > 0)
        .map(([eye, cheek]) => diffuseContrast(o[cheek]) - diffuseContrast(o[eye]));
      return Math.max(0, mean(deltas));
    },
  },
};

/** The darkCircles confidence needs both zones of a side; elsewhere it is the pooled zone quality. */
function confidenceOf(key: MetricKey, q: ZoneQualities): number {
  const rule = METRIC_RULES[key];
  if (key !== 'darkCircles') return pooledConfidence(q, rule.zones, rule.quality);
  const left = Math.min(q.under_eye_left.color, q.left_cheek.color);
  const right = Math.min(q.under_eye_right.color, q.right_cheek.color);
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

/**
 * Splits the scores at METRIC_CONFIDENCE_FLOOR: those at or above it are measured; every other
 * metric, including one scoreMetrics left out for want of a usable zone, is not measured.
 */
export function applyConfidenceFloor(scores: readonly MetricScore[]): {
  measured: MetricScore[];
  notMeasured: UnmeasuredMetric[];
} {
  const measured = scores.filter((m) => m.confidence >= METRIC_CONFIDENCE_FLOOR);
  const notMeasured = MetricKey.options
    .filter((key) => !measured.some((m) => m.key === key))
    .map((key) => ({ key, confidence: scores.find((m) => m.key === key)?.confidence ?? 0 }));
  return { measured, notMeasured };
}
