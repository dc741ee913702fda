import { describe, expect, it } from 'vitest';
import type { RoutineStep } from '../../../../electron/shared/schemas/catalog-schemas';
import { activeClasses } from '../../../../electron/core/catalog/active-ingredients';
import { buildCandidateTable } from '../../../../electron/core/catalog/candidate-table';
import type { RecommendCandidate } from '../../../../electron/core/catalog/recommend-candidate';
import { recommendRoutine } from '../../../../electron/core/catalog/routine-recommender';
import type { CandidatePool } from '../../../../electron/core/catalog/routine-types';
import { deriveNeeds, type ShopperNeeds } from '../../../../electron/core/catalog/shopper-needs';
import { candidate, profile } from './catalog-test-records';

function poolOf(candidates: RecommendCandidate[]): CandidatePool {
  const lists = new Map<RoutineStep, RecommendCandidate[]>();
  for (const c of [...candidates].sort((a, b) => (a.sku < b.sku ? -1 : 1)))
    lists.set(c.step, [...(lists.get(c.step) ?? []), c]);
  return new Map([...lists].map(([step, list]) => [step, buildCandidateTable(list)]));
}

/** A small but complete catalog: every slot has gentle and active, cheap and dear, in and out of stock. */
const BASE = [
  candidate({
    sku: 'cl-gentle',
    step: 'cleanser',
    priceMinor: 1200,
    concerns: [{ concern: 'redness', strength: 0.5 }],
    flags: ['fragrance_free'],
  }),
  candidate({
    sku: 'cl-bha',
    step: 'cleanser',
    priceMinor: 1400,
    concerns: [{ concern: 'acne', strength: 0.9 }],
    ingredients: ['Salicylic Acid'],
  }),
  candidate({
    sku: 'cl-cheap',
    step: 'cleanser',
    priceMinor: 600,
    concerns: [{ concern: 'dryness', strength: 0.4 }],
    flags: ['fragrance_free'],
  }),
  candidate({
    sku: 'se-retinol',
    step: 'serum',
    priceMinor: 4200,
    concerns: [{ concern: 'wrinkles', strength: 1 }],
    ingredients: ['Retinol'],
  }),
  candidate({
    sku: 'se-peptide',
    step: 'serum',
    priceMinor: 3600,
    concerns: [{ concern: 'wrinkles', strength: 0.7 }],
    flags: ['fragrance_free'],
  }),
  candidate({
    sku: 'se-centella',
    step: 'serum',
    priceMinor: 2800,
    concerns: [{ concern: 'redness', strength: 0.95 }],
    flags: ['fragrance_free'],
  }),
  candidate({
    sku: 'se-centella-lux',
    step: 'serum',
    priceMinor: 7800,
    concerns: [{ concern: 'redness', strength: 0.9 }],
    flags: ['fragrance_free'],
  }),
  candidate({
    sku: 'se-centella-mini',
    step: 'serum',
    priceMinor: 1500,
    concerns: [{ concern: 'redness', strength: 0.7 }],
    flags: ['fragrance_free'],
  }),
  candidate({
    sku: 'tr-aha',
    step: 'treatment',
    priceMinor: 2500,
    concerns: [{ concern: 'texture', strength: 1 }],
    ingredients: ['Glycolic Acid'],
  }),
  candidate({
    sku: 'mo-rich',
    step: 'moisturizer',
    priceMinor: 3000,
    skinTypes: ['dry'],
    concerns: [{ concern: 'dryness', strength: 1 }],
    flags: ['fragrance_free'],
  }),
  candidate({
    sku: 'mo-gel',
    step: 'moisturizer',
    priceMinor: 2600,
    skinTypes: ['oily', 'combination'],
    flags: ['non_comedogenic', 'fragrance_free'],
  }),
  candidate({
    sku: 'mo-scented',
    step: 'moisturizer',
    priceMinor: 2000,
    concerns: [{ concern: 'redness', strength: 0.6 }],
  }),
  candidate({ sku: 'sp-15', step: 'sunscreen', priceMinor: 1000, spf: 15, flags: ['fragrance_free'] }),
  candidate({ sku: 'sp-50', step: 'sunscreen', priceMinor: 2200, spf: 50, flags: ['fragrance_free'] }),
  candidate({
    sku: 'sp-30-oos',
    step: 'sunscreen',
    priceMinor: 1800,
    spf: 30,
    availability: 'out_of_stock',
    flags: ['fragrance_free'],
  }),
  candidate({
    sku: 'ey-caffeine',
    step: 'eye',
    priceMinor: 2400,
    concerns: [{ concern: 'dark_circles', strength: 0.9 }],
    flags: ['fragrance_free'],
  }),
  candidate({
    sku: 'ma-clay',
    step: 'mask',
    priceMinor: 2000,
    concerns: [{ concern: 'oiliness', strength: 0.8 }],
    flags: ['fragrance_free'],
  }),
  candidate({
    sku: 'ma-peel',
    step: 'mask',
    priceMinor: 2600,
    concerns: [{ concern: 'texture', strength: 1 }],
    ingredients: ['Lactic Acid'],
  }),
];

const STRONG = new Set(BASE.filter((c) => !c.gentle).map((c) => c.sku));
const allSkus = (plan: ReturnType<typeof recommendRoutine>): string[] =>
  plan.slots.flatMap((s) => s.picks.map((p) => p.sku));
const needs = (overrides: Parameters<typeof profile>[0], answers = {}): ShopperNeeds =>
  deriveNeeds(profile(overrides), answers);

describe('recommendRoutine', () => {
  it('builds cleanse, treat, moisturise and protect with SPF ≥ 30, in application order', () => {
    const plan = recommendRoutine(
      needs({ type: 'normal', concerns: [{ concern: 'redness', weight: 0.8 }] }),
      poolOf(BASE),
      null,
    );
    expect(plan.slots.map((s) => s.step)).toEqual(['cleanser', 'serum', 'moisturizer', 'sunscreen', 'mask']);
    const protect = plan.slots.find((s) => s.step === 'sunscreen')!;
    expect(protect.when).toBe('am');
    expect(protect.picks.map((p) => p.sku)).not.toContain('sp-15');
    expect(plan.slots[1]!.picks[0]).toEqual({
      sku: 'se-centella',
      reasons: [{ key: 'addresses_concern', params: { concern: 'redness' } }],
    });
    expect(plan.slots.every((s) => s.picks.length >= 1 && s.picks.length <= 3)).toBe(true);
  });

  it('explains picks with the measured score', () => {
    const plan = recommendRoutine(
      needs({ source: 'scan', metrics: [{ key: 'redness', score: 72, confidence: 0.95 }] }),
      poolOf(BASE),
      null,
    );
    expect(plan.slots[1]!.picks[0]!.reasons[0]).toEqual({
      key: 'targets_concern',
      params: { concern: 'redness', score: 72 },
    });
  });

  it('spreads alternatives over prices and labels them', () => {
    const plan = recommendRoutine(
      needs({ concerns: [{ concern: 'redness', weight: 0.9 }] }),
      poolOf(BASE),
      null,
    );
    const treat = plan.slots[1]!;
    expect(treat.picks.map((p) => p.sku)).toEqual(['se-centella', 'se-centella-mini', 'se-centella-lux']);
    expect(treat.picks[1]!.reasons[0]!.key).toBe('lower_price_option');
    expect(treat.picks[2]!.reasons[0]!.key).toBe('premium_option');
  });

  it('never stacks two strong actives, alternatives included', () => {
    const shopper = needs({
      concerns: [
        { concern: 'wrinkles', weight: 0.95 },
        { concern: 'texture', weight: 0.9 },
        { concern: 'acne', weight: 0.9 },
      ],
    });
    const plan = recommendRoutine(shopper, poolOf(BASE), null);
    const slotsWithActives = plan.slots.filter((s) => s.picks.some((p) => STRONG.has(p.sku)));
    expect(slotsWithActives).toHaveLength(1);
    const treat = plan.slots[1]!;
    expect(treat.picks[0]!.sku).toBe('se-retinol');
    expect(treat.when).toBe('pm');
    expect(treat.picks[0]!.reasons.map((r) => r.key)).toContain('evening_use');
    expect(allSkus(plan)).not.toContain('cl-bha');
    expect(allSkus(plan)).not.toContain('ma-peel');
  });

  it('gives sensitive skin fragrance-free products and no strong actives', () => {
    const shopper = needs({
      sensitive: true,
      concerns: [
        { concern: 'wrinkles', weight: 0.9 },
        { concern: 'redness', weight: 0.5 },
      ],
    });
    const plan = recommendRoutine(shopper, poolOf(BASE), null);
    const picked = allSkus(plan).map((sku) => BASE.find((c) => c.sku === sku)!);
    expect(picked.every((c) => c.fragranceFree && c.gentle)).toBe(true);
    expect(plan.slots[1]!.picks[0]!.sku).toBe('se-peptide');
    expect(plan.slots[0]!.picks[0]!.reasons.map((r) => r.key)).toContain('fragrance_free_sensitive');
  });

  it('prefers a product made for sensitive skin for skin that reacts, without loosening the hard rules', () => {
    const labelled = [
      // Targets redness a little less than the centella serum, but is labelled for sensitive skin.
      candidate({
        sku: 'se-zz-sensitive',
        step: 'serum',
        priceMinor: 2600,
        concerns: [{ concern: 'redness', strength: 0.9 }],
        skinTypes: ['sensitive'],
        flags: ['fragrance_free'],
      }),
      // Labelled for sensitive skin but not fragrance-free: never for sensitive skin all the same.
      candidate({
        sku: 'se-scented-sensitive',
        step: 'serum',
        priceMinor: 900,
        concerns: [{ concern: 'redness', strength: 1 }],
        skinTypes: ['sensitive'],
      }),
    ];
    const pool = poolOf([...BASE, ...labelled]);
    const reacts = needs({
      type: 'normal',
      sensitive: true,
      concerns: [{ concern: 'redness', weight: 0.8 }],
    });
    const plan = recommendRoutine(reacts, pool, null);
    const treat = plan.slots.find((s) => s.step === 'serum')!;
    expect(treat.picks[0]!.sku).toBe('se-zz-sensitive');
    expect(treat.picks[0]!.reasons.map((r) => r.key)).toContain('suits_sensitive_skin');
    expect(allSkus(plan)).not.toContain('se-scented-sensitive');
    // Without skin that reacts the label earns nothing: the strongest redness serum leads.
    const calm = needs({ type: 'normal', concerns: [{ concern: 'redness', weight: 0.8 }] });
    const calmTreat = recommendRoutine(calm, pool, null).slots.find((s) => s.step === 'serum')!;
    expect(calmTreat.picks[0]!.sku).toBe('se-scented-sensitive');
    expect(calmTreat.picks[0]!.reasons.map((r) => r.key)).not.toContain('suits_sensitive_skin');
    // "sensitive" never narrows the skin types a product suits.
    expect(labelled.map((c) => [c.skinTypes, c.sensitiveSkin])).toEqual([
      [[], true],
      [[], true],
    ]);
  });

  it('respects skin types and puts in-stock products first', () => {
    const plan = recommendRoutine(
      needs({ type: 'oily', concerns: [{ concern: 'dryness', weight: 0.9 }] }),
      poolOf(BASE),
      null,
    );
    const moisturise = plan.slots.find((s) => s.step === 'moisturizer')!;
    expect(moisturise.picks.map((p) => p.sku)).not.toContain('mo-rich');
    expect(moisturise.picks[0]!.reasons.map((r) => r.key)).toEqual(
      expect.arrayContaining(['suits_skin_type', 'non_comedogenic']),
    );
    const protect = plan.slots.find((s) => s.step === 'sunscreen')!;
    expect(protect.picks.map((p) => p.sku)).toEqual(['sp-50']);
  });

  it('offers an out-of-stock product to order online only when nothing else qualifies', () => {
    const pool = poolOf(BASE.filter((c) => c.sku !== 'sp-50'));
    const plan = recommendRoutine(needs({}), pool, null);
    const protect = plan.slots.find((s) => s.step === 'sunscreen')!;
    expect(protect.picks[0]!.sku).toBe('sp-30-oos');
    expect(protect.picks[0]!.reasons.map((r) => r.key)).toContain('order_online');
  });

  it('adds eye care and a mask only when the needs call for them', () => {
    const none = recommendRoutine(needs({}), poolOf(BASE), null);
    expect(none.slots.map((s) => s.step)).toEqual(['cleanser', 'serum', 'moisturizer', 'sunscreen']);
    expect(none.slots[0]!.picks[0]!.reasons[0]!.key).toBe('everyday_essential');
    const eyes = recommendRoutine(
      needs({ concerns: [{ concern: 'dark_circles', weight: 0.6 }] }),
      poolOf(BASE),
      null,
    );
    const eye = eyes.slots.find((s) => s.step === 'eye')!;
    expect(eye.optional).toBe(true);
    expect(eye.picks[0]!.sku).toBe('ey-caffeine');
  });

  it('fits a budget by dropping extras, then swapping to cheaper picks', () => {
    const shopper = needs({
      concerns: [
        { concern: 'redness', weight: 0.9 },
        { concern: 'dark_circles', weight: 0.6 },
      ],
    });
    const free = recommendRoutine(shopper, poolOf(BASE), null);
    expect(free.totalMinor).toBeGreaterThan(8000);
    const tight = recommendRoutine(shopper, poolOf(BASE), 6500);
    expect(tight.totalMinor).toBeLessThanOrEqual(6500);
    expect(tight.slots.map((s) => s.step)).toEqual(['cleanser', 'serum', 'moisturizer', 'sunscreen']);
    const swapped = tight.slots
      .flatMap((s) => s.picks.slice(0, 1))
      .filter((p) => p.reasons.some((r) => r.key === 'budget_pick'));
    expect(swapped.length).toBeGreaterThan(0);
    // Alternatives never break the budget either.
    const firstTotal = tight.totalMinor;
    for (const slot of tight.slots) {
      const first = BASE.find((c) => c.sku === slot.picks[0]!.sku)!;
      for (const alt of slot.picks.slice(1)) {
        expect(
          firstTotal - first.priceMinor + BASE.find((c) => c.sku === alt.sku)!.priceMinor,
        ).toBeLessThanOrEqual(6500);
      }
    }
  });

  it('is deterministic and independent of the pool order', () => {
    const shopper = needs({
      concerns: [
        { concern: 'redness', weight: 0.7 },
        { concern: 'texture', weight: 0.5 },
      ],
    });
    const a = recommendRoutine(shopper, poolOf(BASE), 9000);
    const b = recommendRoutine(shopper, poolOf([...BASE].reverse()), 9000);
    expect(b).toEqual(a);
  });
});

describe('activeClasses', () => {
  it('recognises acids, retinoids and benzoyl peroxide by INCI name', () => {
    expect(activeClasses(['Aqua', 'Glycolic Acid', 'Retinyl Palmitate'])).toEqual([
      'exfoliant_acid',
      'retinoid',
    ]);
    expect(activeClasses(['Benzoyl Peroxide'])).toEqual(['benzoyl_peroxide']);
    expect(activeClasses(['Hyaluronic Acid', 'Ascorbic Acid', 'Niacinamide'])).toEqual([]);
  });
});
