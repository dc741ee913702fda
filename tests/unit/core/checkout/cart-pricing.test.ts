import { describe, expect, it } from 'vitest';
import { applyTax, priceCart, requireUnchanged } from '../../../../electron/core/checkout/cart-pricing';
import { KioskError } from '../../../../electron/shared/result';
import { CATALOG, product } from './checkout-fixtures';

const included = { display: 'included' as const, ratePercent: 0 };

function cartError(fn: () => unknown): KioskError {
  try {
    fn();
  } catch (err) {
    return err as KioskError;
  }
  throw new Error('expected a KioskError');
}

describe('priceCart', () => {
  it('prices lines and totals from the catalog', () => {
    const cart = priceCart(
      {
        items: [
          { sku: 'CLN-001', quantity: 2 },
          { sku: 'SER-002', quantity: 1 },
        ],
      },
      CATALOG,
      included,
    );
    expect(cart.lines.map((l) => [l.product.sku, l.quantity, l.lineTotal.amountMinor])).toEqual([
      ['CLN-001', 2, 3600],
      ['SER-002', 1, 3450],
    ]);
    expect(cart.subtotal).toEqual({ amountMinor: 7050, currency: 'USD' });
    expect(cart.total).toEqual({ amountMinor: 7050, currency: 'USD' });
    expect(cart.tax).toEqual({ amountMinor: 0, currency: 'USD' });
    expect(cart.taxDisplay).toBe('included');
  });

  it('accepts a displayed price that matches the catalog', () => {
    const cart = priceCart(
      { items: [{ sku: 'SER-002', quantity: 1, displayedPrice: { amountMinor: 3450, currency: 'USD' } }] },
      CATALOG,
      included,
    );
    expect(cart.total.amountMinor).toBe(3450);
  });

  it('marks a price that changed since it was shown, keeps the line, and refuses to pay it', () => {
    const cart = priceCart(
      {
        items: [
          { sku: 'CLN-001', quantity: 1, displayedPrice: { amountMinor: 1800, currency: 'USD' } },
          { sku: 'SER-002', quantity: 1, displayedPrice: { amountMinor: 1, currency: 'USD' } },
        ],
      },
      CATALOG,
      included,
    );
    expect(cart.lines.map((l) => l.product.sku)).toEqual(['CLN-001', 'SER-002']);
    expect(cart.total.amountMinor).toBe(1800 + 3450);
    expect(cart.changes).toEqual([
      expect.objectContaining({
        sku: 'SER-002',
        reason: 'price_changed',
        shownPrice: { amountMinor: 1, currency: 'USD' },
      }),
    ]);
    const err = cartError(() => requireUnchanged(cart));
    expect(err.code).toBe('CART_CHANGED');
    expect(err.message).toContain('now costs 34.50 USD, not 0.01 USD');
  });

  it('keeps the valid lines when one went out of stock or left the catalog', () => {
    const cart = priceCart(
      {
        items: [
          { sku: 'CLN-001', quantity: 2 },
          { sku: 'OOS-004', quantity: 1, displayedPrice: { amountMinor: 1500, currency: 'USD' } },
          { sku: 'GONE-009', quantity: 1, displayedPrice: { amountMinor: 999, currency: 'USD' } },
          { sku: 'SER-002', quantity: 1 },
        ],
      },
      CATALOG,
      included,
    );
    expect(cart.lines.map((l) => [l.product.sku, l.quantity])).toEqual([
      ['CLN-001', 2],
      ['SER-002', 1],
    ]);
    expect(cart.total).toEqual({ amountMinor: 2 * 1800 + 3450, currency: 'USD' });
    expect(cart.changes.map((c) => [c.sku, c.reason, c.product?.name ?? null])).toEqual([
      ['OOS-004', 'out_of_stock', 'Product OOS-004'],
      ['GONE-009', 'unavailable', null],
    ]);
    expect(cartError(() => requireUnchanged(cart)).code).toBe('CART_CHANGED');
    // What the shopper can still pay for is exactly the lines that were kept.
    const payable = priceCart(
      { items: cart.lines.map((l) => ({ sku: l.product.sku, quantity: l.quantity })) },
      CATALOG,
      included,
    );
    expect(requireUnchanged(payable).total).toEqual(cart.total);
  });

  it('a cart with nothing left to pay still names its currency and cannot be paid', () => {
    const cart = priceCart({ items: [{ sku: 'OOS-004', quantity: 1 }] }, CATALOG, included);
    expect(cart.lines).toEqual([]);
    expect(cart.total).toEqual({ amountMinor: 0, currency: 'USD' });
    expect(cartError(() => requireUnchanged(cart)).code).toBe('CART_CHANGED');
  });

  it('speaks of a currency without cents in its own units', () => {
    const yen = [product('JP-1', 1200, {}, { price: { amountMinor: 1200, currency: 'JPY' } })];
    const cart = priceCart(
      { items: [{ sku: 'JP-1', quantity: 2, displayedPrice: { amountMinor: 1000, currency: 'JPY' } }] },
      yen,
      included,
    );
    expect(cart.total).toEqual({ amountMinor: 2400, currency: 'JPY' });
    expect(cartError(() => requireUnchanged(cart)).message).toContain('now costs 1200 JPY, not 1000 JPY');
  });

  it('marks a displayed price in another currency as changed', () => {
    const cart = priceCart(
      { items: [{ sku: 'SER-002', quantity: 1, displayedPrice: { amountMinor: 3450, currency: 'EUR' } }] },
      CATALOG,
      included,
    );
    expect(cart.changes.map((c) => c.reason)).toEqual(['price_changed']);
    expect(cartError(() => requireUnchanged(cart)).code).toBe('CART_CHANGED');
  });

  it.each([
    [
      'duplicate SKU',
      [
        { sku: 'CLN-001', quantity: 1 },
        { sku: 'CLN-001', quantity: 1 },
      ],
      'twice',
    ],
    [
      'mixed currencies',
      [
        { sku: 'CLN-001', quantity: 1 },
        { sku: 'EUR-005', quantity: 1 },
      ],
      'currencies',
    ],
    ['empty cart', [], 'empty'],
  ])('rejects %s', (_name, items, message) => {
    const err = cartError(() => priceCart({ items }, CATALOG, included));
    expect(err).toBeInstanceOf(KioskError);
    expect(err.code).toBe('CART_INVALID');
    expect(err.message).toContain(message);
  });

  it('adds tax on top when configured', () => {
    const cart = priceCart({ items: [{ sku: 'SER-002', quantity: 1 }] }, CATALOG, {
      display: 'added',
      ratePercent: 8.875,
    });
    // 3450 × 8.875 % = 306.1875 → 306
    expect(cart.tax).toEqual({ amountMinor: 306, currency: 'USD' });
    expect(cart.total.amountMinor).toBe(3756);
    expect(cart.taxDisplay).toBe('added');
  });

  it('hides tax when display is none', () => {
    const cart = priceCart({ items: [{ sku: 'SER-002', quantity: 1 }] }, CATALOG, {
      display: 'none',
      ratePercent: 20,
    });
    expect(cart.tax).toBeNull();
    expect(cart.total.amountMinor).toBe(3450);
  });
});

describe('applyTax', () => {
  it('extracts included tax from the gross', () => {
    // 1000 gross at 20 %: net 833.33 → 833, tax 167.
    expect(applyTax(1000, { display: 'included', ratePercent: 20 })).toEqual({
      taxMinor: 167,
      totalMinor: 1000,
    });
  });

  it('rounds half up once per cart', () => {
    // 250 × 10 % = 25 exactly; 255 × 10 % = 25.5 → 26.
    expect(applyTax(250, { display: 'added', ratePercent: 10 }).taxMinor).toBe(25);
    expect(applyTax(255, { display: 'added', ratePercent: 10 }).taxMinor).toBe(26);
  });

  it('keeps the gross equal to net plus tax for included prices', () => {
    for (let gross = 1; gross < 5000; gross += 37) {
      const { taxMinor, totalMinor } = applyTax(gross, { display: 'included', ratePercent: 7.25 });
      const net = totalMinor - (taxMinor as number);
      expect(Math.abs(net * 1.0725 - gross)).toBeLessThanOrEqual(1);
    }
  });
});
