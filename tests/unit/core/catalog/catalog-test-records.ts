import type { CatalogRecord } from '../../../../electron/core/catalog/catalog-record';
import { toCandidate, type RecommendCandidate } from '../../../../electron/core/catalog/recommend-candidate';
import type { SkinProfile } from '../../../../electron/shared/schemas/skin-profile-schemas';

/** A valid record with overridable fields, for tests. */
export function record(overrides: Partial<CatalogRecord> & { sku: string }): CatalogRecord {
  return {
    gtin: null,
    brand: 'Fennix Lab',
    name: `Product ${overrides.sku}`,
    step: 'serum',
    description: '',
    size: '30 ml',
    priceMinor: 2000,
    currency: 'USD',
    image: null,
    productUrl: null,
    affiliateTemplate: null,
    cartVariantId: null,
    availability: 'in_stock',
    storeAvailability: {},
    skinTypes: [],
    concerns: [],
    ingredients: [],
    flags: [],
    spf: null,
    shades: [],
    ...overrides,
  };
}

export const candidate = (
  overrides: Partial<CatalogRecord> & { sku: string },
  storeId = 'store-1',
): RecommendCandidate => toCandidate(record(overrides), storeId);

/** A profile with no scan: type and sensitivity only, as the questionnaire produces. */
export function profile(overrides: Partial<SkinProfile> = {}): SkinProfile {
  return {
    source: 'questionnaire',
    type: 'normal',
    sensitive: false,
    tone: null,
    metrics: [],
    concerns: [],
    meta: null,
    ...overrides,
  };
}
