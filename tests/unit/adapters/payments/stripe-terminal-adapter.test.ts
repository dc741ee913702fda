import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createStripeClient,
  StripeTerminalAdapter,
} from '../../../../electron/adapters/payments/stripe-terminal-adapter';
import { GatewayError } from '../../../../electron/core/checkout/terminal-gateway-port';
import {
  startStripeEmulator,
  type StripeEmulator,
} from '../../../../electron/stripe-emulator/stripe-emulator-server';

const KEY = 'rk_test_kiosk_adapter';
const request = {
  amountMinor: 4200,
  currency: 'USD',
  description: 'Skin Kiosk order ord_a',
  metadata: { order_id: 'ord_a' },
};

async function rejection(promise: Promise<unknown>): Promise<GatewayError> {
  try {
    await promise;
  } catch (err) {
    return err as GatewayError;
  }
  throw new Error('expected a rejection');
}

describe('StripeTerminalAdapter against the emulator', () => {
  let emulator: StripeEmulator;
  let gateway: StripeTerminalAdapter;
  let readerId: string;

  beforeEach(async () => {
    emulator = await startStripeEmulator({ apiKey: KEY, processingDelayMs: 5 });
    readerId = emulator.createReader().id;
    gateway = new StripeTerminalAdapter(
      createStripeClient({ apiKey: KEY, endpoint: emulator, timeoutMs: 500, maxNetworkRetries: 0 }),
    );
  });
  afterEach(() => emulator.stop());

  it('creates a manual-capture card_present intent with the order in its metadata', async () => {
    const intent = await gateway.createIntent(request, 'ord_a:create');
    expect(intent).toMatchObject({
      status: 'requires_payment_method',
      amountMinor: 4200,
      currency: 'USD',
      metadata: { order_id: 'ord_a' },
      receiptUrl: null,
    });
    const stored = emulator.store.paymentIntents.get(intent.id);
    expect(stored).toMatchObject({
      capture_method: 'manual',
      payment_method_types: ['card_present'],
      currency: 'usd',
    });
    expect((await gateway.createIntent(request, 'ord_a:create')).id).toBe(intent.id);
  });

  it.each([
    ['JPY', 1200, 1200, '1200 JPY'],
    ['USD', 1200, 1200, '12.00 USD'],
    ['KWD', 1250, 1250, '1.250 KWD'],
    // Whole forints to Intl (the kiosk's unit), hundredths to Stripe.
    ['HUF', 12990, 1299000, '12990.00 HUF'],
  ])('charges %s %i in Stripe’s own units and reads it back', async (currency, minor, stripe, receipt) => {
    const intent = await gateway.createIntent({ ...request, amountMinor: minor, currency }, `k-${currency}`);
    expect(emulator.store.paymentIntents.get(intent.id)?.amount).toBe(stripe);
    expect(intent.amountMinor).toBe(minor);
    await gateway.processIntent(readerId, intent.id, `k-${currency}:p1`);
    emulator.presentCard(readerId, 'success');
    await new Promise((r) => setTimeout(r, 30));
    const captured = await gateway.captureIntent(intent.id, `k-${currency}:capture`);
    const page = await fetch(captured.receiptUrl ?? '');
    expect(await page.text()).toContain(`Amount: ${receipt}`);
  });

  it('refuses an amount Stripe cannot take exactly instead of rounding it', async () => {
    const err = await rejection(
      gateway.createIntent({ ...request, amountMinor: 5125, currency: 'KWD' }, 'k-kwd'),
    );
    expect(err).toMatchObject({ kind: 'invalid', code: 'amount_not_chargeable' });
    expect(emulator.store.paymentIntents.size).toBe(0);
  });

  it('maps the reader action and decline code', async () => {
    const intent = await gateway.createIntent(request, 'k1');
    expect(await gateway.processIntent(readerId, intent.id, 'k1:p1')).toEqual({
      online: true,
      action: { paymentIntentId: intent.id, status: 'in_progress', failureCode: null, declineCode: null },
    });
    emulator.presentCard(readerId, 'insufficient_funds');
    await new Promise((r) => setTimeout(r, 30));
    expect((await gateway.retrieveReader(readerId)).action).toEqual({
      paymentIntentId: intent.id,
      status: 'failed',
      failureCode: 'card_declined',
      declineCode: 'insufficient_funds',
    });
    expect((await gateway.retrieveIntent(intent.id)).lastDeclineCode).toBe('insufficient_funds');
  });

  it('returns the receipt URL on capture', async () => {
    const intent = await gateway.createIntent(request, 'k2');
    await gateway.processIntent(readerId, intent.id, 'k2:p1');
    emulator.presentCard(readerId, 'success');
    await new Promise((r) => setTimeout(r, 30));
    const captured = await gateway.captureIntent(intent.id, 'k2:capture');
    expect(captured.status).toBe('succeeded');
    expect(captured.receiptUrl).toMatch(/\/receipts\/ch_/);
    expect((await gateway.refundIntent(intent.id, 'k2:refund')).refundId).toMatch(/^re_/);
  });

  it.each([
    ['busy', (e: StripeEmulator) => void (e.readerFaults.busy = 1), 'reader_busy'],
    ['timeout', (e: StripeEmulator) => void (e.readerFaults.timeout = 1), 'reader_timeout'],
    ['offline', (e: StripeEmulator, id: string) => e.setReaderOnline(id, false), 'reader_offline'],
  ])('maps a %s reader to its own kind', async (_name, arm, kind) => {
    const intent = await gateway.createIntent(request, `k-${kind}`);
    arm(emulator, readerId);
    const err = await rejection(gateway.processIntent(readerId, intent.id, `k-${kind}:p1`));
    expect(err).toBeInstanceOf(GatewayError);
    expect(err.kind).toBe(kind);
  });

  it('maps HTTP 500, dropped connections, unknown ids, refusals and bad keys', async () => {
    emulator.faults.failWith500(1);
    expect((await rejection(gateway.retrieveReader(readerId))).kind).toBe('server');
    emulator.faults.dropConnections(2);
    expect((await rejection(gateway.retrieveReader(readerId))).kind).toBe('network');
    emulator.faults.clear();
    expect((await rejection(gateway.retrieveIntent('pi_missing'))).kind).toBe('not_found');
    const intent = await gateway.createIntent(request, 'k3');
    const refused = await rejection(gateway.captureIntent(intent.id, 'k3:capture'));
    expect(refused).toMatchObject({ kind: 'invalid', code: 'payment_intent_unexpected_state' });
    const stranger = new StripeTerminalAdapter(
      createStripeClient({ apiKey: 'rk_test_other', endpoint: emulator, maxNetworkRetries: 0 }),
    );
    expect((await rejection(stranger.retrieveReader(readerId))).kind).toBe('auth');
  });

  it('reports an unreachable API as a network error', async () => {
    await emulator.stop();
    expect((await rejection(gateway.retrieveReader(readerId))).kind).toBe('network');
    emulator = await startStripeEmulator();
  });
});
