import type { QuestionnaireAnswers } from '../../shared/schemas/questionnaire-schemas';
import type { MetricScore, SkinType } from '../../shared/schemas/skin-profile-schemas';
import { aboveFloor } from './metric-scoring';
import type { SkinMetricsOutputs } from './skin-metrics-io';
import { SKIN_METRICS_SOFT_FLOORS } from './soft-floors';
import { pooled, ramp, type ZoneQualities } from './zone-quality';

/**
 * Skin type from T-zone vs U-zone shine and fine texture, fused with the questionnaire. The camera
 * sees shine at one moment; the shopper knows how their skin feels by midday, so answers weigh more.
 */

const TYPES: readonly SkinType[] = ['normal', 'combination', 'oily', 'dry'];

/** Weight of an answered midday-feel question against the image evidence. */
const ANSWER_WEIGHT = 0.6;
const IMAGE_WEIGHT = 0.4;

const MIDDAY_TYPE: Readonly<Record<NonNullable<QuestionnaireAnswers['middayFeel']>, SkinType>> = {
  oily_all_over: 'oily',
  oily_tzone: 'combination',
  comfortable: 'normal',
  tight_dry: 'dry',
};

export interface ImageTypeEvidence {
  /** Probability-like votes for each type, summing to 1. */
  readonly votes: Readonly<Record<SkinType, number>>;
  /** 0–1, the confidence of the shine measurement. */
  readonly confidence: number;
}

/**
 * Votes from the image: t and u are T- and U-zone oiliness (specular area ramped 0.05 → 0.2),
 * d is dryness evidence (texture score ramped 40 → 70).
 * oily = t·u, combination = t(1 − u), dry = (1 − t)d, normal = (1 − t)(1 − d).
 */
export function imageTypeEvidence(
  outputs: SkinMetricsOutputs,
  qualities: ZoneQualities,
  metrics: readonly MetricScore[],
): ImageTypeEvidence {
  const shineOf = (zones: Parameters<typeof pooled>[2]) =>
    aboveFloor(pooled(outputs, qualities, zones, 'shine', 'color'), SKIN_METRICS_SOFT_FLOORS.shine);
  const t = ramp(shineOf(['forehead', 'nose', 'chin']), 0.05, 0.2);
  const u = ramp(shineOf(['left_cheek', 'right_cheek']), 0.05, 0.2);
  const texture = metrics.find((m) => m.key === 'texture');
  const d = texture ? ramp(texture.score, 40, 70) : 0;
  const shine = metrics.find((m) => m.key === 'shine');
  return {
    votes: { oily: t * u, combination: t * (1 - u), dry: (1 - t) * d, normal: (1 - t) * (1 - d) },
    confidence: shine ? shine.confidence : 0,
  };
}

/** Fused type: ANSWER_WEIGHT × the answer's one-hot vote + IMAGE_WEIGHT × confidence × image votes. */
export function fuseSkinType(answers: QuestionnaireAnswers, image: ImageTypeEvidence | null): SkinType {
  const answered = answers.middayFeel ? MIDDAY_TYPE[answers.middayFeel] : null;
  let best: SkinType = 'normal';
  let bestScore = 0;
  for (const type of TYPES) {
    const score =
      (answered === type ? ANSWER_WEIGHT : 0) +
      (image ? IMAGE_WEIGHT * image.confidence * image.votes[type] : 0);
    if (score > bestScore) {
      best = type;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Sensitive: "often" → yes, "rarely" → no; "sometimes" → yes when the redness score is ≥ 40 with
 * confidence ≥ 0.4; unanswered → yes when redness is ≥ 60 with confidence ≥ 0.5. Without a scan,
 * "sometimes" counts as sensitive (the gentler choice).
 */
export function isSensitive(
  answers: QuestionnaireAnswers,
  redness: MetricScore | null,
  scanned: boolean,
): boolean {
  switch (answers.sensitivity) {
    case 'often':
      return true;
    case 'rarely':
      return false;
    case 'sometimes':
      return scanned ? redness !== null && redness.score >= 40 && redness.confidence >= 0.4 : true;
    default:
      return redness !== null && redness.score >= 60 && redness.confidence >= 0.5;
  }
}
