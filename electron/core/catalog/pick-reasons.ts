import type { Reason } from '../../shared/schemas/catalog-schemas';
import type { Concern } from '../../shared/schemas/skin-profile-schemas';
import { MIN_ROUTINE_SPF, needsOilCare } from './candidate-ranking';
import type { RecommendCandidate } from './recommend-candidate';
import type { ConcernNeed, ShopperNeeds } from './shopper-needs';

/** Why this product: the concerns it targets for this shopper, then what makes it suitable. */
export function pickReasons(
  c: RecommendCandidate,
  shopper: ShopperNeeds,
  needs: ReadonlyMap<Concern, ConcernNeed>,
): Reason[] {
  const reasons: Reason[] = [];
  const targeted = c.concerns
    .map(({ concern, strength }) => ({
      need: needs.get(concern),
      contribution: (needs.get(concern)?.weight ?? 0) * strength,
    }))
    .filter(
      (entry): entry is { need: ConcernNeed; contribution: number } =>
        entry.need !== undefined && entry.contribution >= 0.1,
    )
    .sort((a, b) => b.contribution - a.contribution || a.need.concern.localeCompare(b.need.concern))
    .slice(0, 2);
  for (const { need } of targeted) {
    if (need.score !== null)
      reasons.push({ key: 'targets_concern', params: { concern: need.concern, score: need.score } });
    else if (need.goal !== null)
      reasons.push({ key: 'matches_goal', params: { concern: need.concern, goal: need.goal } });
    else reasons.push({ key: 'addresses_concern', params: { concern: need.concern } });
  }
  if (c.spf !== null && c.spf >= MIN_ROUTINE_SPF)
    reasons.push({ key: 'spf_protection', params: { spf: c.spf } });
  if (c.skinTypes.includes(shopper.skinType))
    reasons.push({ key: 'suits_skin_type', params: { skinType: shopper.skinType } });
  if (c.sensitiveSkin && (shopper.sensitive || shopper.cautious))
    reasons.push({ key: 'suits_sensitive_skin', params: {} });
  if (c.fragranceFree && (shopper.sensitive || shopper.cautious))
    reasons.push({ key: 'fragrance_free_sensitive', params: {} });
  if (c.nonComedogenic && needsOilCare(shopper)) reasons.push({ key: 'non_comedogenic', params: {} });
  if (isEveningOnly(c)) reasons.push({ key: 'evening_use', params: {} });
  if (!c.inStock) reasons.push({ key: 'order_online', params: {} });
  if (reasons.length === 0) reasons.push({ key: 'everyday_essential', params: { step: c.step } });
  return reasons;
}

/** Retinoids and acid exfoliants make skin sun-sensitive: they belong in the evening routine. */
export const isEveningOnly = (c: RecommendCandidate): boolean =>
  c.actives.some((active) => active === 'retinoid' || active === 'exfoliant_acid');

/**
 * Every reason key a routine can carry. The renderer has a sentence for each (en, es); the list and
 * each key's parameters are documented in docs/catalog.md.
 */
export const REASON_KEYS = [
  'targets_concern',
  'matches_goal',
  'addresses_concern',
  'spf_protection',
  'suits_skin_type',
  'suits_sensitive_skin',
  'fragrance_free_sensitive',
  'non_comedogenic',
  'evening_use',
  'order_online',
  'everyday_essential',
  'budget_pick',
  'lower_price_option',
  'premium_option',
  'similar_option',
] as const;
