import type { Money, ProductSummary } from '../../../electron/shared/schemas/catalog-schemas';
import type { CartRequest } from '../../../electron/shared/schemas/checkout-schemas';
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
export declare const MAX_QUANTITY = 10;
export declare const MAX_LINES = 30;
/** How long "Added" stays on the button that was tapped. */
export declare const ADDED_FEEDBACK_MS = 1800;
/**
 * The shopper's cart: SKUs, quantities and the price each product showed when it was added. Prices,
 * totals, what changed since (stock, price, a product gone) and the phone QR always come back from
 * the kiosk's catalog (`refresh`); when several refreshes overlap, only the newest answer is kept,
 * so a slow reply can never show a total for a cart the shopper has already changed.
 */
export declare class CartStore {
  private readonly client;
  items: any;
  priced: any;
  phoneQrSvg: any;
  error: any;
  /** The SKU whose add button shows "Added", for a moment after the tap. */
  justAdded: any;
  private generation;
  private feedbackTimer;
  constructor(client: KioskClient);
  get count(): number;
  quantityOf(sku: string): number;
  /**
   * Adds one (or `quantity`) of a product; false when the cart cannot take it. A product this store
   * does not have in stock cannot be added at the kiosk (it can still be ordered online).
   */
  add(product: ProductSummary, quantity?: number): boolean;
  /** Adds each product once; returns how many were added. */
  addAll(products: readonly ProductSummary[]): number;
  nameOf(sku: string): string;
  setQuantity(sku: string, quantity: number): void;
  /** The request the contract expects, as plain objects (never reactive proxies). */
  request(): CartRequest;
  /**
   * What Pay sends: exactly the lines the shopper sees priced, at the prices shown. Lines marked as
   * changed are never sent; main refuses with CART_CHANGED if anything changed since.
   */
  payRequest(): CartRequest | null;
  /** Prices the cart and fetches the "buy on my phone" code; the newest call wins. */
  refresh(): Promise<void>;
  clear(): void;
  private flash;
}
