import type { ProductSummary, Routine } from '../../shared/schemas/catalog-schemas';
import type { RoutinePlan } from './routine-types';

/**
 * Turns a plan (SKUs and reasons) into the routine the renderer shows, with product cards. A pick
 * whose card is missing is dropped, and so is a slot left with no picks. The total is the sum of the
 * first picks when they share one currency, else null.
 */
export function routineFromPlan(
  plan: RoutinePlan,
  summaries: ReadonlyMap<string, ProductSummary>,
  catalogVersion: string,
): Routine {
  const slots = plan.slots.flatMap((slot) => {
    const picks = slot.picks.flatMap((pick) => {
      const product = summaries.get(pick.sku);
      return product ? [{ product, reasons: pick.reasons }] : [];
    });
    return picks.length > 0 ? [{ step: slot.step, when: slot.when, optional: slot.optional, picks }] : [];
  });
  const firsts = slots.map((slot) => slot.picks[0]!.product.price);
  const currency = firsts[0]?.currency;
  const total =
    currency && firsts.every((price) => price.currency === currency)
      ? { amountMinor: firsts.reduce((sum, price) => sum + price.amountMinor, 0), currency }
      : null;
  return { slots, catalogVersion, total };
}
