import type Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startStripeEmulator,
  type StripeEmulator,
} from '../../../electron/stripe-emulator/stripe-emulator-server';
import { emulatorWithClient, stripeError, terminalIntent, waitFor } from './emulator-test-kit';

const readerOf = async (stripe: Stripe, id: string) =>
  (await stripe.terminal.readers.retrieve(id)) as Stripe.Terminal.Reader;

describe('simulated terminal reader', () => {
  let emulator: StripeEmulator;
  let stripe: Stripe;
  let readerId: string;

  beforeEach(
    async () => ({ emulator, stripe, readerId } = await emulatorWithClient({ processingDelayMs: 40 })),
  );
  afterEach(() => emulator.stop());

  it('registers readers and locations through the SDK', async () => {
    const location = await stripe.terminal.locations.create({
      display_name: 'Store 9',
      address: { line1: '1 Main', city: 'X', country: 'US', postal_code: '1' },
    });
    const reader = await stripe.terminal.readers.create({
      registration_code: 'simulated-wpe',
      label: 'Till',
      location: location.id,
    });
    expect(reader).toMatchObject({
      object: 'terminal.reader',
      device_type: 'simulated_wisepos_e',
      status: 'online',
      label: 'Till',
      location: location.id,
      action: null,
    });
    const bad = await stripeError(
      stripe.terminal.readers.create({ registration_code: 'puppies-plead', location: location.id }),
    );
    expect(bad.code).toBe('terminal_reader_registration_code_invalid');
  });

  it('moves the action in_progress → succeeded over time after a tap', async () => {
    const pi = await terminalIntent(stripe);
    const started = await stripe.terminal.readers.processPaymentIntent(readerId, { payment_intent: pi.id });
    expect(started.action).toMatchObject({
      type: 'process_payment_intent',
      status: 'in_progress',
      process_payment_intent: { payment_intent: pi.id },
    });
    const tapped = await stripe.testHelpers.terminal.readers.presentPaymentMethod(readerId, {
      card_present: { number: '4242424242424242' },
      type: 'card_present',
    });
    // The helper answers at once; the reader finishes after its processing delay.
    expect(tapped.action?.status).toBe('in_progress');
    await waitFor(async () => (await readerOf(stripe, readerId)).action?.status === 'succeeded');
    const after = await stripe.paymentIntents.retrieve(pi.id);
    expect(after).toMatchObject({ status: 'requires_capture', amount_capturable: 2500 });
    expect(after.latest_charge).toMatch(/^ch_/);
  });

  it.each([
    ['4000000000000002', 'generic_decline', 'Your card was declined.'],
    ['4000000000009995', 'insufficient_funds', 'Your card has insufficient funds.'],
  ])(
    'declines %s with %s and lets the same intent be offered again',
    async (number, declineCode, message) => {
      const pi = await terminalIntent(stripe);
      await stripe.terminal.readers.processPaymentIntent(readerId, { payment_intent: pi.id });
      await stripe.testHelpers.terminal.readers.presentPaymentMethod(readerId, { card_present: { number } });
      await waitFor(async () => (await readerOf(stripe, readerId)).action?.status === 'failed');
      const reader = await readerOf(stripe, readerId);
      expect(reader.action).toMatchObject({
        failure_code: 'card_declined',
        failure_message: message,
        api_error: { type: 'card_error', code: 'card_declined', decline_code: declineCode },
      });
      const declined = await stripe.paymentIntents.retrieve(pi.id);
      expect(declined).toMatchObject({
        status: 'requires_payment_method',
        last_payment_error: { decline_code: declineCode },
      });
      await stripe.terminal.readers.processPaymentIntent(readerId, { payment_intent: pi.id });
      emulator.presentCard(readerId, 'success');
      await waitFor(async () => (await stripe.paymentIntents.retrieve(pi.id)).status === 'requires_capture');
    },
  );

  it('cancels an action from the kiosk side', async () => {
    const pi = await terminalIntent(stripe);
    await stripe.terminal.readers.processPaymentIntent(readerId, { payment_intent: pi.id });
    const canceled = (await stripe.terminal.readers.cancelAction(readerId)) as Stripe.Terminal.Reader;
    expect(canceled.action).toMatchObject({ status: 'failed', failure_code: 'canceled' });
    expect((await stripe.paymentIntents.retrieve(pi.id)).status).toBe('requires_payment_method');
    expect((await stripeError(stripe.terminal.readers.cancelAction(readerId))).code).toBe(
      'terminal_reader_action_not_in_progress',
    );
    // A tap after the cancel does nothing.
    expect(() => emulator.presentCard(readerId, 'success')).toThrow();
  });

  it('a cancel during processing wins over the tap', async () => {
    const pi = await terminalIntent(stripe);
    await stripe.terminal.readers.processPaymentIntent(readerId, { payment_intent: pi.id });
    emulator.presentCard(readerId, 'success');
    await stripe.terminal.readers.cancelAction(readerId);
    await new Promise((r) => setTimeout(r, 80));
    expect((await stripe.paymentIntents.retrieve(pi.id)).status).toBe('requires_payment_method');
  });

  it('is busy while an action runs', async () => {
    const a = await terminalIntent(stripe);
    const b = await terminalIntent(stripe);
    await stripe.terminal.readers.processPaymentIntent(readerId, { payment_intent: a.id });
    const busy = await stripeError(
      stripe.terminal.readers.processPaymentIntent(readerId, { payment_intent: b.id }),
    );
    expect(busy).toMatchObject({ code: 'terminal_reader_busy', statusCode: 400 });
  });

  it('simulates an offline reader, busy and timeout faults', async () => {
    const pi = await terminalIntent(stripe);
    emulator.setReaderOnline(readerId, false);
    expect((await readerOf(stripe, readerId)).status).toBe('offline');
    expect(
      (await stripeError(stripe.terminal.readers.processPaymentIntent(readerId, { payment_intent: pi.id })))
        .code,
    ).toBe('terminal_reader_offline');
    emulator.setReaderOnline(readerId, true);
    emulator.readerFaults.busy = 1;
    emulator.readerFaults.timeout = 1;
    expect(
      (await stripeError(stripe.terminal.readers.processPaymentIntent(readerId, { payment_intent: pi.id })))
        .code,
    ).toBe('terminal_reader_busy');
    expect(
      (await stripeError(stripe.terminal.readers.processPaymentIntent(readerId, { payment_intent: pi.id })))
        .code,
    ).toBe('terminal_reader_timeout');
    expect(
      (await stripe.terminal.readers.processPaymentIntent(readerId, { payment_intent: pi.id })).action
        ?.status,
    ).toBe('in_progress');
  });

  it('can start the action yet answer with a timeout', async () => {
    const pi = await terminalIntent(stripe);
    emulator.readerFaults.timeoutAfterStart = 1;
    expect(
      (await stripeError(stripe.terminal.readers.processPaymentIntent(readerId, { payment_intent: pi.id })))
        .code,
    ).toBe('terminal_reader_timeout');
    expect((await readerOf(stripe, readerId)).action).toMatchObject({
      status: 'in_progress',
      process_payment_intent: { payment_intent: pi.id },
    });
  });

  it('refuses intents that cannot be processed on a reader', async () => {
    const online = await stripe.paymentIntents.create({
      amount: 900,
      currency: 'usd',
      allowed_payment_method_types: ['card'],
    });
    expect(
      (
        await stripeError(
          stripe.terminal.readers.processPaymentIntent(readerId, { payment_intent: online.id }),
        )
      ).code,
    ).toBe('payment_intent_unexpected_state');
    expect(
      (
        await stripeError(
          stripe.testHelpers.terminal.readers.presentPaymentMethod(readerId, {
            card_present: { number: '4000000000000069' },
          }),
        )
      ).param,
    ).toBe('card_present[number]');
  });
});

describe('demo auto tap', () => {
  it('taps the configured card a moment after each action starts', async () => {
    const { emulator, stripe, readerId } = await emulatorWithClient({
      autoPresent: { card: 'insufficient_funds', afterMs: 20 },
    });
    try {
      const pi = await terminalIntent(stripe);
      await stripe.terminal.readers.processPaymentIntent(readerId, { payment_intent: pi.id });
      await waitFor(async () => (await readerOf(stripe, readerId)).action?.status === 'failed');
      expect((await readerOf(stripe, readerId)).action?.api_error?.decline_code).toBe('insufficient_funds');
    } finally {
      await emulator.stop();
    }
  });

  it('binds loopback only, on a fresh port each time', async () => {
    const a = await startStripeEmulator();
    const b = await startStripeEmulator();
    try {
      expect(a.host).toBe('127.0.0.1');
      expect(a.port).not.toBe(b.port);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
