import type { Concern } from '../../shared/schemas/skin-profile-schemas';
import { MIN_ROUTINE_SPF, RankedCandidates, type Scored } from './candidate-ranking';
import { isEveningOnly, pickReasons } from './pick-reasons';
import type { ConcernNeed, ShopperNeeds } from './shopper-needs';
import { chooseAlternatives } from './routine-alternatives';
import { fitBudget } from './routine-budget';
import type { CandidatePool, PlannedSlot, RankedSlot, RoutinePlan, SlotId, SlotSpec } from './routine-types';

const weightOf = (needs: ReadonlyMap<Concern, ConcernNeed>, concern: Concern): number =>
  needs.get(concern)?.weight ?? 0;

/** In the order a shopper applies them; the mask is a weekly extra and comes last. */
const SLOTS: readonly SlotSpec[] = [
  { id: 'cleanse', steps: ['cleanser'], optional: false, minSpf: null, wanted: () => true },
  { id: 'treat', steps: ['serum', 'treatment'], optional: false, minSpf: null, wanted: () => true },
  {
    id: 'eye',
    steps: ['eye'],
    optional: true,
    minSpf: null,
    wanted: (needs) => Math.max(weightOf(needs, 'dark_circles'), weightOf(needs, 'wrinkles')) >= 0.35,
  },
  { id: 'moisturise', steps: ['moisturizer'], optional: false, minSpf: null, wanted: () => true },
  { id: 'protect', steps: ['sunscreen'], optional: false, minSpf: MIN_ROUTINE_SPF, wanted: () => true },
  {
    id: 'mask',
    steps: ['mask'],
    optional: true,
    minSpf: null,
    wanted: (needs) => [...needs.values()].some((need) => need.weight >= 0.4),
  },
];

/**
 * Which slot may hold a strong active (acid exfoliant, retinoid, benzoyl peroxide): the first in this
 * order whose best product is one. Every other slot — alternatives included — is kept free of them,
 * so whichever picks the shopper takes, the routine never stacks two.
 */
const ACTIVE_PRIORITY: readonly SlotId[] = ['treat', 'mask', 'cleanse', 'moisturise', 'eye', 'protect'];

/** How many ranked candidates each slot keeps for alternatives and budget swaps. */
const KEEP_BEST = 24;
const KEEP_CHEAPEST = 6;

/**
 * Builds a routine from the shopper's needs and the candidates in stock: cleanse, treat, moisturise
 * and protect (SPF ≥ 30), plus eye care and a mask when the needs call for them. Deterministic: the
 * same needs, candidates and budget always give the same routine.
 */
export function recommendRoutine(
  shopper: ShopperNeeds,
  pool: CandidatePool,
  budgetMinor: number | null,
): RoutinePlan {
  const needs = new Map(shopper.needs.map((need) => [need.concern, need]));
  const weights = new Map(shopper.needs.map((need) => [need.concern, need.weight]));
  const specs = SLOTS.filter((spec) => spec.wanted(needs));

  const ranked = new Map<SlotId, Scored[]>();
  let activeSlot: SlotId | null = null;
  for (const id of ACTIVE_PRIORITY) {
    const spec = specs.find((s) => s.id === id);
    if (!spec) continue;
    const lists = spec.steps.flatMap((step) => pool.get(step) ?? []);
    const candidates = new RankedCandidates(lists, shopper, spec.minSpf, weights, KEEP_BEST, KEEP_CHEAPEST);
    let list = candidates.list(activeSlot === null);
    if (activeSlot === null) {
      if (list[0] && !list[0].candidate.gentle) activeSlot = id;
      else list = candidates.list(false);
    }
    ranked.set(id, list);
  }

  let slots: RankedSlot[] = specs.flatMap((spec) => {
    const list = ranked.get(spec.id) ?? [];
    return list[0] ? [{ spec, ranked: list, primary: list[0], budgetPick: false }] : [];
  });
  let slack = Number.POSITIVE_INFINITY;
  if (budgetMinor !== null) ({ slots, slack } = fitBudget(slots, budgetMinor));

  const plannedSlots = slots.map((slot): PlannedSlot => {
    const primary = slot.primary.candidate;
    const primaryReasons = pickReasons(primary, shopper, needs);
    if (slot.budgetPick) primaryReasons.push({ key: 'budget_pick', params: {} });
    const alternatives = chooseAlternatives(slot.primary, slot.ranked, slack).map(({ entry, key }) => ({
      sku: entry.candidate.sku,
      reasons: [{ key, params: {} }, ...pickReasons(entry.candidate, shopper, needs)],
    }));
    return {
      step: primary.step,
      when:
        slot.spec.id === 'protect'
          ? 'am'
          : slot.spec.id === 'mask' || isEveningOnly(primary)
            ? 'pm'
            : 'am_pm',
      optional: slot.spec.optional,
      picks: [{ sku: primary.sku, reasons: primaryReasons }, ...alternatives],
    };
  });
  return {
    slots: plannedSlots,
    totalMinor: slots.reduce((sum, slot) => sum + slot.primary.candidate.priceMinor, 0),
  };
}
