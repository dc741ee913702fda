import type { CheckoutProduct } from './product-lookup-port';
import { fillTemplate, trackingParams, withParams, type TrackingContext } from './tracking-params';
import { checkAllowedUrl } from './url-policy';

export interface AffiliateLinkConfig {
  /** Used when a product has no template of its own; null links straight to the product page. */
  defaultTemplate: string | null;
  allowedHosts: readonly string[];
}

export type LinkResult = { ok: true; url: string } | { ok: false; reason: string };

/**
 * The "buy it online" link for one product: the product's affiliate template, else the store's
 * default template, else the product page; then the tracking parameters. Placeholders:
 * `{url}` `{sku}` `{affiliateId}` `{storeId}` `{kioskId}` `{session}`.
 */
export function buildAffiliateLink(
  product: CheckoutProduct,
  config: AffiliateLinkConfig,
  ctx: TrackingContext,
): LinkResult {
  const template = product.affiliateUrlTemplate ?? config.defaultTemplate;
  if (!template && !product.productUrl)
    return { ok: false, reason: `${product.summary.sku} has no product URL` };
  if (template?.includes('{url}') && !product.productUrl) {
    return { ok: false, reason: `${product.summary.sku} has no product URL for its template` };
  }
  let raw: string;
  try {
    raw = template
      ? fillTemplate(template, {
          url: product.productUrl ?? '',
          sku: product.summary.sku,
          affiliateId: ctx.affiliateId,
          storeId: ctx.storeId,
          kioskId: ctx.kioskId,
          session: ctx.sessionToken,
        })
      : (product.productUrl ?? '');
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
  const check = checkAllowedUrl(raw, config.allowedHosts);
  if (!check.ok) return { ok: false, reason: `${product.summary.sku}: ${check.reason}` };
  return { ok: true, url: withParams(check.url, trackingParams(ctx)).href };
}
