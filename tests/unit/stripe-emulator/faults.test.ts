import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StripeEmulator } from '../../../electron/stripe-emulator/stripe-emulator-server';
import { API_KEY, emulatorWithClient, stripeError, terminalIntent } from './emulator-test-kit';

describe('injected faults', () => {
  let emulator: StripeEmulator;
  let stripe: Stripe;

  beforeEach(async () => ({ emulator, stripe } = await emulatorWithClient()));
  afterEach(() => emulator.stop());

  it('answers HTTP 500 api_error without processing, for the next n matching requests', async () => {
    emulator.faults.failWith500(2, /^\/v1\/payment_intents$/);
    const err = await stripeError(terminalIntent(stripe));
    expect(err).toMatchObject({ type: 'StripeAPIError', statusCode: 500 });
    await stripeError(terminalIntent(stripe));
    expect(emulator.paymentIntents()).toHaveLength(0);
    await terminalIntent(stripe);
    expect(emulator.paymentIntents()).toHaveLength(1);
  });

  it('lets the SDK retry through a 500 with the same idempotency key', async () => {
    const retrying = new Stripe(API_KEY, {
      host: emulator.host,
      port: emulator.port,
      protocol: 'http',
      maxNetworkRetries: 2,
    });
    emulator.faults.failWith500(1);
    const pi = await terminalIntent(retrying, 1500, 'retry-key');
    expect(pi.status).toBe('requires_payment_method');
    expect(emulator.paymentIntents()).toHaveLength(1);
  });

  it('drops connections without an answer', async () => {
    emulator.faults.dropConnections(Infinity);
    const err = await stripeError(stripe.paymentIntents.retrieve('pi_x'));
    expect(err.type).toBe('StripeConnectionError');
    emulator.faults.clear();
    expect((await stripeError(stripe.paymentIntents.retrieve('pi_x'))).statusCode).toBe(404);
  });

  it('answers slowly: the request lands even when the client gives up', async () => {
    const impatient = new Stripe(API_KEY, {
      host: emulator.host,
      port: emulator.port,
      protocol: 'http',
      maxNetworkRetries: 0,
      timeout: 50,
    });
    emulator.faults.delayResponses(200, 1);
    const err = await stripeError(terminalIntent(impatient, 1200, 'slow-create'));
    expect(err.type).toBe('StripeConnectionError');
    expect(err.message).toContain('timeout');
    expect(emulator.paymentIntents()).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 220));
    // The retry with the same key gets the intent the lost answer carried, not a new one.
    const replay = await terminalIntent(impatient, 1200, 'slow-create');
    expect(replay.id).toBe(emulator.paymentIntents()[0]?.id);
  });

  it('reports every request to a hook, before and after it is processed', async () => {
    const seen: string[] = [];
    const { emulator: hooked, stripe: client } = await emulatorWithClient({
      onRequest: (e) => void seen.push(`${e.stage} ${e.method} ${e.path}`),
    });
    try {
      await terminalIntent(client);
      expect(seen).toEqual(['received POST /v1/payment_intents', 'processed POST /v1/payment_intents']);
    } finally {
      await hooked.stop();
    }
  });
});
