import type Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StripeEmulator } from '../../../electron/stripe-emulator/stripe-emulator-server';
import { emulatorWithClient, stripeError, terminalIntent, waitFor } from './emulator-test-kit';

describe('payment intents and refunds through the stripe SDK', () => {
  let emulator: StripeEmulator;
  let stripe: Stripe;
  let readerId: string;

  beforeEach(async () => ({ emulator, stripe, readerId } = await emulatorWithClient()));
  afterEach(() => emulator.stop());

  async function authorise(pi: Stripe.PaymentIntent): Promise<void> {
    await stripe.terminal.readers.processPaymentIntent(readerId, { payment_intent: pi.id });
    emulator.presentCard(readerId, 'success');
    await waitFor(() => emulator.store.paymentIntents.get(pi.id)?.status === 'requires_capture');
  }

  it('creates and retrieves an intent shaped like Stripe', async () => {
    const pi = await terminalIntent(stripe, 4321);
    expect(pi).toMatchObject({
      object: 'payment_intent',
      amount: 4321,
      currency: 'usd',
      status: 'requires_payment_method',
      capture_method: 'manual',
      payment_method_types: ['card_present'],
      metadata: { order_id: 'ord_t' },
      livemode: false,
    });
    expect(pi.id).toMatch(/^pi_[A-Za-z0-9]{24}$/);
    expect(pi.client_secret).toContain(`${pi.id}_secret_`);
    expect(await stripe.paymentIntents.retrieve(pi.id)).toMatchObject({
      id: pi.id,
      status: 'requires_payment_method',
    });
  });

  it('validates amounts and required parameters with Stripe errors', async () => {
    const small = await stripeError(stripe.paymentIntents.create({ amount: 10, currency: 'usd' }));
    expect(small).toMatchObject({
      type: 'StripeInvalidRequestError',
      code: 'amount_too_small',
      param: 'amount',
      statusCode: 400,
    });
    const missing = await stripeError(
      stripe.paymentIntents.create({ currency: 'usd' } as Stripe.PaymentIntentCreateParams),
    );
    expect(missing).toMatchObject({ code: 'parameter_missing', param: 'amount' });
    const nope = await stripeError(stripe.paymentIntents.retrieve('pi_doesnotexist'));
    expect(nope).toMatchObject({ code: 'resource_missing', statusCode: 404 });
  });

  it('captures an authorised intent once and exposes the receipt', async () => {
    const pi = await terminalIntent(stripe);
    const early = await stripeError(stripe.paymentIntents.capture(pi.id));
    expect(early).toMatchObject({ code: 'payment_intent_unexpected_state' });
    await authorise(pi);
    const captured = await stripe.paymentIntents.capture(pi.id, { expand: ['latest_charge'] });
    expect(captured).toMatchObject({ status: 'succeeded', amount_received: 2500, amount_capturable: 0 });
    const charge = captured.latest_charge as Stripe.Charge;
    expect(charge).toMatchObject({ object: 'charge', captured: true, amount_captured: 2500 });
    expect(charge.receipt_url).toBe(`${emulator.url}/receipts/${charge.id}`);
    const again = await stripeError(stripe.paymentIntents.capture(pi.id));
    expect(again.code).toBe('payment_intent_unexpected_state');
    const receipt = await fetch(charge.receipt_url as string);
    expect(await receipt.text()).toContain('25.00 USD');
  });

  it('cancels an intent, releasing an authorisation and stopping the reader', async () => {
    const waiting = await terminalIntent(stripe);
    await stripe.terminal.readers.processPaymentIntent(readerId, { payment_intent: waiting.id });
    const canceled = await stripe.paymentIntents.cancel(waiting.id);
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: null });
    const reader = (await stripe.terminal.readers.retrieve(readerId)) as Stripe.Terminal.Reader;
    expect(reader.action).toMatchObject({ status: 'failed', failure_code: 'payment_intent_canceled' });

    const held = await terminalIntent(stripe);
    await authorise(held);
    await stripe.paymentIntents.cancel(held.id, { cancellation_reason: 'abandoned' });
    const charge = emulator.store.charges.get(
      emulator.store.paymentIntents.get(held.id)?.latest_charge ?? '',
    );
    expect(charge).toMatchObject({ captured: false, refunded: true, amount_refunded: 2500 });
    expect((await stripeError(stripe.paymentIntents.cancel(held.id))).code).toBe(
      'payment_intent_unexpected_state',
    );
  });

  it('refunds a captured intent in full and not twice', async () => {
    const pi = await terminalIntent(stripe, 1999);
    await authorise(pi);
    await stripe.paymentIntents.capture(pi.id);
    const refund = await stripe.refunds.create({ payment_intent: pi.id });
    expect(refund).toMatchObject({
      object: 'refund',
      amount: 1999,
      status: 'succeeded',
      payment_intent: pi.id,
      currency: 'usd',
    });
    expect(await stripe.refunds.retrieve(refund.id)).toMatchObject({ id: refund.id });
    const twice = await stripeError(stripe.refunds.create({ payment_intent: pi.id }));
    expect(twice).toMatchObject({ code: 'charge_already_refunded' });
  });

  it('refuses to refund an intent that was never captured', async () => {
    const pi = await terminalIntent(stripe);
    expect((await stripeError(stripe.refunds.create({ payment_intent: pi.id }))).code).toBe(
      'charge_not_refundable',
    );
  });

  it('replays an idempotent create and rejects the key with other parameters', async () => {
    const first = await terminalIntent(stripe, 3000, 'order-1:create');
    const replay = await terminalIntent(stripe, 3000, 'order-1:create');
    expect(replay.id).toBe(first.id);
    expect(replay.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(emulator.paymentIntents()).toHaveLength(1);
    const clash = await stripeError(terminalIntent(stripe, 3001, 'order-1:create'));
    expect(clash).toMatchObject({ type: 'StripeIdempotencyError', statusCode: 400 });
  });

  it('stores nothing for a request that failed validation, so the key stays usable', async () => {
    const bad = await stripeError(
      stripe.paymentIntents.create(
        { amount: 500, currency: 'usd', capture_method: 'sometimes' as 'manual' },
        { idempotencyKey: 'k-val' },
      ),
    );
    expect(bad.code).toBe('parameter_invalid_string');
    const good = await stripe.paymentIntents.create(
      { amount: 500, currency: 'usd' },
      { idempotencyKey: 'k-val' },
    );
    expect(good.status).toBe('requires_payment_method');
  });
});
