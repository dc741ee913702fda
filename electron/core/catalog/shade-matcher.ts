import type { Lab } from '../../shared/schemas/skin-profile-schemas';
import { deltaE2000 } from '../color/delta-e-2000';
import type { ShadeRecord } from './catalog-record';

/** One shade of one complexion product, as the store lists it. */
export interface ShadeOption {
  sku: string;
  shade: ShadeRecord;
  inStock: boolean;
}

interface ShadeHit {
  option: ShadeOption;
  /** Reference CIEDE2000 (kL = kC = kH = 1) between the skin and the shade. */
  deltaE00: number;
}

export interface ShadeMatchResult {
  hits: ShadeHit[];
  closeMatch: boolean;
}

/**
 * Ranking weights: kL below 1 makes a lightness difference count more than the same chroma or hue
 * difference, because a foundation one step too light or too dark shows far more on skin than a
 * slightly different undertone. ΔE00 values shown to people use the reference weights.
 */
const RANKING_WEIGHTS = { kL: 0.7, kC: 1, kH: 1 } as const;
/** Above this reference ΔE00 the best shade is not a close match ("ask our staff"). */
const CLOSE_MATCH_MAX_DELTA_E = 5;
/** How far one lighter/darker step moves the target, in L* units (about one shade in a typical range). */
const SHIFT_STEP_L = 3;
const RESULTS = 3;

const compareHits = (
  a: { rank: number; option: ShadeOption },
  b: { rank: number; option: ShadeOption },
): number =>
  a.rank - b.rank ||
  (a.option.sku < b.option.sku ? -1 : a.option.sku > b.option.sku ? 1 : 0) ||
  (a.option.shade.name < b.option.shade.name ? -1 : a.option.shade.name > b.option.shade.name ? 1 : 0);

/** The `k` options nearest `target` by the ranking weights, in one pass (ranges can be large). */
function nearest(
  target: Lab,
  options: readonly ShadeOption[],
  k: number,
): Array<{ rank: number; option: ShadeOption }> {
  const best: Array<{ rank: number; option: ShadeOption }> = [];
  for (const option of options) {
    const hit = { rank: deltaE2000(target, option.shade.lab, RANKING_WEIGHTS), option };
    if (best.length === k && compareHits(hit, best[k - 1]!) >= 0) continue;
    best.push(hit);
    best.sort(compareHits);
    if (best.length > k) best.pop();
  }
  return best;
}

/**
 * The three shades nearest the measured skin colour. Only in-stock shades are offered when there are
 * any. `shift` < 0 asks for lighter shades, > 0 for darker: the target's L* moves by SHIFT_STEP_L per
 * step and only shades lighter (or darker) than the unshifted best match are considered, so every
 * press of the button shows something new. `closeMatch` always describes the unshifted result.
 */
export function matchShades(skin: Lab, allOptions: readonly ShadeOption[], shift: number): ShadeMatchResult {
  const inStock = allOptions.filter((option) => option.inStock);
  const options = inStock.length > 0 ? inStock : allOptions;
  const reference = (option: ShadeOption): number => deltaE2000(skin, option.shade.lab);

  const unshifted = nearest(skin, options, RESULTS);
  const closeMatch = unshifted.some((hit) => reference(hit.option) <= CLOSE_MATCH_MAX_DELTA_E);
  const anchor = unshifted[0];
  if (shift === 0 || !anchor) {
    return { hits: unshifted.map(({ option }) => ({ option, deltaE00: reference(option) })), closeMatch };
  }
  const anchorL = anchor.option.shade.lab.L;
  const side = options.filter((option) =>
    shift < 0 ? option.shade.lab.L > anchorL : option.shade.lab.L < anchorL,
  );
  const target = { ...skin, L: skin.L - shift * SHIFT_STEP_L };
  const hits = nearest(target, side, RESULTS).map(({ option }) => ({ option, deltaE00: reference(option) }));
  return { hits, closeMatch };
}
