import type { Scored } from './candidate-ranking';
import type { RankedSlot } from './routine-types';

/** Keeps a swap from looking free when the cheaper product scores the same. */
const SCORE_LOSS_FLOOR = 0.05;

/**
 * Brings the first picks within the budget: drops the optional slots (mask, then eye care) first,
 * then repeatedly swaps the first pick for a cheaper ranked one where that saves the most money per
 * unit of score lost. Returns the slots and the money left over (negative when even the cheapest
 * routine is over budget — the routine is still shown, with its total).
 */
export function fitBudget(
  input: readonly RankedSlot[],
  budgetMinor: number,
): { slots: RankedSlot[]; slack: number } {
  let slots = input.map((slot) => ({ ...slot }));
  const total = (): number => slots.reduce((sum, slot) => sum + slot.primary.candidate.priceMinor, 0);

  for (const id of ['mask', 'eye'] as const) {
    if (total() <= budgetMinor) break;
    slots = slots.filter((slot) => slot.spec.id !== id);
  }

  while (total() > budgetMinor) {
    let best: { slot: RankedSlot; entry: Scored; efficiency: number } | null = null;
    for (const slot of slots) {
      const current = slot.primary;
      for (const entry of slot.ranked) {
        const saving = current.candidate.priceMinor - entry.candidate.priceMinor;
        if (saving <= 0 || (current.candidate.inStock && !entry.candidate.inStock)) continue;
        const efficiency = saving / (Math.max(0, current.score - entry.score) + SCORE_LOSS_FLOOR);
        if (!best || efficiency > best.efficiency) best = { slot, entry, efficiency };
      }
    }
    if (!best) break;
    best.slot.primary = best.entry;
    best.slot.budgetPick = true;
  }
  return { slots, slack: budgetMinor - total() };
}
