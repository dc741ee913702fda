import type { Reason } from '../../shared/schemas/catalog-schemas';
import type { Concern } from '../../shared/schemas/skin-profile-schemas';
import type { RecommendCandidate } from './recommend-candidate';
import type { ConcernNeed, ShopperNeeds } from './shopper-needs';

/** Minimum SPF for the protect step. */
export const MIN_ROUTINE_SPF = 30;

/** A candidate with its score; `rank` orders in stock first, then score, then price, then SKU. */
export interface Scored {
  candidate: RecommendCandidate;
  score: number;
}

export interface Eligibility {
  /** Strong actives (acids, retinoids, benzoyl peroxide) allowed in this slot. */
  allowActives: boolean;
  minSpf: number | null;
  /** When false, products labelled for other skin types are allowed too (nothing else was left). */
  strictSkinType: boolean;
}

/** Hard rules: a product failing one is never shown, whatever its score. */
export function isEligible(c: RecommendCandidate, shopper: ShopperNeeds, rules: Eligibility): boolean {
  if (shopper.sensitive && (!c.fragranceFree || !c.gentle)) return false;
  if (!rules.allowActives && !c.gentle) return false;
  if (rules.minSpf !== null && (c.spf === null || c.spf < rules.minSpf)) return false;
  if (rules.strictSkinType && c.skinTypes.length > 0 && !c.skinTypes.includes(shopper.skinType)) return false;
  return true;
}

/** Bonuses are small next to concern matches so that what a product does for the shopper leads. */
const SKIN_TYPE_BONUS = 0.2;
const NON_COMEDOGENIC_BONUS = 0.1;
const FRAGRANCE_FREE_BONUS = 0.1;

export function needsOilCare(shopper: ShopperNeeds): boolean {
  return (
    shopper.skinType === 'oily' ||
    shopper.skinType === 'combination' ||
    shopper.needs.some((need) => need.concern === 'acne' && need.weight >= 0.3)
  );
}

export function scoreCandidate(
  c: RecommendCandidate,
  shopper: ShopperNeeds,
  weights: ReadonlyMap<Concern, number>,
): number {
  let score = 0;
  for (const { concern, strength } of c.concerns) score += (weights.get(concern) ?? 0) * strength;
  if (c.skinTypes.includes(shopper.skinType)) score += SKIN_TYPE_BONUS;
  if (c.nonComedogenic && needsOilCare(shopper)) score += NON_COMEDOGENIC_BONUS;
  if (c.fragranceFree && shopper.cautious) score += FRAGRANCE_FREE_BONUS;
  if (c.spf !== null && c.spf >= MIN_ROUTINE_SPF) score += 0.05 * Math.min(1, (c.spf - MIN_ROUTINE_SPF) / 20);
  return score;
}

/** Negative when `a` ranks before `b`. Total and deterministic. */
export function compareScored(a: Scored, b: Scored): number {
  if (a.candidate.inStock !== b.candidate.inStock) return a.candidate.inStock ? -1 : 1;
  if (a.score !== b.score) return b.score - a.score;
  if (a.candidate.priceMinor !== b.candidate.priceMinor)
    return a.candidate.priceMinor - b.candidate.priceMinor;
  return a.candidate.sku < b.candidate.sku ? -1 : a.candidate.sku > b.candidate.sku ? 1 : 0;
}

/**
 * The best `k` eligible candidates plus the `cheap` cheapest eligible ones (for the budget), found in
 * one pass without sorting the whole step: the catalog may hold tens of thousands per step.
 */
export function topCandidates(
  pool: readonly RecommendCandidate[],
  shopper: ShopperNeeds,
  rules: Eligibility,
  weights: ReadonlyMap<Concern, number>,
  k: number,
  cheap: number,
): Scored[] {
  const best: Scored[] = [];
  const cheapest: Scored[] = [];
  const byPrice = (a: Scored, b: Scored): number =>
    a.candidate.priceMinor - b.candidate.priceMinor || compareScored(a, b);
  for (const candidate of pool) {
    if (!isEligible(candidate, shopper, rules)) continue;
    const scored = { candidate, score: scoreCandidate(candidate, shopper, weights) };
    insertBounded(best, scored, k, compareScored);
    if (candidate.inStock) insertBounded(cheapest, scored, cheap, byPrice);
  }
  for (const entry of cheapest) if (!best.includes(entry)) best.push(entry);
  return best.sort(compareScored);
}

function insertBounded(
  list: Scored[],
  item: Scored,
  limit: number,
  compare: (a: Scored, b: Scored) => number,
): void {
  if (limit <= 0) return;
  const last = list[list.length - 1];
  if (list.length >= limit && last && compare(item, last) >= 0) return;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compare(list[mid]!, item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, item);
  if (list.length > limit) list.pop();
}

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
