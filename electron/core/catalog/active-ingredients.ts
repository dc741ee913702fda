/**
 * Active-ingredient classes the recommender must not stack. Only key ingredients are listed in the
 * catalog (no concentrations), so a product that names one of these as a key ingredient is treated
 * as a strong active: an acid exfoliant, a retinoid or benzoyl peroxide.
 */
export type ActiveClass = 'exfoliant_acid' | 'retinoid' | 'benzoyl_peroxide';

const PATTERNS: ReadonlyArray<readonly [ActiveClass, RegExp]> = [
  ['exfoliant_acid', /\b(glycolic|lactic|mandelic|salicylic) acid\b/],
  [
    'retinoid',
    /\b(retinol|retinal|retinaldehyde|retinyl \w+|hydroxypinacolone retinoate|adapalene|tretinoin|tazarotene)\b/,
  ],
  ['benzoyl_peroxide', /\bbenzoyl peroxide\b/],
];

/** The active classes among a product's INCI key ingredients, each at most once, in a fixed order. */
export function activeClasses(ingredients: readonly string[]): ActiveClass[] {
  const text = ingredients.join('; ').toLowerCase();
  return PATTERNS.filter(([, pattern]) => pattern.test(text)).map(([active]) => active);
}
