import { describe, expect, it } from 'vitest';
import { applyTax, priceCart } from '../../../../electron/core/checkout/cart-pricing';
import { KioskError } from '../../../../electron/shared/result';
import { CATALOG } from './checkout-fixtures';

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

  it('rejects an altered price with CART_INVALID', () => {
    const err = cartError(() =>
      priceCart(
        { items: [{ sku: 'SER-002', quantity: 1, displayedPrice: { amountMinor: 1, currency: 'USD' } }] },
        CATALOG,
        included,
      ),
    );
    expect(err.code).toBe('CART_INVALID');
    expect(err.message).toContain('34.50 USD');
  });

  it('rejects a displayed price in another currency', () => {
    const err = cartError(() =>
      priceCart(
        { items: [{ sku: 'SER-002', quantity: 1, displayedPrice: { amountMinor: 3450, currency: 'EUR' } }] },
        CATALOG,
        included,
      ),
    );
    expect(err.code).toBe('CART_INVALID');
  });

  it.each([
    ['unknown SKU', [{ sku: 'NOPE-999', quantity: 1 }], 'Unknown SKU NOPE-999'],
    ['out of stock', [{ sku: 'OOS-004', quantity: 1 }], 'out of stock'],
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
