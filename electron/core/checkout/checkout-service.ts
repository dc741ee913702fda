import type { Cart, CartRequest } from '../../shared/schemas/checkout-schemas';
import type { LinkSet, QrLink, SaveResultsRequest } from '../../shared/schemas/staff-schemas';
import { KioskError } from '../../shared/result';
import { buildAffiliateLink } from './affiliate-link-builder';
import { buildCartLink, type CartLinkConfig } from './cart-link-builder';
import { priceCart, type TaxPolicy } from './cart-pricing';
import type { CheckoutProduct, ProductLookup } from './product-lookup-port';
import { buildResultsLink } from './results-link-builder';
import type { Deflate } from './results-payload-codec';
import type { TrackingContext } from './tracking-params';

interface LinkSettings {
  affiliateId: string;
  defaultAffiliateTemplate: string | null;
  cart: CartLinkConfig | null;
  allowedHosts: readonly string[];
  resultsPageUrl: string | null;
}

export interface CheckoutServiceDeps {
  products: ProductLookup;
  links: LinkSettings;
  tax: TaxPolicy;
  storeId: string;
  kioskId: string;
  /** The current shopper session's anonymous token. */
  sessionToken(): string;
  qrSvg(text: string): Promise<string>;
  /** Raw DEFLATE for the results link's fragment. */
  deflate: Deflate;
  /** Today as YYYY-MM-DD, in the kiosk's time zone. */
  today(): string;
  /** A link that could not be built (bad template, host not allow-listed); never shopper data. */
  onLinkRejected?(reason: string): void;
}

/** Cart pricing and the shopper's QR links, all from catalog data looked up in main. */
export class CheckoutService {
  constructor(private readonly deps: CheckoutServiceDeps) {}

  async price(request: CartRequest): Promise<Cart> {
    return priceCart(request, await this.lookup(request.items.map((i) => i.sku)), this.deps.tax);
  }

  /** Buy links per product (those that can be built) and the routine's cart link, each with a QR. */
  async links(request: CartRequest): Promise<LinkSet> {
    const products = await this.lookup(request.items.map((i) => i.sku));
    const bySku = new Map(products.map((p) => [p.summary.sku, p]));
    const missing = request.items.find((i) => !bySku.has(i.sku));
    if (missing) throw new KioskError('CART_INVALID', `Unknown SKU ${missing.sku}.`);
    const items = request.items.map((i) => ({
      product: bySku.get(i.sku) as CheckoutProduct,
      quantity: i.quantity,
    }));
    const productLinks = this.productLinks(items.map((i) => i.product));
    const cartUrl = this.cartLink(items);
    return {
      products: await Promise.all(
        [...productLinks].map(async ([sku, url]) => ({ sku, ...(await this.qr(url)) })),
      ),
      cart: cartUrl ? await this.qr(cartUrl) : null,
    };
  }

  /** The "save my results" link: routine and skin summary in the fragment of the results page. */
  async saveResults(request: SaveResultsRequest): Promise<QrLink> {
    const found = await this.lookup(request.skus);
    const bySku = new Map(found.map((p) => [p.summary.sku, p]));
    const products = request.skus.map((sku) => {
      const product = bySku.get(sku);
      if (!product) throw new KioskError('CART_INVALID', `Unknown SKU ${sku}.`);
      return product;
    });
    const url = buildResultsLink({
      pageUrl: this.deps.links.resultsPageUrl,
      allowedHosts: this.deps.links.allowedHosts,
      profile: request.profile,
      products,
      productLinks: this.productLinks(products),
      cartLink: products.length ? this.cartLink(products.map((product) => ({ product, quantity: 1 }))) : null,
      locale: request.locale,
      date: this.deps.today(),
      deflate: this.deps.deflate,
    });
    return this.qr(url);
  }

  private productLinks(products: readonly CheckoutProduct[]): Map<string, string> {
    const links = new Map<string, string>();
    const config = {
      defaultTemplate: this.deps.links.defaultAffiliateTemplate,
      allowedHosts: this.deps.links.allowedHosts,
    };
    for (const product of products) {
      const result = buildAffiliateLink(product, config, this.tracking());
      if (result.ok) links.set(product.summary.sku, result.url);
      else this.deps.onLinkRejected?.(result.reason);
    }
    return links;
  }

  private cartLink(items: { product: CheckoutProduct; quantity: number }[]): string | null {
    const config = this.deps.links.cart;
    if (!config) return null;
    const result = buildCartLink(items, config, this.deps.links.allowedHosts, this.tracking());
    if (result.ok) return result.url;
    this.deps.onLinkRejected?.(result.reason);
    return null;
  }

  private tracking(): TrackingContext {
    return {
      affiliateId: this.deps.links.affiliateId,
      storeId: this.deps.storeId,
      kioskId: this.deps.kioskId,
      sessionToken: this.deps.sessionToken(),
    };
  }

  private async qr(url: string): Promise<QrLink> {
    return { url, qrSvg: await this.deps.qrSvg(url) };
  }

  private async lookup(skus: readonly string[]): Promise<CheckoutProduct[]> {
    try {
      return await this.deps.products.findBySkus(skus);
    } catch (err) {
      throw new KioskError('CATALOG_UNAVAILABLE', `The catalog could not be read: ${(err as Error).message}`);
    }
  }
}
