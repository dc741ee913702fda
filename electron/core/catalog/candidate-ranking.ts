import type { Concern } from '../../shared/schemas/skin-profile-schemas';
import {
  CONCERN_COLUMN,
  CONCERN_COLUMNS,
  FLAG_FRAGRANCE_FREE,
  FLAG_GENTLE,
  FLAG_IN_STOCK,
  FLAG_NON_COMEDOGENIC,
  FLAG_SENSITIVE_SKIN,
  SKIN_TYPE_BIT,
  type CandidateTable,
} from './candidate-table';
import type { RecommendCandidate } from './recommend-candidate';
import type { ShopperNeeds } from './shopper-needs';

/** Minimum SPF for the protect step. */
export const MIN_ROUTINE_SPF = 30;

/** A candidate with its score; `rank` orders in stock first, then score, then price, then SKU. */
export interface Scored {
  candidate: RecommendCandidate;
  score: number;
  /** Copies of the candidate's fields the ranking compares, kept beside the score for speed. */
  inStock: boolean;
  price: number;
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

/** False when a product with these numbers certainly ranks after `worst`; true when it may not. */
function mayBeat(inStock: boolean, score: number, price: number, worst: Scored): boolean {
  if (inStock !== worst.inStock) return inStock;
  if (score !== worst.score) return score > worst.score;
  return price <= worst.price;
}

/** Negative when `a` ranks before `b`. Total and deterministic. */
function compareScored(a: Scored, b: Scored): number {
  if (a.inStock !== b.inStock) return a.inStock ? -1 : 1;
  if (a.score !== b.score) return b.score - a.score;
  if (a.price !== b.price) return a.price - b.price;
  return a.candidate.sku < b.candidate.sku ? -1 : a.candidate.sku > b.candidate.sku ? 1 : 0;
}

/** Best-ranked and cheapest in-stock candidates of one variant of a slot's rules. */
interface Bucket {
  best: Scored[];
  cheapest: Scored[];
}

/** The weights of the shopper's needs as parallel arrays of concern columns and weights. */
function needColumns(weights: ReadonlyMap<Concern, number>): { columns: number[]; values: number[] } {
  const columns: number[] = [];
  const values: number[] = [];
  for (const [concern, weight] of weights) {
    const column = CONCERN_COLUMN.get(concern);
    if (column !== undefined && weight > 0) {
      columns.push(column);
      values.push(weight);
    }
  }
  return { columns, values };
}

/**
 * A slot's candidates ranked under each variant of the rules that depend on the rest of the routine:
 * strong actives allowed or not, and the shopper's skin type required or (when nothing else is
 * left) not. One pass scores every candidate once and keeps, per variant, the best `k` plus the
 * `cheap` cheapest in stock (for the budget) — the catalog may hold tens of thousands per step.
 *
 * Hard rules apply to every variant: sensitive skin gets fragrance-free, active-free products only,
 * and a minimum SPF, when given, is a minimum. The score is Σ need weight × product strength over the
 * concerns, plus small bonuses (skin type named, made for sensitive skin when the shopper's skin
 * reacts, non-comedogenic for oily skin, fragrance-free for skin that sometimes reacts, SPF above 30).
 */
export class RankedCandidates {
  private readonly buckets: Bucket[] = Array.from({ length: 4 }, () => ({ best: [], cheapest: [] }));

  constructor(
    tables: readonly CandidateTable[],
    shopper: ShopperNeeds,
    minSpf: number | null,
    weights: ReadonlyMap<Concern, number>,
    k: number,
    cheap: number,
  ) {
    const byPrice = (a: Scored, b: Scored): number => a.price - b.price || compareScored(a, b);
    const { columns, values } = needColumns(weights);
    const oilCare = needsOilCare(shopper);
    const skinBit = SKIN_TYPE_BIT.get(shopper.skinType) ?? 0;
    const required = shopper.sensitive ? FLAG_FRAGRANCE_FREE | FLAG_GENTLE : 0;
    const reacts = shopper.sensitive || shopper.cautious;
    for (const table of tables) {
      const { strength, flags, spf, skinMask, price } = table;
      for (let i = 0; i < table.items.length; i++) {
        const f = flags[i]!;
        if ((f & required) !== required) continue;
        const productSpf = spf[i]!;
        if (minSpf !== null && productSpf < minSpf) continue;
        let score = 0;
        const row = i * CONCERN_COLUMNS;
        for (let j = 0; j < columns.length; j++) score += values[j]! * strength[row + columns[j]!]!;
        const mask = skinMask[i]!;
        if ((mask & skinBit) !== 0) score += SKIN_TYPE_BONUS;
        // Made for sensitive skin counts as naming the shopper's type, for skin that reacts.
        if (reacts && (f & FLAG_SENSITIVE_SKIN) !== 0) score += SKIN_TYPE_BONUS;
        if (oilCare && (f & FLAG_NON_COMEDOGENIC) !== 0) score += NON_COMEDOGENIC_BONUS;
        if (shopper.cautious && (f & FLAG_FRAGRANCE_FREE) !== 0) score += FRAGRANCE_FREE_BONUS;
        if (productSpf >= MIN_ROUTINE_SPF) score += 0.05 * Math.min(1, (productSpf - MIN_ROUTINE_SPF) / 20);
        const inStock = (f & FLAG_IN_STOCK) !== 0;
        const productPrice = price[i]!;
        const gentle = (f & FLAG_GENTLE) !== 0;
        const skinOk = mask === 0 || (mask & skinBit) !== 0;
        // Most products rank below every list's last entry; they are dismissed on the numbers
        // alone, without building an entry or touching the candidate object.
        let scored: Scored | null = null;
        for (let variant = 0; variant < 4; variant++) {
          if (((variant & 1) === 1 && !gentle) || ((variant & 2) === 2 && !skinOk)) continue;
          const bucket = this.buckets[variant]!;
          const worst = bucket.best.length < k ? null : bucket.best[k - 1]!;
          if (!worst || mayBeat(inStock, score, productPrice, worst)) {
            scored ??= { candidate: table.items[i]!, score, inStock, price: productPrice };
            insertBounded(bucket.best, scored, k, compareScored);
          }
          const dearest = bucket.cheapest.length < cheap ? null : bucket.cheapest[cheap - 1]!;
          if (inStock && (!dearest || productPrice <= dearest.price)) {
            scored ??= { candidate: table.items[i]!, score, inStock, price: productPrice };
            insertBounded(bucket.cheapest, scored, cheap, byPrice);
          }
        }
      }
    }
  }

  /** Ranked list for one variant: strict skin type when that leaves anything, else loose. */
  list(allowActives: boolean): Scored[] {
    const gentle = allowActives ? 0 : 1;
    const strict = this.merged(gentle | 2);
    return strict.length > 0 ? strict : this.merged(gentle);
  }

  private merged(variant: number): Scored[] {
    const { best, cheapest } = this.buckets[variant]!;
    return [...best, ...cheapest.filter((entry) => !best.includes(entry))].sort(compareScored);
  }
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
