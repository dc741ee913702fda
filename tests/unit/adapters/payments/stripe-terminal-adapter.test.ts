import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createStripeClient,
  StripeTerminalAdapter,
} from '../../../../electron/adapters/payments/stripe-terminal-adapter';
import { ProviderError } from '../../../../electron/core/checkout/card-payment-port';
import {
  startStripeEmulator,
  type StripeEmulator,
} from '../../../../electron/stripe-emulator/stripe-emulator-server';

const KEY = 'rk_test_kiosk_adapter';
const request = {
  orderId: 'ord_a',
  amountMinor: 4200,
  currency: 'USD',
  description: 'Skin Kiosk order ord_a',
  storeId: 's1',
  kioskId: 'k1',
};

async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (err) {
    return err as ProviderError;
  }
  throw new Error('expected a rejection');
}

describe('StripeTerminalAdapter against the emulator', () => {
  let emulator: StripeEmulator;
  let provider: StripeTerminalAdapter;
  let readerId: string;

  beforeEach(async () => {
    emulator = await startStripeEmulator({ apiKey: KEY, processingDelayMs: 5 });
    readerId = emulator.createReader().id;
    provider = new StripeTerminalAdapter(
      createStripeClient({ apiKey: KEY, endpoint: emulator, timeoutMs: 500, maxNetworkRetries: 0 }),
      readerId,
    );
  });
  afterEach(() => emulator.stop());

  it('opens a card payment as a manual-capture card_present intent with the order in its metadata', async () => {
    const intent = await provider.startPayment(request, 'ord_a:create');
    expect(intent).toMatchObject({
      state: 'awaiting_card',
      amountMinor: 4200,
      currency: 'USD',
      orderId: 'ord_a',
      receiptUrl: null,
    });
    const stored = emulator.store.paymentIntents.get(intent.id);
    expect(stored).toMatchObject({
      capture_method: 'manual',
      payment_method_types: ['card_present'],
      currency: 'usd',
      metadata: { order_id: 'ord_a', store_id: 's1', kiosk_id: 'k1' },
    });
    expect((await provider.startPayment(request, 'ord_a:create')).id).toBe(intent.id);
  });

  it.each([
    ['JPY', 1200, 1200, '1200 JPY'],
    ['USD', 1200, 1200, '12.00 USD'],
    ['KWD', 1250, 1250, '1.250 KWD'],
    // Whole forints to Intl (the kiosk's unit), hundredths to Stripe.
    ['HUF', 12990, 1299000, '12990.00 HUF'],
  ])('charges %s %i in Stripe’s own units and reads it back', async (currency, minor, stripe, receipt) => {
    const intent = await provider.startPayment({ ...request, amountMinor: minor, currency }, `k-${currency}`);
    expect(emulator.store.paymentIntents.get(intent.id)?.amount).toBe(stripe);
    expect(intent.amountMinor).toBe(minor);
    await provider.collectOnReader(intent.id, `k-${currency}:p1`);
    emulator.presentCard(readerId, 'success');
    await new Promise((r) => setTimeout(r, 30));
    const captured = await provider.capturePayment(intent.id, `k-${currency}:capture`);
    const page = await fetch(captured.receiptUrl ?? '');
    expect(await page.text()).toContain(`Amount: ${receipt}`);
  });

  it('refuses an amount Stripe cannot take exactly instead of rounding it', async () => {
    const err = await rejection(
      provider.startPayment({ ...request, amountMinor: 5125, currency: 'KWD' }, 'k-kwd'),
    );
    expect(err).toMatchObject({ kind: 'refused', code: 'amount_not_chargeable' });
    expect(emulator.store.paymentIntents.size).toBe(0);
  });

  it('maps the reader action and decline code', async () => {
    const intent = await provider.startPayment(request, 'k1');
    expect(await provider.collectOnReader(intent.id, 'k1:p1')).toEqual({
      online: true,
      activity: { paymentId: intent.id, state: 'collecting', failureCode: null, declineCode: null },
    });
    emulator.presentCard(readerId, 'insufficient_funds');
    await new Promise((r) => setTimeout(r, 30));
    expect((await provider.readerStatus()).activity).toEqual({
      paymentId: intent.id,
      state: 'declined',
      failureCode: 'card_declined',
      declineCode: 'insufficient_funds',
    });
    expect((await provider.getPayment(intent.id)).declineCode).toBe('insufficient_funds');
  });

  it('returns the receipt URL on capture', async () => {
    const intent = await provider.startPayment(request, 'k2');
    await provider.collectOnReader(intent.id, 'k2:p1');
    emulator.presentCard(readerId, 'success');
    await new Promise((r) => setTimeout(r, 30));
    const captured = await provider.capturePayment(intent.id, 'k2:capture');
    expect(captured.state).toBe('captured');
    expect(captured.receiptUrl).toMatch(/\/receipts\/ch_/);
    expect((await provider.refundPayment(intent.id, 'k2:refund')).refundId).toMatch(/^re_/);
    // Refunding again with a new key: Stripe's charge_already_refunded, in the port's words.
    expect(await rejection(provider.refundPayment(intent.id, 'k2:refund-again'))).toMatchObject({
      kind: 'already_refunded',
    });
  });

  it.each([
    ['busy', (e: StripeEmulator) => void (e.readerFaults.busy = 1), 'reader_busy'],
    ['timeout', (e: StripeEmulator) => void (e.readerFaults.timeout = 1), 'reader_timeout'],
    ['offline', (e: StripeEmulator, id: string) => e.setReaderOnline(id, false), 'reader_offline'],
  ])('maps a %s reader to its own kind', async (_name, arm, kind) => {
    const intent = await provider.startPayment(request, `k-${kind}`);
    arm(emulator, readerId);
    const err = await rejection(provider.collectOnReader(intent.id, `k-${kind}:p1`));
    expect(err).toBeInstanceOf(ProviderError);
    expect(err.kind).toBe(kind);
  });

  it('maps HTTP 500, dropped connections, unknown ids, refusals and bad keys', async () => {
    emulator.faults.failWith500(1);
    expect((await rejection(provider.readerStatus())).kind).toBe('server');
    emulator.faults.dropConnections(2);
    expect((await rejection(provider.readerStatus())).kind).toBe('network');
    emulator.faults.clear();
    expect((await rejection(provider.getPayment('pi_missing'))).kind).toBe('not_found');
    const intent = await provider.startPayment(request, 'k3');
    const refused = await rejection(provider.capturePayment(intent.id, 'k3:capture'));
    expect(refused).toMatchObject({ kind: 'refused', code: 'payment_intent_unexpected_state' });
    const stranger = new StripeTerminalAdapter(
      createStripeClient({ apiKey: 'rk_test_other', endpoint: emulator, maxNetworkRetries: 0 }),
      readerId,
    );
    expect((await rejection(stranger.readerStatus())).kind).toBe('auth');
  });

  it('reports an unreachable API as a network error', async () => {
    await emulator.stop();
    expect((await rejection(provider.readerStatus())).kind).toBe('network');
    emulator = await startStripeEmulator();
  });
});
