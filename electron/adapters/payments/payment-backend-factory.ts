import path from 'node:path';
import type { KioskConfig } from '../../core/config/kiosk-config-schema';
import type { CardPaymentProvider } from '../../core/checkout/card-payment-port';
import { createStripeClient, StripeTerminalAdapter, type StripeEndpoint } from './stripe-terminal-adapter';
import { startStripeEmulator, type StripeEmulator } from '../../stripe-emulator/stripe-emulator-server';
import type { TestCardName } from '../../stripe-emulator/test-cards';

/**
 * The demo emulator lives as long as the kiosk, so it keeps only the newest payment intents: twice
 * the 50 orders the staff payments screen lists, so any of them can still be refunded.
 */
const DEMO_RETAINED_INTENTS = 100;

/** Where payments go: the built-in emulator (demo), a Stripe account, or nowhere. */
export type PaymentBackend =
  | { kind: 'disabled'; reason: string }
  | {
      kind: 'demo' | 'stripe';
      provider: CardPaymentProvider;
      /** The reader's id, for the demo emulator's simulated taps. */
      readerId: string;
      orderLogFile: string;
      emulator: StripeEmulator | null;
    };

export interface PaymentBackendOptions {
  /** The restricted key, decrypted by the host (safeStorage); falls back to `payments.apiKeyPlain`. */
  apiKey?: string | null;
  /** Overrides where the Stripe API lives (tests point a `stripe`-mode kiosk at the emulator). */
  endpoint?: StripeEndpoint;
  /** Demo mode: tap this card automatically after each reader action starts; null waits for `demoTap`. */
  demoAutoTap?: { card: TestCardName; afterMs: number } | null;
  /** Demo mode: time from tap to result on the emulated reader. */
  demoProcessingDelayMs?: number;
  timeoutMs?: number;
}

/**
 * Builds the payment backend for the configured mode. Demo mode starts the emulator on an
 * ephemeral loopback port and registers a simulated reader through the SDK, exactly as a real
 * test-mode setup would; its orders live in a separate log so they never meet a real account.
 */
export async function createPaymentBackend(
  config: KioskConfig,
  dataDir: string,
  options: PaymentBackendOptions,
): Promise<PaymentBackend> {
  const payments = config.payments;
  if (payments.mode === 'disabled')
    return { kind: 'disabled', reason: 'Card payments are turned off in the kiosk config.' };
  if (payments.mode === 'stripe') {
    const apiKey = options.apiKey ?? payments.apiKeyPlain;
    if (!apiKey) return { kind: 'disabled', reason: 'No Stripe API key is configured.' };
    if (!payments.readerId)
      return { kind: 'disabled', reason: 'No Terminal reader id is configured (payments.readerId).' };
    const stripe = createStripeClient({
      apiKey,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      timeoutMs: options.timeoutMs ?? 10_000,
    });
    return {
      kind: 'stripe',
      provider: new StripeTerminalAdapter(stripe, payments.readerId),
      readerId: payments.readerId,
      orderLogFile: path.join(dataDir, 'orders.sqlite'),
      emulator: null,
    };
  }
  const apiKey = `sk_test_demo_${config.kioskId.replace(/\W/g, '')}`;
  const emulator = await startStripeEmulator({
    apiKey,
    autoPresent: options.demoAutoTap ?? null,
    processingDelayMs: options.demoProcessingDelayMs ?? 1500,
    retainPaymentIntents: DEMO_RETAINED_INTENTS,
  });
  try {
    const stripe = createStripeClient({ apiKey, endpoint: emulator, timeoutMs: options.timeoutMs ?? 10_000 });
    const location = await stripe.terminal.locations.create({
      display_name: `${config.storeId} (demo)`,
      address: { line1: '1 Demo Street', city: 'Springfield', postal_code: '00000', country: 'US' },
    });
    const reader = await stripe.terminal.readers.create({
      registration_code: 'simulated-wpe',
      label: `${config.kioskId} demo reader`,
      location: location.id,
    });
    return {
      kind: 'demo',
      provider: new StripeTerminalAdapter(stripe, reader.id),
      readerId: reader.id,
      orderLogFile: path.join(dataDir, 'orders-demo.sqlite'),
      emulator,
    };
  } catch (err) {
    await emulator.stop();
    throw err;
  }
}
