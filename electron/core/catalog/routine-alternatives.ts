import type { Scored } from './candidate-ranking';

/** An alternative counts only if it does at least this share of what the first pick does. */
const MIN_RELATIVE_SCORE = 0.5;
const CHEAPER = 0.8;
const PRICIER = 1.25;

export type AlternativeKey = 'lower_price_option' | 'premium_option' | 'similar_option';

/**
 * Up to two alternatives that spread the price: the best-ranked clearly cheaper one, the best-ranked
 * clearly pricier one, and otherwise the next best. An alternative never costs more than the first
 * pick plus what is left of the budget, and is in stock whenever the first pick is.
 */
export function chooseAlternatives(
  primary: Scored,
  ranked: readonly Scored[],
  slack: number,
): Array<{ entry: Scored; key: AlternativeKey }> {
  const first = primary.candidate;
  const floor = primary.score > 0 ? primary.score * MIN_RELATIVE_SCORE : 0;
  const pool = ranked.filter(
    (entry) =>
      entry !== primary &&
      entry.candidate.sku !== first.sku &&
      entry.score >= floor &&
      (entry.candidate.inStock || !first.inStock) &&
      entry.candidate.priceMinor <= first.priceMinor + Math.max(0, slack),
  );
  const cheaper = pool.find((entry) => entry.candidate.priceMinor <= first.priceMinor * CHEAPER);
  const pricier = pool.find((entry) => entry.candidate.priceMinor >= first.priceMinor * PRICIER);
  const chosen: Array<{ entry: Scored; key: AlternativeKey }> = [];
  if (cheaper) chosen.push({ entry: cheaper, key: 'lower_price_option' });
  if (pricier) chosen.push({ entry: pricier, key: 'premium_option' });
  for (const entry of pool) {
    if (chosen.length >= 2) break;
    if (!chosen.some((c) => c.entry === entry)) chosen.push({ entry, key: 'similar_option' });
  }
  return chosen;
}
