import { minorToDecimal } from '../../shared/money-format';
import type { Money } from '../../shared/schemas/catalog-schemas';
import type { Cart, CartChange, CartRequest } from '../../shared/schemas/checkout-schemas';
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
 * Prices a cart from catalog products only. What changed under the shopper since they saw it — a
 * product out of stock here, gone from the catalog, or at another price than `displayedPrice` — is
 * listed in `changes` and never empties the cart: out-of-stock and unknown lines are left out of the
 * total, a repriced line stays at the catalog's price. A request no shopper could make (a SKU twice,
 * mixed currencies, an empty cart, a total too large) is CART_INVALID.
 */
export function priceCart(request: CartRequest, products: readonly CheckoutProduct[], tax: TaxPolicy): Cart {
  if (request.items.length === 0) throw invalid('The cart is empty.');
  const bySku = new Map(products.map((p) => [p.summary.sku, p]));
  const seen = new Set<string>();
  const lines: Cart['lines'] = [];
  const changes: CartChange[] = [];
  for (const item of request.items) {
    if (seen.has(item.sku)) throw invalid(`SKU ${item.sku} appears twice in the cart.`);
    seen.add(item.sku);
    const product = bySku.get(item.sku)?.summary ?? null;
    const shownPrice = item.displayedPrice ?? null;
    if (!product) {
      changes.push({ sku: item.sku, reason: 'unavailable', product: null, shownPrice });
      continue;
    }
    if (!product.inStock) {
      changes.push({ sku: item.sku, reason: 'out_of_stock', product, shownPrice });
      continue;
    }
    if (shownPrice && !sameMoney(shownPrice, product.price))
      changes.push({ sku: item.sku, reason: 'price_changed', product, shownPrice });
    const { amountMinor, currency } = product.price;
    lines.push({
      product,
      quantity: item.quantity,
      lineTotal: { amountMinor: amountMinor * item.quantity, currency },
    });
  }
  const currency = lines[0]?.lineTotal.currency ?? fallbackCurrency(changes);
  if (lines.some((l) => l.lineTotal.currency !== currency)) throw invalid('The cart mixes currencies.');
  const subtotal = lines.reduce((sum, l) => sum + l.lineTotal.amountMinor, 0);
  const { taxMinor, totalMinor } = applyTax(subtotal, tax);
  if (totalMinor > MAX_TOTAL_MINOR) throw invalid('The cart total is above what the kiosk can take.');
  return {
    lines,
    changes,
    subtotal: { amountMinor: subtotal, currency },
    tax: taxMinor === null ? null : { amountMinor: taxMinor, currency },
    total: { amountMinor: totalMinor, currency },
    taxDisplay: tax.display,
  };
}

/**
 * The cart as a payment may take it: exactly what the shopper was shown. Any change (a line out of
 * stock, gone, or repriced since it was shown) is CART_CHANGED, so nobody is charged for a cart they
 * have not seen; the renderer prices again and marks the changed lines.
 */
export function requireUnchanged(cart: Cart): Cart {
  if (cart.changes.length > 0) {
    const what = cart.changes.map((c) =>
      c.reason === 'price_changed' && c.product && c.shownPrice
        ? `${c.sku} now costs ${format(c.product.price)}, not ${format(c.shownPrice)}`
        : `${c.sku} is ${c.reason === 'out_of_stock' ? 'out of stock' : 'no longer sold here'}`,
    );
    throw new KioskError('CART_CHANGED', `The cart changed since it was shown: ${what.join('; ')}.`, {
      changed: cart.changes.length,
    });
  }
  if (cart.lines.length === 0) throw invalid('The cart is empty.');
  return cart;
}

/** A cart with no payable line still names a currency: one the shopper saw, or ISO's "none" (XXX). */
const fallbackCurrency = (changes: readonly CartChange[]): string =>
  changes.map((c) => c.product?.price.currency ?? c.shownPrice?.currency).find(Boolean) ?? 'XXX';

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
/** `34.50 USD`, `1200 JPY`: unambiguous in logs and on staff screens, whatever the locale. */
const format = (m: Money) => `${minorToDecimal(m.amountMinor, m.currency)} ${m.currency}`;
