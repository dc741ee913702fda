import type { ProductSummary } from '../../shared/schemas/catalog-schemas';

/**
 * What checkout needs to know about a product beyond its card: where to buy it online. The catalog
 * store fills it from its products table; prices always come from here, never from the renderer.
 */
export interface CheckoutProduct {
  summary: ProductSummary;
  /** The retailer's product page (https), or null when the product is sold in store only. */
  productUrl: string | null;
  /** The product's own affiliate URL template (see `fillTemplate`); null uses the store default. */
  affiliateUrlTemplate: string | null;
  /** Shopify variant id for cart permalinks (digits); null when the store does not use Shopify. */
  cartVariantId: string | null;
}

/** Port to the catalog: the products for these SKUs that exist (unknown SKUs are simply missing). */
export interface ProductLookup {
  findBySkus(skus: readonly string[]): CheckoutProduct[] | Promise<CheckoutProduct[]>;
}
