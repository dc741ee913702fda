import Stripe from 'stripe';
import {
  startStripeEmulator,
  type StripeEmulator,
  type StripeEmulatorOptions,
} from '../../../electron/stripe-emulator/stripe-emulator-server';

export const API_KEY = 'sk_test_emulator_tests';

/** An emulator with a reader, and a real SDK client pointed at it. */
export async function emulatorWithClient(
  options: StripeEmulatorOptions = {},
  sdk: Partial<Stripe.StripeConfig> = {},
) {
  const emulator: StripeEmulator = await startStripeEmulator({ processingDelayMs: 10, ...options });
  const stripe = new Stripe(API_KEY, {
    host: emulator.host,
    port: emulator.port,
    protocol: emulator.protocol,
    maxNetworkRetries: 0,
    timeout: 2000,
    ...sdk,
  });
  const reader = emulator.createReader();
  return { emulator, stripe, readerId: reader.id };
}

export const waitFor = async (check: () => boolean | Promise<boolean>, timeoutMs = 2000): Promise<void> => {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
};

export const terminalIntent = (stripe: Stripe, amount = 2500, key?: string) =>
  stripe.paymentIntents.create(
    {
      amount,
      currency: 'usd',
      allowed_payment_method_types: ['card_present'],
      capture_method: 'manual',
      metadata: { order_id: 'ord_t' },
    },
    key ? { idempotencyKey: key } : {},
  );

/** Throws unless the promise rejects; returns the Stripe error. */
export async function stripeError(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await promise;
  } catch (err) {
    return err as Stripe.errors.StripeError;
  }
  throw new Error('expected the call to fail');
}
