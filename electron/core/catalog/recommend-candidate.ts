import type { RoutineStep } from '../../shared/schemas/catalog-schemas';
import type { SkinType } from '../../shared/schemas/skin-profile-schemas';
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

export function toCandidate(record: CandidateFields, storeId: string): RecommendCandidate {
  const actives = activeClasses(record.ingredients);
  return {
    sku: record.sku,
    step: record.step,
    priceMinor: record.priceMinor,
    currency: record.currency,
    inStock: isInStock(record, storeId),
    skinTypes: record.skinTypes,
    concerns: record.concerns,
    fragranceFree: record.flags.includes('fragrance_free'),
    nonComedogenic: record.flags.includes('non_comedogenic'),
    spf: record.spf,
    actives,
    gentle: actives.length === 0,
  };
}
