import { describe, expect, it } from 'vitest';
import type { PaymentState } from '../../../../electron/shared/schemas/checkout-schemas';
import { KioskSession } from '../../../../renderer/src/lib/kiosk-session.svelte';
import { PaymentFlow } from '../../../../renderer/src/lib/payment-flow.svelte';
import { ScriptedClient } from './scripted-client';
import { pricedCart, product } from './renderer-fixtures';

const state = (orderId: string, phase: PaymentState['phase']): PaymentState => ({
  orderId,
  phase,
  message: null,
  reason: null,
  demo: true,
  receiptUrl: null,
  receiptQrSvg: null,
});

describe('PaymentFlow', () => {
  it('starts the order on the reader and follows only its own events to Thank you', async () => {
    const client = new ScriptedClient().answer('payment:start', state('ord_1', 'creating'));
    const session = new KioskSession(client);
    session.cart.add(product('A', 1000), 2);
    session.cart.priced = pricedCart([['A', 1000, 2]]);
    session.screen = 'cart';
    const flow = new PaymentFlow(client, session);
    const stop = flow.follow();
    expect(await flow.start()).toBe(true);
    expect(client.callsTo('payment:start')).toEqual([
      { items: [{ sku: 'A', quantity: 2, displayedPrice: { amountMinor: 1000, currency: 'USD' } }] },
    ]);
    expect(session.screen).toBe('payment');
    expect(flow.waiting).toBe(true);
    client.emit('payment:state', state('ord_other', 'succeeded'));
    expect(session.screen).toBe('payment');
    client.emit('payment:state', state('ord_1', 'declined'));
    expect(flow.finishedWithoutPayment).toBe(true);
    client.emit('payment:state', state('ord_1', 'succeeded'));
    expect(session.screen).toBe('thank-you');
    // Paid: main has closed the cart, and the header no longer offers it.
    expect(session.cart.items).toEqual([]);
    expect(session.cart.priced).toBeNull();
    stop();
  });

  it('does not start with an empty cart or twice at once', async () => {
    let release: (v: unknown) => void = () => undefined;
    const client = new ScriptedClient().answer(
      'payment:start',
      () => new Promise((r) => (release = r)) as never,
    );
    const session = new KioskSession(client);
    const flow = new PaymentFlow(client, session);
    expect(await flow.start()).toBe(false);
    session.cart.add(product('A', 1000));
    session.cart.priced = pricedCart([['A', 1000, 1]]);
    const first = flow.start();
    expect(await flow.start()).toBe(false);
    release(state('ord_1', 'creating'));
    await first;
    expect(client.callsTo('payment:start')).toHaveLength(1);
  });

  it('reports a refused start and a failed cancel as errors on the session', async () => {
    const client = new ScriptedClient()
      .answer('payment:start', { error: { code: 'PAYMENT_NOT_CONFIGURED', message: 'off' } })
      .answer('payment:cancel', { error: { code: 'PAYMENT_FAILED', message: 'x' } })
      .answer('payment:demo-tap', { error: { code: 'PAYMENT_NOT_CONFIGURED', message: 'off' } });
    const session = new KioskSession(client);
    session.cart.add(product('A', 1000));
    session.cart.priced = pricedCart([['A', 1000, 1]]);
    const flow = new PaymentFlow(client, session);
    expect(await flow.start()).toBe(false);
    expect(session.error?.code).toBe('PAYMENT_NOT_CONFIGURED');
    session.payment = state('ord_1', 'waiting_for_card');
    await flow.cancel();
    expect(session.error?.code).toBe('PAYMENT_FAILED');
    await flow.demoTap('success');
    expect(client.callsTo('payment:demo-tap')).toEqual([{ card: 'success' }]);
  });

  it('prices the cart again when main says it changed, and keeps the reason on screen', async () => {
    const client = new ScriptedClient()
      .answer('payment:start', { error: { code: 'CART_CHANGED', message: 'changed' } })
      .answer('checkout:price', {
        ...pricedCart([['A', 1200, 1]]),
        changes: [
          {
            sku: 'A',
            reason: 'price_changed',
            product: null,
            shownPrice: { amountMinor: 1000, currency: 'USD' },
          },
        ],
      })
      .answer('checkout:links', { products: [], cart: null });
    const session = new KioskSession(client);
    session.cart.add(product('A', 1000));
    session.cart.priced = pricedCart([['A', 1000, 1]]);
    const flow = new PaymentFlow(client, session);
    expect(await flow.start()).toBe(false);
    expect(session.error?.code).toBe('CART_CHANGED');
    expect(session.cart.priced?.total.amountMinor).toBe(1200);
    expect(session.cart.priced?.changes).toHaveLength(1);
  });
});
