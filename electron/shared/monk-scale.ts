/**
 * The Monk Skin Tone scale's published sRGB swatches (Monk 2019, skintone.google), 1 → 10, for the
 * renderer's "your colour beside its Monk swatch" and for the analysis core's Monk mapping
 * (electron/core/skin/monk-scale.ts): one list for both.
 */
export const MONK_SCALE_HEX = [
  '#f6ede4',
  '#f3e7db',
  '#f7ead0',
  '#eadaba',
  '#d7bd96',
  '#a07e56',
  '#825c43',
  '#604134',
  '#3a312a',
  '#292420',
] as const;

/** The swatch of Monk tone `monk` (1–10). */
export const monkSwatch = (monk: number): string =>
  MONK_SCALE_HEX[Math.min(10, Math.max(1, Math.round(monk))) - 1] ?? MONK_SCALE_HEX[0];
