import { afterEach, describe, expect, it } from 'vitest';
import type { OrderSummary } from '../../../electron/shared/schemas/staff-schemas';
import type { Cart, PaymentState } from '../../../electron/shared/schemas/checkout-schemas';
import { CATALOG, lookup, product } from '../../unit/core/checkout/checkout-fixtures';
import { CART, CART_TOTAL, startTestKiosk, value, type TestKiosk } from './payment-harness';

/**
 * The cart's life in main: it closes when its payment is captured, and a change in the catalog
 * under the shopper marks lines instead of emptying the cart. Every call goes through the contract
 * path (input parsed, output validated) against the Stripe SDK and the emulator on 127.0.0.1.
 */
describe('the cart in main', () => {
  let k: TestKiosk;
  afterEach(() => k.stop());

  const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });
  const capturedOrders = async () =>
    value<OrderSummary[]>(await k.call('payment:orders', { limit: 50 })).filter(
      (o) => o.status === 'captured',
    );

  async function payOnce(cart: unknown = CART): Promise<PaymentState> {
    const started = value<PaymentState>(await k.call('payment:start', cart));
    await k.waitForPhase(started.orderId, ['waiting_for_card']);
    k.emulator.presentCard(k.readerId, 'success');
    return k.waitForPhase(started.orderId, ['succeeded']);
  }

  it('closes after the capture: paying the same cart again is CART_CLOSED, and nothing is charged', async () => {
    k = await startTestKiosk();
    const paid = await payOnce();
    const again = await k.call('payment:start', CART);
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'CART_CLOSED', details: { orderId: paid.orderId } },
    });
    // Another cart in the same session is refused too: the session's cart is paid.
    const other = { items: [{ sku: 'SPF-003', quantity: 1 }] };
    expect(await k.call('payment:start', other)).toMatchObject({ ok: false, error: { code: 'CART_CLOSED' } });
    expect(k.emulator.paymentIntents()).toHaveLength(1);
    expect(await capturedOrders()).toHaveLength(1);
  });

  it('stays closed under the same request sent many times at once', async () => {
    k = await startTestKiosk();
    await payOnce();
    const replies = await Promise.all(Array.from({ length: 20 }, () => k.call('payment:start', CART)));
    expect(new Set(replies.map((r) => (r.ok ? 'ok' : r.error.code)))).toEqual(new Set(['CART_CLOSED']));
    expect(k.emulator.paymentIntents()).toHaveLength(1);
  });

  it('opens a new cart for the next shopper once the session ends', async () => {
    k = await startTestKiosk();
    await payOnce();
    await k.services.endSession();
    await payOnce();
    const captured = await capturedOrders();
    expect(captured).toHaveLength(2);
    expect(captured.every((o) => o.total.amountMinor === CART_TOTAL)).toBe(true);
  });

  it('keeps the valid lines when one goes out of stock under the shopper, and pays them', async () => {
    const catalog = [...CATALOG];
    k = await startTestKiosk({ deps: { products: lookup(catalog) } });
    const shown = {
      items: [
        { sku: 'CLN-001', quantity: 2, displayedPrice: usd(1800) },
        { sku: 'SER-002', quantity: 1, displayedPrice: usd(3450) },
        { sku: 'SPF-003', quantity: 1, displayedPrice: usd(2599) },
      ],
    };
    expect(value<Cart>(await k.call('checkout:price', shown)).changes).toEqual([]);

    // A sync lands: the serum sells out here, the sunscreen is repriced.
    catalog[1] = product('SER-002', 3450, {}, { step: 'serum', name: 'Calm Serum', inStock: false });
    catalog[2] = product('SPF-003', 2799, {}, { step: 'sunscreen', name: 'Daily Shield SPF 50', spf: 50 });

    const cart = value<Cart>(await k.call('checkout:price', shown));
    expect(cart.lines.map((l) => [l.product.sku, l.lineTotal.amountMinor])).toEqual([
      ['CLN-001', 3600],
      ['SPF-003', 2799],
    ]);
    expect(cart.total).toEqual(usd(3600 + 2799));
    expect(cart.changes.map((c) => [c.sku, c.reason, c.shownPrice?.amountMinor])).toEqual([
      ['SER-002', 'out_of_stock', 3450],
      ['SPF-003', 'price_changed', 2599],
    ]);

    // Paying what the shopper saw before the change is refused, and charges nothing…
    expect(await k.call('payment:start', shown)).toMatchObject({
      ok: false,
      error: { code: 'CART_CHANGED' },
    });
    expect(await k.call('payment:start', shown)).toMatchObject({
      ok: false,
      error: { code: 'CART_CHANGED' },
    });
    expect(k.emulator.paymentIntents()).toHaveLength(0);
    // …and paying the lines now shown, at the prices now shown, goes through.
    const payable = {
      items: cart.lines.map((l) => ({
        sku: l.product.sku,
        quantity: l.quantity,
        displayedPrice: l.product.price,
      })),
    };
    await payOnce(payable);
    const [order] = await capturedOrders();
    expect(order?.total).toEqual(usd(3600 + 2799));
    expect(k.emulator.paymentIntents()[0]?.amount).toBe(3600 + 2799);
  });

  it('marks a product that left the catalog and keeps the rest', async () => {
    k = await startTestKiosk();
    const cart = value<Cart>(
      await k.call('checkout:price', {
        items: [
          { sku: 'GHOST-1', quantity: 1, displayedPrice: usd(990) },
          { sku: 'SER-002', quantity: 1 },
        ],
      }),
    );
    expect(cart.lines.map((l) => l.product.sku)).toEqual(['SER-002']);
    expect(cart.changes).toEqual([
      { sku: 'GHOST-1', reason: 'unavailable', product: null, shownPrice: usd(990) },
    ]);
  });
});
