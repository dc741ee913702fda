import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteOrderLog } from '../../../electron/adapters/payments/sqlite-order-log';
import {
  startStripeEmulator,
  type StripeEmulator,
} from '../../../electron/stripe-emulator/stripe-emulator-server';
import { API_KEY, startTestKiosk, type TestKiosk } from './payment-harness';

const order = (orderId: string) => ({
  orderId,
  totalMinor: 2000,
  currency: 'USD',
  lines: [{ sku: 'SER-002', name: 'x', quantity: 1, unitMinor: 2000 }],
  demo: false,
});

describe('start-up reconciliation of unfinished orders', () => {
  let emulator: StripeEmulator;
  let kiosk: TestKiosk | null = null;
  afterEach(async () => {
    await kiosk?.stop();
    kiosk = null;
    await emulator.stop();
  });

  async function seed(build: (log: SqliteOrderLog, stripe: Stripe, readerId: string) => Promise<void>) {
    emulator = await startStripeEmulator({ apiKey: API_KEY, processingDelayMs: 5 });
    const readerId = emulator.createReader().id;
    const dataDir = mkdtempSync(path.join(tmpdir(), 'kiosk-rec-'));
    const log = new SqliteOrderLog(path.join(dataDir, 'orders.sqlite'));
    const stripe = new Stripe(API_KEY, { host: emulator.host, port: emulator.port, protocol: 'http' });
    await build(log, stripe, readerId);
    return { readerId, dataDir, log };
  }

  const intentFor = (stripe: Stripe, orderId: string) =>
    stripe.paymentIntents.create(
      {
        amount: 2000,
        currency: 'usd',
        allowed_payment_method_types: ['card_present'],
        capture_method: 'manual',
        metadata: { order_id: orderId },
      },
      { idempotencyKey: `${orderId}:create` },
    );

  it('completes captured intents, releases holds, stops readers and replays refunds', async () => {
    const { readerId, dataDir, log } = await seed(async (log, stripe, readerId) => {
      for (const id of ['captured', 'held', 'waiting', 'refunding', 'no-intent']) log.create(order(id));
      const tap = async (id: string) => {
        const pi = await intentFor(stripe, id);
        log.update(id, { status: 'intent_created', paymentRef: pi.id, pending: null });
        log.update(id, { status: 'processing', pending: 'process', attempts: 1 });
        await stripe.terminal.readers.processPaymentIntent(readerId, { payment_intent: pi.id });
        return pi;
      };
      const captured = await tap('captured');
      emulator.presentCard(readerId, 'success');
      await new Promise((r) => setTimeout(r, 30));
      log.update('captured', { pending: 'capture' });
      await stripe.paymentIntents.capture(captured.id);

      await tap('held');
      emulator.presentCard(readerId, 'success');
      await new Promise((r) => setTimeout(r, 30));

      const refunding = await tap('refunding');
      emulator.presentCard(readerId, 'success');
      await new Promise((r) => setTimeout(r, 30));
      await stripe.paymentIntents.capture(refunding.id);
      log.update('refunding', { status: 'captured', pending: 'refund' });

      await tap('waiting');
    });
    log.close();
    kiosk = await startTestKiosk({ existingEmulator: emulator, readerId, dataDir });
    expect(await kiosk.services.ready).toEqual({
      checked: 5,
      captured: 1,
      canceled: 3,
      refunded: 1,
      unresolved: 0,
    });
    const status = Object.fromEntries(
      kiosk.services.payments?.orders(10).map((o) => [o.orderId, o.status]) ?? [],
    );
    expect(status).toEqual({
      captured: 'captured',
      held: 'canceled',
      waiting: 'canceled',
      refunding: 'refunded',
      'no-intent': 'canceled',
    });
    const byOrder = Object.fromEntries(
      emulator.paymentIntents().map((pi) => [pi.metadata.order_id, pi.status]),
    );
    expect(byOrder).toEqual({
      captured: 'succeeded',
      held: 'canceled',
      waiting: 'canceled',
      refunding: 'succeeded',
    });
    expect(emulator.store.readers.get(readerId)?.action?.status).toBe('failed');
    expect(emulator.store.refunds.size).toBe(1);
  });

  it('leaves orders untouched while Stripe is unreachable, and settles them later', async () => {
    const { readerId, dataDir, log } = await seed(async (log, stripe) => {
      log.create(order('later'));
      const pi = await intentFor(stripe, 'later');
      log.update('later', { status: 'intent_created', paymentRef: pi.id, pending: null });
    });
    log.close();
    emulator.faults.dropConnections(Infinity);
    kiosk = await startTestKiosk({ existingEmulator: emulator, readerId, dataDir });
    expect(await kiosk.services.ready).toMatchObject({ checked: 1, unresolved: 1 });
    expect(kiosk.services.payments?.orders(1)[0]?.status).toBe('intent_created');
    emulator.faults.clear();
    expect(await kiosk.services.payments?.reconcile()).toMatchObject({
      checked: 1,
      canceled: 1,
      unresolved: 0,
    });
    expect(emulator.paymentIntents()[0]?.status).toBe('canceled');
  });

  it('closes orders whose intent this account does not know (a restarted demo emulator)', async () => {
    const { readerId, dataDir, log } = await seed(async (log) => {
      log.create(order('ghost'));
      log.update('ghost', {
        status: 'intent_created',
        paymentRef: 'pi_from_an_earlier_run',
        pending: null,
      });
    });
    log.close();
    kiosk = await startTestKiosk({ existingEmulator: emulator, readerId, dataDir });
    expect(await kiosk.services.ready).toMatchObject({ checked: 1, canceled: 1 });
    expect(kiosk.services.payments?.orders(1)[0]).toMatchObject({ status: 'canceled' });
  });
});
