import type { QuestionnaireAnswers, SkinGoal } from '../../shared/schemas/questionnaire-schemas';
import type { Concern, SkinProfile, SkinType } from '../../shared/schemas/skin-profile-schemas';
import { METRIC_CONCERN } from '../skin/concern-ranking';

/** How much one concern matters to this shopper and where that came from (for the reasons shown). */
export interface ConcernNeed {
  concern: Concern;
  /** 0–1. */
  weight: number;
  /** The measured 0–100 score when a trusted metric backs the need, else null. */
  score: number | null;
  /** The questionnaire goal behind the need, when there is one. */
  goal: SkinGoal | null;
}

export interface ShopperNeeds {
  skinType: SkinType;
  /** Reacts often: fragrance-free only, no strong actives. */
  sensitive: boolean;
  /** Reacts sometimes: fragrance-free preferred. */
  cautious: boolean;
  /** Strongest first; only needs with weight ≥ NEED_FLOOR. */
  needs: ConcernNeed[];
}

/** Below this a concern does not steer the routine. */
const NEED_FLOOR = 0.2;
/** A metric measured with less confidence than this is not trusted (occluded, dark or blurred zone). */
const MIN_METRIC_CONFIDENCE = 0.4;

const GOAL_CONCERNS: Readonly<Record<SkinGoal, ReadonlyArray<readonly [Concern, number]>>> = {
  hydration: [
    ['dryness', 0.8],
    ['dullness', 0.3],
  ],
  even_tone: [
    ['uneven_tone', 0.8],
    ['dark_spots', 0.6],
  ],
  anti_aging: [
    ['wrinkles', 0.8],
    ['texture', 0.3],
  ],
  oil_control: [
    ['oiliness', 0.8],
    ['pores', 0.5],
  ],
  calm_redness: [['redness', 0.8]],
  smooth_texture: [
    ['texture', 0.8],
    ['pores', 0.4],
  ],
};

const FEEL_CONCERNS: Readonly<Record<string, ReadonlyArray<readonly [Concern, number]>>> = {
  tight_dry: [['dryness', 0.5]],
  oily_all_over: [['oiliness', 0.6]],
  oily_tzone: [['oiliness', 0.4]],
};

/**
 * Fuses the profile (metrics with confidence, ranked concerns, type, sensitivity) and the answers
 * into weighted needs. A metric counts in proportion to its score, scaled down when its confidence
 * is below 0.7 and ignored below 0.4; the strongest source wins for each concern. With no scan the
 * profile has no metrics and the answers carry the routine alone.
 */
export function deriveNeeds(profile: SkinProfile, answers: QuestionnaireAnswers): ShopperNeeds {
  const needs = new Map<Concern, ConcernNeed>();
  const raise = (concern: Concern, weight: number, score: number | null, goal: SkinGoal | null): void => {
    const current = needs.get(concern);
    const w = Math.min(1, Math.max(0, weight));
    if (!current) {
      needs.set(concern, { concern, weight: w, score, goal });
      return;
    }
    needs.set(concern, {
      concern,
      weight: Math.max(current.weight, w),
      score: current.score ?? score,
      goal: current.goal ?? goal,
    });
  };

  for (const metric of profile.metrics) {
    if (metric.confidence < MIN_METRIC_CONFIDENCE) continue;
    const weight = (metric.score / 100) * Math.min(1, metric.confidence / 0.7);
    raise(METRIC_CONCERN[metric.key], weight, Math.round(metric.score), null);
  }
  for (const { concern, weight } of profile.concerns) raise(concern, weight, null, null);
  if (answers.goal)
    for (const [concern, weight] of GOAL_CONCERNS[answers.goal]) raise(concern, weight, null, answers.goal);
  if (answers.middayFeel)
    for (const [concern, weight] of FEEL_CONCERNS[answers.middayFeel] ?? [])
      raise(concern, weight, null, null);

  const ranked = [...needs.values()]
    .filter((need) => need.weight >= NEED_FLOOR)
    .sort((a, b) => b.weight - a.weight || a.concern.localeCompare(b.concern));
  return {
    skinType: profile.type,
    sensitive: profile.sensitive || answers.sensitivity === 'often',
    cautious: answers.sensitivity === 'sometimes',
    needs: ranked,
  };
}
