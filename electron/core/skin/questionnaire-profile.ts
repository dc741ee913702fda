import type { QuestionnaireAnswers } from '../../shared/schemas/questionnaire-schemas';
import type { SkinProfile } from '../../shared/schemas/skin-profile-schemas';
import { rankConcerns } from './concern-ranking';
import { fuseSkinType, isSensitive } from './skin-type';

/**
 * A profile from the answers alone (no camera, or the shopper skipped the scan): type from the
 * midday feel (normal when skipped), sensitivity from the answer, concerns from goal and answers,
 * no tone and no metrics.
 */
export function profileFromAnswers(answers: QuestionnaireAnswers): SkinProfile {
  const type = fuseSkinType(answers, null);
  return {
    source: 'questionnaire',
    type,
    sensitive: isSensitive(answers, null, false),
    tone: null,
    metrics: [],
    concerns: rankConcerns([], type, answers),
    meta: null,
  };
}
