import type { LinkResult } from './affiliate-link-builder';
import type { CheckoutProduct } from './product-lookup-port';
import { fillTemplate, trackingParams, withParams, type TrackingContext } from './tracking-params';
import { checkAllowedUrl } from './url-policy';

/** `links.cart` from the kiosk config. */
export type CartLinkConfig = { kind: 'shopify'; storeUrl: string } | { kind: 'query'; template: string };

export interface CartLinkItem {
  product: CheckoutProduct;
  quantity: number;
}

/**
 * One link that fills the shopper's online cart with the routine.
 * - Shopify: the cart permalink `https://store/cart/{variant}:{qty},{variant}:{qty}`.
 * - Query template: `{items}` becomes `SKU:qty,SKU:qty`; every query pair that mentions `{sku}` or
 *   `{qty}` is repeated once per item, in order (`…/add?sku={sku}&qty={qty}` →
 *   `sku=A&qty=2&sku=B&qty=1`). `{affiliateId}` `{storeId}` `{kioskId}` `{session}` are filled too.
 * Every item must be representable; a partial cart would mislead, so one that is not fails the link.
 */
export function buildCartLink(
  items: readonly CartLinkItem[],
  config: CartLinkConfig,
  allowedHosts: readonly string[],
  ctx: TrackingContext,
): LinkResult {
  if (items.length === 0) return { ok: false, reason: 'the cart is empty' };
  let raw: string;
  try {
    raw =
      config.kind === 'shopify'
        ? shopifyPermalink(items, config.storeUrl)
        : fromQueryTemplate(items, config.template, ctx);
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
  const check = checkAllowedUrl(raw, allowedHosts);
  if (!check.ok) return { ok: false, reason: `cart link: ${check.reason}` };
  return { ok: true, url: withParams(check.url, trackingParams(ctx)).href };
}

function shopifyPermalink(items: readonly CartLinkItem[], storeUrl: string): string {
  const parts = items.map(({ product, quantity }) => {
    const variant = product.cartVariantId;
    if (!variant || !/^\d{1,20}$/.test(variant))
      throw new Error(`${product.summary.sku} has no Shopify variant id`);
    return `${variant}:${quantity}`;
  });
  const base = new URL(storeUrl);
  return `${base.origin}/cart/${parts.join(',')}`;
}

function fromQueryTemplate(items: readonly CartLinkItem[], template: string, ctx: TrackingContext): string {
  if (!/\{(items|sku|qty)\}/.test(template))
    throw new Error('cart template must contain {items}, {sku} or {qty}');
  const shared = {
    affiliateId: ctx.affiliateId,
    storeId: ctx.storeId,
    kioskId: ctx.kioskId,
    session: ctx.sessionToken,
  };
  const queryAt = template.indexOf('?');
  const head = queryAt < 0 ? template : template.slice(0, queryAt);
  const query = queryAt < 0 ? '' : template.slice(queryAt + 1);
  const list = items.map((i) => `${i.product.summary.sku}:${i.quantity}`).join(',');
  const pairs = query ? query.split('&') : [];
  const perItem = pairs.filter((p) => /\{(sku|qty)\}/.test(p));
  const out: string[] = [];
  let expanded = false;
  for (const pair of pairs) {
    if (!perItem.includes(pair)) {
      out.push(fillTemplate(pair, { ...shared, items: list }, false));
    } else if (!expanded) {
      expanded = true;
      for (const { product, quantity } of items) {
        const values = { ...shared, sku: product.summary.sku, qty: String(quantity) };
        for (const p of perItem) out.push(fillTemplate(p, values, false));
      }
    }
  }
  const filledHead = fillTemplate(head, { ...shared, items: list });
  return out.length ? `${filledHead}?${out.join('&')}` : filledHead;
}
