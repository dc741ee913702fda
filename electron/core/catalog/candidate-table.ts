import { Concern, SkinType } from '../../shared/schemas/skin-profile-schemas';
import type { RecommendCandidate } from './recommend-candidate';

/** Column index of each concern in `CandidateTable.strength`. */
export const CONCERN_COLUMN: ReadonlyMap<Concern, number> = new Map(
  Concern.options.map((concern, i) => [concern, i]),
);
export const CONCERN_COLUMNS = Concern.options.length;
/** Bit of each skin type in `CandidateTable.skinMask`. */
export const SKIN_TYPE_BIT: ReadonlyMap<SkinType, number> = new Map(
  SkinType.options.map((type, i) => [type, 1 << i]),
);

export const FLAG_IN_STOCK = 1;
export const FLAG_FRAGRANCE_FREE = 2;
export const FLAG_NON_COMEDOGENIC = 4;
/** No strong actives (acid exfoliants, retinoids, benzoyl peroxide). */
export const FLAG_GENTLE = 8;
/** Labelled as made for sensitive skin. */
export const FLAG_SENSITIVE_SKIN = 16;

/**
 * The candidates of one step laid out column by column in typed arrays. Scoring a routine reads
 * every candidate of six steps; contiguous numbers keep that to about a microsecond per thousand
 * products however the objects happen to sit on the heap. `items` holds the objects the arrays
 * describe, sorted by SKU, row i for row i.
 */
export interface CandidateTable {
  readonly items: readonly RecommendCandidate[];
  /** Row-major, CONCERN_COLUMNS per row: how strongly the product targets each concern (0–1). */
  readonly strength: Float32Array;
  readonly price: Float64Array;
  /** FLAG_* bits. */
  readonly flags: Uint8Array;
  /** SPF, or -1 for none. */
  readonly spf: Int16Array;
  /** SKIN_TYPE_BIT bits; 0 means the product suits every skin type. */
  readonly skinMask: Uint8Array;
}

export function buildCandidateTable(items: readonly RecommendCandidate[]): CandidateTable {
  const n = items.length;
  const table = {
    items,
    strength: new Float32Array(n * CONCERN_COLUMNS),
    price: new Float64Array(n),
    flags: new Uint8Array(n),
    spf: new Int16Array(n),
    skinMask: new Uint8Array(n),
  };
  items.forEach((c, i) => {
    for (const { concern, strength } of c.concerns) {
      const column = CONCERN_COLUMN.get(concern);
      if (column !== undefined) table.strength[i * CONCERN_COLUMNS + column] = strength;
    }
    table.price[i] = c.priceMinor;
    table.flags[i] =
      (c.inStock ? FLAG_IN_STOCK : 0) |
      (c.fragranceFree ? FLAG_FRAGRANCE_FREE : 0) |
      (c.nonComedogenic ? FLAG_NON_COMEDOGENIC : 0) |
      (c.gentle ? FLAG_GENTLE : 0) |
      (c.sensitiveSkin ? FLAG_SENSITIVE_SKIN : 0);
    table.spf[i] = c.spf ?? -1;
    table.skinMask[i] = c.skinTypes.reduce((mask, type) => mask | (SKIN_TYPE_BIT.get(type) ?? 0), 0);
  });
  return table;
}
