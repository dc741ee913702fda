import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrderSummary } from '../../../electron/shared/schemas/staff-schemas';
import type { PaymentState } from '../../../electron/shared/schemas/checkout-schemas';
import { decodeQr } from '../../unit/adapters/qr/qr-decode';
import { CART, CART_TOTAL, startTestKiosk, value, type TestKiosk } from './payment-harness';

describe('card payments on the reader (stripe SDK → emulator on 127.0.0.1)', () => {
  let k: TestKiosk;
  // Receipts on a public https host, as Stripe's are (pay.stripe.com).
  beforeEach(
    async () => (k = await startTestKiosk({ emulator: { receiptBaseUrl: 'https://receipts.example.com' } })),
  );
  afterEach(() => k.stop());

  const start = async () => value<PaymentState>(await k.call('payment:start', CART));
  const intentsOf = (orderId: string) =>
    k.emulator.paymentIntents().filter((pi) => pi.metadata.order_id === orderId);

  it('draws no receipt QR for a receipt only the kiosk can open (the demo reader on 127.0.0.1)', async () => {
    await k.stop();
    k = await startTestKiosk();
    const first = await start();
    await k.waitForPhase(first.orderId, ['waiting_for_card']);
    k.emulator.presentCard(k.readerId, 'success');
    const done = await k.waitForPhase(first.orderId, ['succeeded']);
    expect(done.receiptUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/receipts\/ch_/);
    const state = value<PaymentState>(await k.call('payment:state', { orderId: first.orderId }));
    expect(state).toMatchObject({ phase: 'succeeded', receiptQrSvg: null });
    expect(k.states.filter((s) => s.orderId === first.orderId && s.receiptQrSvg !== null)).toEqual([]);
  });

  it('pays: intent → reader → tap → capture → receipt QR', async () => {
    const first = await start();
    expect(first).toMatchObject({ phase: 'creating', demo: false, receiptUrl: null });
    await k.waitForPhase(first.orderId, ['waiting_for_card']);
    k.emulator.presentCard(k.readerId, 'success');
    const done = await k.waitForPhase(first.orderId, ['succeeded']);
    expect(done.receiptUrl).toMatch(/^https:\/\/receipts\.example\.com\/receipts\/ch_/);

    const [pi] = intentsOf(first.orderId);
    expect(intentsOf(first.orderId)).toHaveLength(1);
    expect(pi).toMatchObject({
      status: 'succeeded',
      amount: CART_TOTAL,
      amount_received: CART_TOTAL,
      currency: 'usd',
      capture_method: 'manual',
      payment_method_types: ['card_present'],
    });
    expect(pi?.metadata).toMatchObject({
      order_id: first.orderId,
      kiosk_id: 'demo-kiosk-1',
      store_id: 'demo-store',
    });

    const withQr = await k.waitForPhase(first.orderId, ['succeeded'], k.states.indexOf(done) + 1);
    expect(await decodeQr(Buffer.from(withQr.receiptQrSvg as string), 300)).toBe(done.receiptUrl);
    const state = value<PaymentState>(await k.call('payment:state', { orderId: first.orderId }));
    expect(state).toMatchObject({ phase: 'succeeded', receiptUrl: done.receiptUrl });
    const [order] = value<OrderSummary[]>(await k.call('payment:orders', { limit: 5 }));
    expect(order).toMatchObject({
      orderId: first.orderId,
      status: 'captured',
      total: { amountMinor: CART_TOTAL, currency: 'USD' },
      paymentRef: pi?.id,
    });
    expect(k.states.filter((s) => s.orderId === first.orderId).map((s) => s.phase)).toEqual([
      'creating',
      'creating',
      'waiting_for_card',
      'processing',
      'succeeded',
      'succeeded',
    ]);
  });

  it.each([
    ['generic_decline', /declined/],
    ['insufficient_funds', /insufficient funds/],
  ] as const)(
    'a %s card gets a readable message and another try on the same intent',
    async (card, message) => {
      const first = await start();
      await k.waitForPhase(first.orderId, ['waiting_for_card']);
      k.emulator.presentCard(k.readerId, card);
      const declined = await k.waitForPhase(first.orderId, ['declined']);
      expect(declined).toMatchObject({ reason: card });
      expect(declined.message).toMatch(message);
      const [order] = value<OrderSummary[]>(await k.call('payment:orders', { limit: 1 }));
      expect(order).toMatchObject({ status: 'intent_created', lastError: declined.message });

      const mark = k.states.length;
      const again = await start();
      expect(again.orderId).toBe(first.orderId);
      await k.waitForPhase(first.orderId, ['waiting_for_card'], mark);
      k.emulator.presentCard(k.readerId, 'success');
      await k.waitForPhase(first.orderId, ['succeeded'], mark);
      expect(intentsOf(first.orderId)).toHaveLength(1);
      expect(intentsOf(first.orderId)[0]?.status).toBe('succeeded');
    },
  );

  it('cancels from the kiosk while the reader waits', async () => {
    const first = await start();
    await k.waitForPhase(first.orderId, ['waiting_for_card']);
    const canceled = value<PaymentState>(await k.call('payment:cancel', { orderId: first.orderId }));
    expect(canceled).toMatchObject({ phase: 'canceled', reason: 'canceled' });
    expect(intentsOf(first.orderId)[0]?.status).toBe('canceled');
    expect(k.emulator.store.readers.get(k.readerId)?.action).toMatchObject({ status: 'failed' });
    const [order] = value<OrderSummary[]>(await k.call('payment:orders', { limit: 1 }));
    expect(order?.status).toBe('canceled');
    // A new payment for the same cart is a new order.
    const next = await start();
    expect(next.orderId).not.toBe(first.orderId);
  });

  it('releases the authorisation when the shopper cancels a declined order', async () => {
    const first = await start();
    await k.waitForPhase(first.orderId, ['waiting_for_card']);
    k.emulator.presentCard(k.readerId, 'generic_decline');
    await k.waitForPhase(first.orderId, ['declined']);
    expect(value<PaymentState>(await k.call('payment:cancel', { orderId: first.orderId })).phase).toBe(
      'canceled',
    );
    expect(intentsOf(first.orderId)[0]?.status).toBe('canceled');
  });

  it('cancels a card wait that runs too long', async () => {
    await k.stop();
    k = await startTestKiosk({ deps: { timings: { pollIntervalMs: 10, cardWaitTimeoutMs: 150 } } });
    const first = await start();
    const state = await k.waitForPhase(first.orderId, ['canceled']);
    expect(state).toMatchObject({ reason: 'timeout' });
    expect(k.emulator.paymentIntents()[0]?.status).toBe('canceled');
  });

  it('ends a session by canceling its open order', async () => {
    const first = await start();
    await k.waitForPhase(first.orderId, ['waiting_for_card']);
    k.emulator.presentCard(k.readerId, 'insufficient_funds');
    await k.waitForPhase(first.orderId, ['declined']);
    await k.services.endSession();
    expect(intentsOf(first.orderId)[0]?.status).toBe('canceled');
    expect(value<PaymentState>(await k.call('payment:state', { orderId: first.orderId })).phase).toBe(
      'canceled',
    );
  });

  it('refunds a captured order for staff, once', async () => {
    const first = await start();
    await k.waitForPhase(first.orderId, ['waiting_for_card']);
    k.emulator.presentCard(k.readerId, 'success');
    await k.waitForPhase(first.orderId, ['succeeded']);
    const refunded = value<OrderSummary>(await k.call('payment:refund', { orderId: first.orderId }));
    expect(refunded.status).toBe('refunded');
    expect([...k.emulator.store.refunds.values()]).toMatchObject([
      { amount: CART_TOTAL, payment_intent: refunded.paymentRef },
    ]);
    const twice = await k.call('payment:refund', { orderId: first.orderId });
    expect(twice).toMatchObject({ ok: false, error: { code: 'PAYMENT_FAILED' } });
    expect(k.emulator.store.refunds.size).toBe(1);
  });

  it('answers NOT_FOUND for an unknown order', async () => {
    expect(await k.call('payment:state', { orderId: 'ord_nope' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
