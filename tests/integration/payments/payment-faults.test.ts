import { afterEach, describe, expect, it } from 'vitest';
import type { PaymentState } from '../../../electron/shared/schemas/checkout-schemas';
import type { OrderSummary } from '../../../electron/shared/schemas/staff-schemas';
import { CART, CART_TOTAL, startTestKiosk, value, type TestKiosk } from './payment-harness';

describe('payments when the reader, the network or Stripe misbehave', () => {
  let k: TestKiosk;
  afterEach(() => k.stop());

  const start = async () => value<PaymentState>(await k.call('payment:start', CART));
  const intents = () => k.emulator.paymentIntents();
  const order = async (orderId: string) =>
    value<OrderSummary[]>(await k.call('payment:orders', { limit: 50 })).find((o) => o.orderId === orderId);

  it('retries a busy reader with the SAME intent, then takes the card', async () => {
    k = await startTestKiosk();
    k.emulator.readerFaults.busy = 2;
    const first = await start();
    await k.waitForPhase(first.orderId, ['waiting_for_card']);
    expect(intents()).toHaveLength(1);
    k.emulator.presentCard(k.readerId, 'success');
    await k.waitForPhase(first.orderId, ['succeeded']);
    expect(intents()).toHaveLength(1);
  });

  it('retries a reader timeout and recognises its own action when the timeout hid a start', async () => {
    k = await startTestKiosk();
    k.emulator.readerFaults.timeout = 1;
    k.emulator.readerFaults.timeoutAfterStart = 1;
    const first = await start();
    await k.waitForPhase(first.orderId, ['waiting_for_card']);
    const action = k.emulator.store.readers.get(k.readerId)?.action;
    expect(action).toMatchObject({
      status: 'in_progress',
      process_payment_intent: { payment_intent: intents()[0]?.id },
    });
    k.emulator.presentCard(k.readerId, 'success');
    await k.waitForPhase(first.orderId, ['succeeded']);
    expect(intents()).toHaveLength(1);
  });

  it('sends the shopper to the counter when the reader stays offline, then pays on the same intent', async () => {
    k = await startTestKiosk();
    k.emulator.setReaderOnline(k.readerId, false);
    const first = await start();
    const offline = await k.waitForPhase(first.orderId, ['reader_offline']);
    expect(offline).toMatchObject({ reason: 'reader_offline', message: expect.stringMatching(/counter/) });
    expect(intents()).toHaveLength(1);
    expect((await order(first.orderId))?.status).toBe('intent_created');

    k.emulator.setReaderOnline(k.readerId, true);
    const mark = k.states.length;
    expect((await start()).orderId).toBe(first.orderId);
    await k.waitForPhase(first.orderId, ['waiting_for_card'], mark);
    k.emulator.presentCard(k.readerId, 'success');
    await k.waitForPhase(first.orderId, ['succeeded'], mark);
    expect(intents()).toHaveLength(1);
  });

  it('keeps polling through a short network drop and captures once', async () => {
    k = await startTestKiosk();
    const first = await start();
    await k.waitForPhase(first.orderId, ['waiting_for_card']);
    k.emulator.faults.dropConnections(Infinity, /^\/v1\/terminal\/readers\/[^/]+$/);
    k.emulator.presentCard(k.readerId, 'success');
    await new Promise((r) => setTimeout(r, 150));
    k.emulator.faults.clear();
    await k.waitForPhase(first.orderId, ['succeeded']);
    const [pi] = intents();
    expect(pi).toMatchObject({ status: 'succeeded', amount_received: CART_TOTAL });
    expect(k.emulator.store.charges.get(pi?.latest_charge ?? '')?.amount_captured).toBe(CART_TOTAL);
  });

  it('gives up after a long network drop; ending the session releases a tap that landed meanwhile', async () => {
    k = await startTestKiosk();
    const first = await start();
    await k.waitForPhase(first.orderId, ['waiting_for_card']);
    k.emulator.faults.dropConnections(Infinity);
    k.emulator.presentCard(k.readerId, 'success');
    const lost = await k.waitForPhase(first.orderId, ['reader_offline']);
    expect(lost.reason).toBe('network');
    expect((await order(first.orderId))?.status).toBe('processing');
    expect(intents()[0]?.status).toBe('requires_capture');

    k.emulator.faults.clear();
    await k.services.endSession();
    expect(intents()[0]?.status).toBe('canceled');
    expect((await order(first.orderId))?.status).toBe('canceled');
    expect(k.emulator.store.charges.get(intents()[0]?.latest_charge ?? '')).toMatchObject({
      captured: false,
      refunded: true,
    });
  });

  it('rides through single HTTP 500s with the SDK retrying under the same key', async () => {
    k = await startTestKiosk();
    k.emulator.faults.failWith500(1, /^\/v1\/payment_intents$/);
    const first = await start();
    await k.waitForPhase(first.orderId, ['waiting_for_card']);
    k.emulator.faults.failWith500(1, /capture$/);
    k.emulator.presentCard(k.readerId, 'success');
    await k.waitForPhase(first.orderId, ['succeeded']);
    expect(intents()).toHaveLength(1);
  });

  it('reports "pay at the counter" while Stripe answers 500, and reuses the order afterwards', async () => {
    k = await startTestKiosk();
    k.emulator.faults.failWith500(Infinity, /^\/v1\/payment_intents$/);
    const first = await start();
    const down = await k.waitForPhase(first.orderId, ['reader_offline']);
    expect(down.reason).toBe('network');
    expect(intents()).toHaveLength(0);
    expect((await order(first.orderId))?.status).toBe('created');

    k.emulator.faults.clear();
    const mark = k.states.length;
    expect((await start()).orderId).toBe(first.orderId);
    await k.waitForPhase(first.orderId, ['waiting_for_card'], mark);
    expect(intents()).toHaveLength(1);
  });

  it('never tells a shopper "paid" when capture keeps failing, and voids the hold later', async () => {
    k = await startTestKiosk();
    const first = await start();
    await k.waitForPhase(first.orderId, ['waiting_for_card']);
    k.emulator.faults.failWith500(Infinity, /capture$/);
    k.emulator.presentCard(k.readerId, 'success');
    const failed = await k.waitForPhase(first.orderId, ['failed', 'succeeded']);
    expect(failed).toMatchObject({ phase: 'failed', reason: 'network' });
    expect(intents()[0]?.status).toBe('requires_capture');

    k.emulator.faults.clear();
    await k.services.endSession();
    expect(intents()[0]?.status).toBe('canceled');
    expect((await order(first.orderId))?.status).toBe('canceled');
  });

  it('survives Stripe answering slower than the SDK timeout without a second intent or capture', async () => {
    k = await startTestKiosk({ deps: { timeoutMs: 300 } });
    k.emulator.faults.delayResponses(500, 1, /^\/v1\/payment_intents$/);
    const first = await start();
    await k.waitForPhase(first.orderId, ['waiting_for_card'], 0, 8000);
    expect(intents()).toHaveLength(1);
    k.emulator.faults.delayResponses(500, 1, /capture$/);
    k.emulator.presentCard(k.readerId, 'success');
    await k.waitForPhase(first.orderId, ['succeeded'], 0, 8000);
    const [pi] = intents();
    expect(k.emulator.store.charges.get(pi?.latest_charge ?? '')?.amount_captured).toBe(CART_TOTAL);
  });

  it('fails cleanly when the API key is wrong', async () => {
    k = await startTestKiosk({ config: { payments: { apiKeyPlain: 'rk_test_wrong' } } });
    const first = await start();
    const failed = await k.waitForPhase(first.orderId, ['failed']);
    expect(failed.message).toMatch(/not been charged/);
    expect(intents()).toHaveLength(0);
  });
});
