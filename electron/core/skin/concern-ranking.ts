import type { QuestionnaireAnswers, SkinGoal } from '../../shared/schemas/questionnaire-schemas';
import {
  Concern,
  type MetricKey,
  type MetricScore,
  type SkinType,
} from '../../shared/schemas/skin-profile-schemas';

/**
 * Concerns ranked for this shopper: measured metrics (score weighted by confidence) plus what the
 * shopper told us (goal, midday feel, sensitivity). Weights are 0–1; see docs/skin-metrics.md.
 */

export const METRIC_CONCERN: Readonly<Record<MetricKey, Concern>> = {
  texture: 'texture',
  pores: 'pores',
  darkSpots: 'dark_spots',
  redness: 'redness',
  wrinkles: 'wrinkles',
  shine: 'oiliness',
  unevenness: 'uneven_tone',
  darkCircles: 'dark_circles',
};

/** What each goal adds: its main concern +0.5 (the shopper's own priority), related ones less. */
const GOAL_BOOSTS: Readonly<Record<SkinGoal, Partial<Record<Concern, number>>>> = {
  hydration: { dryness: 0.5 },
  even_tone: { uneven_tone: 0.5, dark_spots: 0.2 },
  anti_aging: { wrinkles: 0.5, texture: 0.1 },
  oil_control: { oiliness: 0.5, pores: 0.2 },
  calm_redness: { redness: 0.5 },
  smooth_texture: { texture: 0.5, pores: 0.15 },
};

/** Concerns below this weight are not listed. */
export const MIN_CONCERN_WEIGHT = 0.15;

/**
 * weight = min(1, Σ contributions): a metric gives (score/100)·(0.5 + 0.5·confidence); the skin
 * type gives dryness 0.5 (dry) or oiliness 0.4 (oily, combination); "tight_dry" raises dryness to
 * 0.7, "oily_all_over" adds 0.3 and "oily_tzone" 0.2 to oiliness; "often" sensitive adds 0.15 to
 * redness; the goal adds GOAL_BOOSTS. Sorted by weight, ties in the Concern list's order.
 */
export function rankConcerns(
  metrics: readonly MetricScore[],
  type: SkinType,
  answers: QuestionnaireAnswers,
): { concern: Concern; weight: number }[] {
  const weights = new Map<Concern, number>();
  const add = (concern: Concern, w: number) => weights.set(concern, (weights.get(concern) ?? 0) + w);
  const atLeast = (concern: Concern, w: number) =>
    weights.set(concern, Math.max(weights.get(concern) ?? 0, w));

  for (const m of metrics) add(METRIC_CONCERN[m.key], (m.score / 100) * (0.5 + 0.5 * m.confidence));
  if (type === 'dry') atLeast('dryness', answers.middayFeel === 'tight_dry' ? 0.7 : 0.5);
  if (type === 'oily' || type === 'combination') atLeast('oiliness', 0.4);
  if (answers.middayFeel === 'oily_all_over') add('oiliness', 0.3);
  if (answers.middayFeel === 'oily_tzone') add('oiliness', 0.2);
  if (answers.sensitivity === 'often') add('redness', 0.15);
  if (answers.goal) for (const [c, w] of Object.entries(GOAL_BOOSTS[answers.goal])) add(c as Concern, w);

  const order = Concern.options;
  return [...weights]
    .map(([concern, w]) => ({ concern, weight: Math.min(1, w) }))
    .filter((c) => c.weight >= MIN_CONCERN_WEIGHT)
    .sort((p, q) => q.weight - p.weight || order.indexOf(p.concern) - order.indexOf(q.concern));
}
