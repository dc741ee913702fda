import type Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { IdempotencyCache } from '../../../electron/stripe-emulator/idempotency-cache';
import type { StripeEmulator } from '../../../electron/stripe-emulator/stripe-emulator-server';
import { emulatorWithClient, stripeError, terminalIntent, waitFor } from './emulator-test-kit';

describe('what the emulator keeps (a demo kiosk runs one for months)', () => {
  let emulator: StripeEmulator;
  afterEach(() => emulator.stop());

  async function paidAndRefunded(stripe: Stripe, readerId: string, key: string) {
    const pi = await terminalIntent(stripe, 1500, key);
    await stripe.terminal.readers.processPaymentIntent(readerId, { payment_intent: pi.id });
    emulator.presentCard(readerId, 'success');
    await waitFor(() => emulator.store.paymentIntents.get(pi.id)?.status === 'requires_capture');
    const captured = await stripe.paymentIntents.capture(pi.id);
    const refund = await stripe.refunds.create({ payment_intent: pi.id });
    return { pi, chargeId: captured.latest_charge as string, refundId: refund.id };
  }

  it('keeps every object by default, as Stripe does', async () => {
    const kit = await emulatorWithClient();
    emulator = kit.emulator;
    const ids = [];
    for (let i = 0; i < 12; i++) ids.push((await terminalIntent(kit.stripe, 1000 + i)).id);
    for (const id of ids) expect((await kit.stripe.paymentIntents.retrieve(id)).id).toBe(id);
  });

  it('bounded, forgets the oldest intents with their charges, refunds and idempotent answers', async () => {
    const kit = await emulatorWithClient({ retainPaymentIntents: 3 });
    emulator = kit.emulator;
    const old = await paidAndRefunded(kit.stripe, kit.readerId, 'order-old:create');
    // The next shopper's payment moves the reader on; two more orders follow.
    const newer = [await terminalIntent(kit.stripe, 2000, 'order-0:create')];
    await kit.stripe.terminal.readers.processPaymentIntent(kit.readerId, {
      payment_intent: newer[0]?.id ?? '',
    });
    for (let i = 1; i < 3; i++) newer.push(await terminalIntent(kit.stripe, 2000 + i, `order-${i}:create`));

    expect((await stripeError(kit.stripe.paymentIntents.retrieve(old.pi.id))).code).toBe('resource_missing');
    expect(emulator.store.charges.has(old.chargeId)).toBe(false);
    expect(emulator.store.refunds.has(old.refundId)).toBe(false);
    expect(emulator.paymentIntents().map((p) => p.id)).toEqual(newer.map((p) => p.id));
    // The newest answers still replay; a forgotten one runs again as a new request.
    const replay = await terminalIntent(kit.stripe, 2002, 'order-2:create');
    expect(replay.id).toBe(newer[2]?.id);
    expect(replay.lastResponse.headers['idempotent-replayed']).toBe('true');
    const rerun = await terminalIntent(kit.stripe, 1500, 'order-old:create');
    expect(rerun.id).not.toBe(old.pi.id);
  });

  it('never forgets the intent a reader is collecting for, however many come after it', async () => {
    const kit = await emulatorWithClient({ retainPaymentIntents: 2 });
    emulator = kit.emulator;
    const waiting = await terminalIntent(kit.stripe, 4200);
    await kit.stripe.terminal.readers.processPaymentIntent(kit.readerId, { payment_intent: waiting.id });
    const later = [];
    for (let i = 0; i < 4; i++) later.push(await terminalIntent(kit.stripe, 100 + i));

    expect(emulator.paymentIntents().map((p) => p.id)).toEqual([waiting.id, later[3]?.id]);
    emulator.presentCard(kit.readerId, 'success');
    await waitFor(() => emulator.store.paymentIntents.get(waiting.id)?.status === 'requires_capture');
    expect((await kit.stripe.paymentIntents.capture(waiting.id)).status).toBe('succeeded');
  });
});

describe('idempotency cache bound', () => {
  it('drops the oldest finished answers first and never one still running', () => {
    const cache = new IdempotencyCache(2);
    expect(cache.begin('running', 'POST /a')).toBeNull();
    for (const key of ['k1', 'k2', 'k3']) {
      expect(cache.begin(key, `POST /${key}`)).toBeNull();
      cache.finish(key, 200, `{"key":"${key}"}`);
    }
    // Still in flight: a second request with its key is refused, not run twice.
    expect(() => cache.begin('running', 'POST /a')).toThrow(/in-progress/);
    expect(cache.begin('k3', 'POST /k3')).toEqual({ status: 200, body: '{"key":"k3"}' });
    // k1 and k2 made room: k1 is a new request again.
    expect(cache.begin('k1', 'POST /k1')).toBeNull();
  });
});
