import type { ProductSummary } from '../../../../electron/shared/schemas/catalog-schemas';
import type { SkinProfile } from '../../../../electron/shared/schemas/skin-profile-schemas';
import type { CheckoutProduct, ProductLookup } from '../../../../electron/core/checkout/product-lookup-port';

/** A small catalog of fictional products for checkout tests. */
export function product(
  sku: string,
  amountMinor: number,
  extra: Partial<CheckoutProduct> = {},
  summary: Partial<ProductSummary> = {},
): CheckoutProduct {
  return {
    summary: {
      sku,
      brand: 'Lumen Lab',
      name: `Product ${sku}`,
      step: 'serum',
      size: '30 ml',
      price: { amountMinor, currency: 'USD' },
      imageUrl: null,
      inStock: true,
      concerns: ['redness'],
      flags: ['fragrance_free'],
      spf: null,
      ...summary,
    },
    productUrl: `https://shop.example.com/p/${sku.toLowerCase()}`,
    affiliateUrlTemplate: null,
    cartVariantId: String(40000000 + amountMinor),
    ...extra,
  };
}

export const CATALOG: CheckoutProduct[] = [
  product('CLN-001', 1800, {}, { step: 'cleanser', name: 'Gentle Foam Cleanser' }),
  product('SER-002', 3450, {}, { step: 'serum', name: 'Calm Serum' }),
  product('SPF-003', 2599, {}, { step: 'sunscreen', name: 'Daily Shield SPF 50', spf: 50 }),
  product('OOS-004', 1500, {}, { inStock: false }),
  product('EUR-005', 2000, {}, { price: { amountMinor: 2000, currency: 'EUR' } }),
];

/** The port as the catalog store would implement it: unknown SKUs are simply absent. */
export function lookup(catalog: CheckoutProduct[] = CATALOG): ProductLookup & { calls: number } {
  const port = {
    calls: 0,
    findBySkus(skus: readonly string[]) {
      port.calls += 1;
      return catalog.filter((p) => skus.includes(p.summary.sku));
    },
  };
  return port;
}

export const PROFILE: SkinProfile = {
  source: 'scan',
  type: 'combination',
  sensitive: true,
  tone: {
    ita: 28.4,
    itaClass: 'intermediate',
    monk: 5,
    withheld: null,
    undertone: 'warm',
    lab: { L: 62.1, a: 13.2, b: 19.8 },
    hex: '#C08A6B',
    colourMode: 'calibrated',
    confidence: 0.9,
  },
  metrics: [
    { key: 'redness', score: 72.4, confidence: 0.9 },
    { key: 'pores', score: 41.6, confidence: 0.8 },
    { key: 'darkCircles', score: 30, confidence: 0.1 },
  ],
  concerns: [
    { concern: 'redness', weight: 0.9 },
    { concern: 'pores', weight: 0.5 },
  ],
  meta: { executionProvider: 'cpu', modelVersion: '1', timingsMs: { detect: 10 } },
};
