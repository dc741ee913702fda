import type { Lab } from '../../shared/schemas/skin-profile-schemas';
import { MONK_SCALE_HEX } from '../../shared/monk-scale';
import { hexToSrgb, srgbToLab } from '../color/color-spaces';

/**
 * The Monk Skin Tone scale (Monk 2019, skintone.google) and the kiosk's mapping from a measured
 * skin colour to it. docs/colour.md explains the mapping and its table.
 */

/** The scale's published swatches (electron/shared/monk-scale.ts) in CIELAB. */
export const MONK_SWATCHES_LAB: readonly Lab[] = MONK_SCALE_HEX.map((hex) => srgbToLab(hexToSrgb(hex)));

/**
 * The ITA° each Monk level stands for on measured skin. The swatches are display colours, not skin
 * measurements: 1–5 are lighter than any measured skin (L* 78–94, ITA° 51–83) and 9–10 deeper
 * (L* 15–21, ITA° −77 and −83), so a nearest-swatch rule never reaches 1–4 on real skin. Levels 6–8
 * keep their own swatch's ITA° (10.9°, −20.1°, −55.4°: those swatches lie inside measured skin); the
 * lighter levels are spread evenly over very light to intermediate skin (+60° … +30°) and the deeper
 * ones over the deepest measured skin (−64°, −72°).
 */
export const MONK_ITA_ANCHORS = [60, 52.5, 45, 37.5, 30, 10.9, -20.1, -55.4, -64, -72] as const;

/** Lower ITA° bound of levels 1–9 (level 10 is everything below the last): midpoints of the anchors. */
const MONK_ITA_BOUNDS: readonly number[] = MONK_ITA_ANCHORS.slice(1).map(
  (next, i) => (MONK_ITA_ANCHORS[i]! + next) / 2,
);

/** Monk level (1–10) for an ITA°: the level whose anchor is nearest, i.e. the bin between midpoints. */
export function monkFromIta(ita: number): number {
  const level = MONK_ITA_BOUNDS.findIndex((bound) => ita > bound);
  return level === -1 ? 10 : level + 1;
}
