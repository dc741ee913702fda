import { z } from 'zod';
import { Money, ProductSummary } from './catalog-schemas';

/**
 * What the renderer may say about a cart: SKUs and quantities. Prices are always looked up in main.
 * `displayedPrice` is the unit price the shopper was shown; when it is sent and differs from the
 * catalog (a sync landed in between, or a tampered payload) the cart is rejected with CART_INVALID
 * instead of charging a price nobody saw. Unknown keys are refused.
 */
export const CartRequest = z.object({
  items: z
    .array(
      z
        .object({
          sku: z.string().min(1).max(64),
          quantity: z.number().int().min(1).max(10),
          displayedPrice: Money.optional(),
        })
        .strict(),
    )
    .max(30),
});
export type CartRequest = z.infer<typeof CartRequest>;

/** An order id as the kiosk makes them (`ord_` + 32 hex); bounded so no request carries a megabyte id. */
export const OrderId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

const CartLine = z.object({
  product: ProductSummary,
  quantity: z.number().int().positive(),
  lineTotal: Money,
});

/**
 * A line of the shopper's cart that is not as they saw it: `out_of_stock` and `unavailable` (no
 * longer in the catalog) lines are left out of the total; a `price_changed` line stays in it at the
 * catalog's price, and `shownPrice` is the unit price the shopper was shown.
 */
export const CartChange = z.object({
  sku: z.string(),
  reason: z.enum(['out_of_stock', 'unavailable', 'price_changed']),
  /** The product as the catalog has it now; null when it is no longer in the catalog. */
  product: ProductSummary.nullable(),
  shownPrice: Money.nullable(),
});
export type CartChange = z.infer<typeof CartChange>;

/**
 * A priced cart. `lines` are what can be paid for now; `changes` marks the lines that changed under
 * the shopper. `payment:start` takes only a cart without changes (CART_CHANGED otherwise).
 */
export const Cart = z.object({
  lines: z.array(CartLine),
  changes: z.array(CartChange),
  subtotal: Money,
  tax: Money.nullable(),
  total: Money,
  /** How tax is shown: included in prices, added at checkout, or not shown. */
  taxDisplay: z.enum(['included', 'added', 'none']),
});
export type Cart = z.infer<typeof Cart>;

/** Where a payment on the reader stands, pushed as `payment:state` events. */
export const PaymentPhase = z.enum([
  'creating',
  'waiting_for_card',
  'processing',
  'succeeded',
  'declined',
  'canceled',
  'reader_offline',
  'failed',
]);
export type PaymentPhase = z.infer<typeof PaymentPhase>;

export const PaymentState = z.object({
  orderId: z.string(),
  phase: PaymentPhase,
  /** A shopper-readable reason for a decline or failure, already mapped from Stripe's codes. */
  message: z.string().nullable(),
  /**
   * Machine-readable reason behind `message` so the renderer can say it in the shopper's language:
   * a Stripe decline code (`insufficient_funds`, `generic_decline`, …) or a kiosk reason
   * (`reader_offline`, `reader_busy`, `network`, `timeout`, `canceled`, `refunded`).
   */
  reason: z.string().nullable(),
  /** True when payments run against the built-in Stripe emulator (labelled "demo" on screen). */
  demo: z.boolean(),
  receiptUrl: z.string().nullable(),
  /** The receipt URL as a QR code (SVG markup), once the payment succeeded. */
  receiptQrSvg: z.string().nullable(),
});
export type PaymentState = z.infer<typeof PaymentState>;
