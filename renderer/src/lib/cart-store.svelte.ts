import type { Cart, CartRequest } from '../../../electron/shared/schemas/checkout-schemas';
import type { KioskErrorShape } from '../../../electron/shared/result';
import type { KioskClient } from './client/kiosk-client';

export type CartItem = CartRequest['items'][number];

/** Most of one product per cart line, and most lines, as the contract accepts them. */
export const MAX_QUANTITY = 10;
export const MAX_LINES = 30;
/** How long "Added" stays on the button that was tapped. */
export const ADDED_FEEDBACK_MS = 1800;

/**
 * The shopper's cart: SKUs and quantities only. Prices, totals and the phone QR always come back
 * from the kiosk's catalog (`refresh`); when several refreshes overlap, only the newest answer is
 * kept, so a slow reply can never show a total for a cart the shopper has already changed.
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

  /** Adds one (or `quantity`) of a product; false when the cart cannot take it. */
  add(sku: string, quantity = 1): boolean {
    const existing = this.items.find((i) => i.sku === sku);
    if (existing) {
      if (existing.quantity >= MAX_QUANTITY) return false;
      existing.quantity = Math.min(MAX_QUANTITY, existing.quantity + quantity);
    } else {
      if (this.items.length >= MAX_LINES) return false;
      this.items.push({ sku, quantity: Math.min(MAX_QUANTITY, quantity) });
    }
    this.flash(sku);
    return true;
  }

  /** Adds each SKU once; returns how many were added. */
  addAll(skus: readonly string[]): number {
    let added = 0;
    for (const sku of skus) if (this.add(sku)) added += 1;
    return added;
  }

  setQuantity(sku: string, quantity: number): void {
    this.items =
      quantity <= 0
        ? this.items.filter((i) => i.sku !== sku)
        : this.items.map((i) => (i.sku === sku ? { sku, quantity: Math.min(MAX_QUANTITY, quantity) } : i));
  }

  /** The request the contract expects, as plain objects (never reactive proxies). */
  request(): CartRequest {
    return { items: this.items.map((i) => ({ sku: i.sku, quantity: i.quantity })) };
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
