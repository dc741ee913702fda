import type { Money } from '../../shared/schemas/catalog-schemas';
import type { Cart, CartRequest } from '../../shared/schemas/checkout-schemas';
import { KioskError } from '../../shared/result';
import type { CheckoutProduct } from './product-lookup-port';

export interface TaxPolicy {
  /** `included`: prices contain tax (shown as "incl."); `added`: tax on top; `none`: not shown. */
  display: 'included' | 'added' | 'none';
  ratePercent: number;
}

/** Largest cart total the kiosk will take, in minor units (Stripe's own limit is 99,999,999). */
const MAX_TOTAL_MINOR = 99_999_999;

const invalid = (message: string) => new KioskError('CART_INVALID', message);

/**
 * Prices a cart from catalog products only. Unknown, out-of-stock or duplicated SKUs, mixed
 * currencies and a `displayedPrice` that differs from the catalog are all CART_INVALID: the shopper
 * is never charged a price they were not shown.
 */
export function priceCart(request: CartRequest, products: readonly CheckoutProduct[], tax: TaxPolicy): Cart {
  if (request.items.length === 0) throw invalid('The cart is empty.');
  const bySku = new Map(products.map((p) => [p.summary.sku, p]));
  const seen = new Set<string>();
  const lines = request.items.map((item) => {
    if (seen.has(item.sku)) throw invalid(`SKU ${item.sku} appears twice in the cart.`);
    seen.add(item.sku);
    const product = bySku.get(item.sku);
    if (!product) throw invalid(`Unknown SKU ${item.sku}.`);
    const { price } = product.summary;
    if (!product.summary.inStock) throw invalid(`SKU ${item.sku} is out of stock.`);
    if (item.displayedPrice && !sameMoney(item.displayedPrice, price)) {
      throw invalid(`The price of ${item.sku} is ${format(price)}, not ${format(item.displayedPrice)}.`);
    }
    return {
      product: product.summary,
      quantity: item.quantity,
      lineTotal: { amountMinor: price.amountMinor * item.quantity, currency: price.currency },
    };
  });
  const currency = lines[0]?.lineTotal.currency ?? '';
  if (lines.some((l) => l.lineTotal.currency !== currency)) throw invalid('The cart mixes currencies.');
  const subtotal = lines.reduce((sum, l) => sum + l.lineTotal.amountMinor, 0);
  const { taxMinor, totalMinor } = applyTax(subtotal, tax);
  if (totalMinor > MAX_TOTAL_MINOR) throw invalid('The cart total is above what the kiosk can take.');
  return {
    lines,
    subtotal: { amountMinor: subtotal, currency },
    tax: taxMinor === null ? null : { amountMinor: taxMinor, currency },
    total: { amountMinor: totalMinor, currency },
    taxDisplay: tax.display,
  };
}

/**
 * Tax in whole minor units, rounded half up once per cart (not per line, which drifts). Included tax
 * is the part of the gross that is tax: gross − round(gross / (1 + rate)).
 */
export function applyTax(
  subtotalMinor: number,
  tax: TaxPolicy,
): { taxMinor: number | null; totalMinor: number } {
  // Rates like 8.875 % are exact in thousandths of a percent, so the arithmetic stays in integers.
  const milli = Math.round(tax.ratePercent * 1000);
  if (tax.display === 'none' || milli === 0)
    return { taxMinor: tax.display === 'none' ? null : 0, totalMinor: subtotalMinor };
  if (tax.display === 'added') {
    const taxMinor = divRoundHalfUp(subtotalMinor * milli, 100_000);
    return { taxMinor, totalMinor: subtotalMinor + taxMinor };
  }
  const net = divRoundHalfUp(subtotalMinor * 100_000, 100_000 + milli);
  return { taxMinor: subtotalMinor - net, totalMinor: subtotalMinor };
}

const divRoundHalfUp = (numerator: number, denominator: number) =>
  Math.floor((2 * numerator + denominator) / (2 * denominator));
const sameMoney = (a: Money, b: Money) => a.amountMinor === b.amountMinor && a.currency === b.currency;
const format = (m: Money) => `${(m.amountMinor / 100).toFixed(2)} ${m.currency}`;
