import type { Money, ProductSummary } from '../../../electron/shared/schemas/catalog-schemas';
import type { Cart, CartRequest } from '../../../electron/shared/schemas/checkout-schemas';
import type { KioskErrorShape } from '../../../electron/shared/result';
import type { KioskClient } from './client/kiosk-client';

/** A cart line as the shopper chose it, with the unit price they were shown when they added it. */
export interface CartItem {
  sku: string;
  quantity: number;
  displayedPrice: Money;
  /** Brand and name, to name the line even if the product leaves the catalog. */
  name: string;
}

/** Most of one product per cart line, and most lines, as the contract accepts them. */
export const MAX_QUANTITY = 10;
export const MAX_LINES = 30;
/** How long "Added" stays on the button that was tapped. */
export const ADDED_FEEDBACK_MS = 1800;

/**
 * The shopper's cart: SKUs, quantities and the price each product showed when it was added. Prices,
 * totals, what changed since (stock, price, a product gone) and the phone QR always come back from
 * the kiosk's catalog (`refresh`); when several refreshes overlap, only the newest answer is kept,
 * so a slow reply can never show a total for a cart the shopper has already changed.
 */
export class CartStore {
  items = $state<CartItem[]>([]);
  priced = $state<Cart | null>(null);
  phoneQrSvg = $state<string | null>(null);
  error = $state<KioskErrorShape | null>(null);
  /** The SKU whose add button shows "Added", for a moment after the tap. */
  justAdded = $state<string | null>(null);
  private generation = 0;
  private feedbackTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly client: KioskClient) {}

  get count(): number {
    return this.items.reduce((n, item) => n + item.quantity, 0);
  }

  quantityOf(sku: string): number {
    return this.items.find((i) => i.sku === sku)?.quantity ?? 0;
  }

  /**
   * Adds one (or `quantity`) of a product; false when the cart cannot take it. A product this store
   * does not have in stock cannot be added at the kiosk (it can still be ordered online).
   */
  add(product: ProductSummary, quantity = 1): boolean {
    if (!product.inStock) return false;
    const sku = product.sku;
    const existing = this.items.find((i) => i.sku === sku);
    if (existing) {
      if (existing.quantity >= MAX_QUANTITY) return false;
      existing.quantity = Math.min(MAX_QUANTITY, existing.quantity + quantity);
    } else {
      if (this.items.length >= MAX_LINES) return false;
      this.items.push({
        sku,
        quantity: Math.min(MAX_QUANTITY, quantity),
        displayedPrice: { ...product.price },
        name: `${product.brand} ${product.name}`,
      });
    }
    this.flash(sku);
    // Counted once per session in the store funnel (no product, no id).
    void this.client.invoke('session:milestone', { step: 'added_to_cart' });
    return true;
  }

  /** Adds each product once; returns how many were added. */
  addAll(products: readonly ProductSummary[]): number {
    let added = 0;
    for (const product of products) if (this.add(product)) added += 1;
    return added;
  }

  nameOf(sku: string): string {
    return this.items.find((i) => i.sku === sku)?.name ?? sku;
  }

  setQuantity(sku: string, quantity: number): void {
    this.items =
      quantity <= 0
        ? this.items.filter((i) => i.sku !== sku)
        : this.items.map((i) => (i.sku === sku ? { ...i, quantity: Math.min(MAX_QUANTITY, quantity) } : i));
  }

  /** The request the contract expects, as plain objects (never reactive proxies). */
  request(): CartRequest {
    return {
      items: this.items.map((i) => ({
        sku: i.sku,
        quantity: i.quantity,
        displayedPrice: { ...i.displayedPrice },
      })),
    };
  }

  /**
   * What Pay sends: exactly the lines the shopper sees priced, at the prices shown. Lines marked as
   * changed are never sent; main refuses with CART_CHANGED if anything changed since.
   */
  payRequest(): CartRequest | null {
    const lines = this.priced?.lines ?? [];
    if (lines.length === 0) return null;
    return {
      items: lines.map((l) => ({
        sku: l.product.sku,
        quantity: l.quantity,
        displayedPrice: { ...l.product.price },
      })),
    };
  }

  /** Prices the cart and fetches the "buy on my phone" code; the newest call wins. */
  async refresh(): Promise<void> {
    const ticket = ++this.generation;
    const request = this.request();
    if (request.items.length === 0) {
      this.priced = null;
      this.phoneQrSvg = null;
      return;
    }
    const [price, links] = await Promise.all([
      this.client.invoke('checkout:price', request),
      this.client.invoke('checkout:links', request),
    ]);
    if (ticket !== this.generation) return;
    if (price.ok) {
      this.priced = price.value;
      this.error = null;
    } else {
      this.error = price.error;
    }
    this.phoneQrSvg = links.ok ? (links.value.cart?.qrSvg ?? null) : null;
  }

  clear(): void {
    this.generation += 1;
    this.items = [];
    this.priced = null;
    this.phoneQrSvg = null;
    this.error = null;
    this.justAdded = null;
    if (this.feedbackTimer) clearTimeout(this.feedbackTimer);
  }

  private flash(sku: string): void {
    this.justAdded = sku;
    if (this.feedbackTimer) clearTimeout(this.feedbackTimer);
    this.feedbackTimer = setTimeout(() => (this.justAdded = null), ADDED_FEEDBACK_MS);
  }
}
