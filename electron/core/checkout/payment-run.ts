import type { PaymentPhase } from '../../shared/schemas/checkout-schemas';
import {
  cancelOrder,
  ensurePayment,
  idempotencyKeys,
  recordCaptured,
  type PaymentContext,
} from './order-actions';
import type { OrderRecord } from './order-log-port';
import { declineMessage } from './payment-messages';
import { isUnreachable, ProviderError, type CardPayment } from './card-payment-port';

export interface PaymentTimings {
  /** How often the reader is polled while it waits for a card. */
  pollIntervalMs: number;
  /** After this long with no card the kiosk cancels the reader action. */
  cardWaitTimeoutMs: number;
  /** Waits between offers of the same payment to a busy, offline or silent reader. */
  readerRetryDelaysMs: readonly number[];
  /** How long polling may fail to reach the provider before the kiosk offers "pay at the counter". */
  networkGraceMs: number;
  /** Waits between capture retries (same idempotency key, so a retry cannot capture twice). */
  captureRetryDelaysMs: readonly number[];
}

export interface Clock {
  now(): number;
  /** Resolves after `ms`, or early when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface RunEnv {
  ctx: PaymentContext;
  timings: PaymentTimings;
  clock: Clock;
  report(order: OrderRecord, phase: PaymentPhase, reason?: string | null, message?: string | null): void;
}

/** How the kiosk asks a running payment to stop. */
export interface RunControl {
  /** Aborts sleeps early when the shopper cancels or the kiosk shuts down. */
  readonly signal: AbortSignal;
  /** The shopper canceled: cancel at the reader and with the provider. */
  cancelRequested(): boolean;
  /** The kiosk is shutting down: stop without touching the order; the reconciler settles it. */
  halted(): boolean;
}

class Halted extends Error {}

const checkpoint = (control: RunControl) => {
  if (control.halted()) throw new Halted('halted');
};

type CardOutcome =
  | { kind: 'authorized' }
  | { kind: 'captured'; payment: CardPayment }
  | { kind: 'declined'; declineCode: string | null }
  | { kind: 'canceled'; reason: string }
  | { kind: 'idle' }
  | { kind: 'lost' };

class ReaderUnavailable extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

const READER_RETRYABLE = new Set(['reader_busy', 'reader_offline', 'reader_timeout', 'network', 'server']);

/**
 * One payment attempt, driven by the order's status so it can resume anywhere: open the payment,
 * offer it on the reader, wait for the card, capture. Reports every phase; never throws.
 */
export async function runPayment(env: RunEnv, start: OrderRecord, control: RunControl): Promise<void> {
  const { ctx } = env;
  let order = start;
  try {
    env.report(order, 'creating');
    order = await ensurePayment(ctx, order);
    let offeredAgain = false;
    for (;;) {
      checkpoint(control);
      if (control.cancelRequested()) return finishCanceled(env, order, 'canceled');
      if (order.status === 'intent_created') order = await offerToReader(env, order, control);
      if (control.cancelRequested()) continue;
      env.report(order, 'waiting_for_card');
      const outcome = await waitForCard(env, order, control);
      switch (outcome.kind) {
        case 'authorized':
          return await capture(env, order, control);
        case 'captured':
          return env.report(recordCaptured(ctx, order, outcome.payment), 'succeeded');
        case 'declined': {
          const message = declineMessage(outcome.declineCode);
          const reason = outcome.declineCode ?? 'generic_decline';
          order = ctx.log.update(order.orderId, {
            status: 'intent_created',
            pending: null,
            lastError: message,
            lastReason: reason,
          });
          return env.report(order, 'declined', reason, message);
        }
        case 'canceled':
          return await finishCanceled(env, order, outcome.reason);
        case 'lost':
          // The outcome is unknown; the order stays `processing` and the reconciler settles it.
          return env.report(order, 'reader_offline', 'network');
        case 'idle':
          if (offeredAgain) throw new ProviderError('refused', 'the reader dropped the payment twice');
          offeredAgain = true;
          order = ctx.log.update(order.orderId, { status: 'intent_created', pending: null });
      }
    }
  } catch (err) {
    if (!(err instanceof Halted)) await handleFailure(env, order, err);
  }
}

async function finishCanceled(env: RunEnv, order: OrderRecord, reason: string): Promise<void> {
  const done = await cancelOrder(env.ctx, order, reason);
  env.report(
    done,
    done.status === 'captured' ? 'succeeded' : 'canceled',
    done.status === 'captured' ? null : reason,
  );
}

async function handleFailure(env: RunEnv, order: OrderRecord, err: unknown): Promise<void> {
  const { log } = env.ctx;
  const latest = log.get(order.orderId) ?? order;
  if (err instanceof ReaderUnavailable || (isUnreachable(err) && latest.status !== 'processing')) {
    // Pay at the counter. The order keeps its payment so a retry offers the same one again.
    const reason = err instanceof ReaderUnavailable ? err.reason : 'network';
    const next =
      latest.status === 'processing'
        ? log.update(latest.orderId, { status: 'intent_created', pending: null })
        : latest;
    return env.report(next, 'reader_offline', reason);
  }
  try {
    const done = await cancelOrder(env.ctx, latest, 'failed', 'failed');
    env.report(
      done,
      done.status === 'captured' ? 'succeeded' : 'failed',
      done.status === 'captured' ? null : 'failed',
    );
  } catch {
    env.report(log.get(order.orderId) ?? latest, 'failed', 'failed');
  }
}

/** Offers the payment on the reader, retrying busy/offline/silent readers with the SAME payment. */
async function offerToReader(env: RunEnv, order: OrderRecord, control: RunControl): Promise<OrderRecord> {
  const { ctx, timings, clock } = env;
  const paymentId = order.paymentRef as string;
  let current = order;
  let lastReason = 'reader_offline';
  for (let i = 0; i <= timings.readerRetryDelaysMs.length; i++) {
    checkpoint(control);
    if (control.cancelRequested()) return current;
    current = ctx.log.update(order.orderId, {
      status: 'processing',
      pending: 'process',
      attempts: current.attempts + 1,
    });
    try {
      await ctx.provider.collectOnReader(paymentId, idempotencyKeys.process(order.orderId, current.attempts));
      return ctx.log.update(order.orderId, { pending: null });
    } catch (err) {
      if (!(err instanceof ProviderError) || !READER_RETRYABLE.has(err.kind)) throw err;
      lastReason = err.kind === 'server' ? 'network' : err.kind;
      // An earlier attempt may have reached the reader after all: then it is already ours.
      if (await readerCollectingFor(env, paymentId)) return ctx.log.update(order.orderId, { pending: null });
    }
    const delay = timings.readerRetryDelaysMs[i];
    if (delay !== undefined) await clock.sleep(delay, control.signal);
  }
  throw new ReaderUnavailable(lastReason);
}

async function readerCollectingFor(env: RunEnv, paymentId: string): Promise<boolean> {
  try {
    const reader = await env.ctx.provider.readerStatus();
    return reader.activity?.state === 'collecting' && reader.activity.paymentId === paymentId;
  } catch {
    return false;
  }
}

async function waitForCard(env: RunEnv, order: OrderRecord, control: RunControl): Promise<CardOutcome> {
  const { timings, clock } = env;
  const paymentId = order.paymentRef as string;
  const started = clock.now();
  let lastContact = started;
  for (;;) {
    checkpoint(control);
    if (control.cancelRequested()) return { kind: 'canceled', reason: 'canceled' };
    try {
      const outcome = await observe(env, paymentId);
      lastContact = clock.now();
      if (outcome) return outcome;
      if (clock.now() - started > timings.cardWaitTimeoutMs) return { kind: 'canceled', reason: 'timeout' };
    } catch (err) {
      if (!isUnreachable(err)) throw err;
      if (clock.now() - lastContact > timings.networkGraceMs) return { kind: 'lost' };
    }
    await clock.sleep(timings.pollIntervalMs, control.signal);
  }
}

/** One look at the reader (and the payment when the reader has moved on); null while still waiting. */
async function observe(env: RunEnv, paymentId: string): Promise<CardOutcome | null> {
  const { provider } = env.ctx;
  const activity = (await provider.readerStatus()).activity;
  if (activity && activity.paymentId === paymentId) {
    if (activity.state === 'collecting') return null;
    if (activity.state === 'approved') return { kind: 'authorized' };
    if (activity.state === 'declined') return { kind: 'declined', declineCode: activity.declineCode };
    return { kind: 'canceled', reason: 'canceled' };
  }
  const payment = await provider.getPayment(paymentId);
  if (payment.state === 'authorized') return { kind: 'authorized' };
  if (payment.state === 'captured') return { kind: 'captured', payment };
  if (payment.state === 'canceled') return { kind: 'canceled', reason: 'canceled' };
  return { kind: 'idle' };
}

async function capture(env: RunEnv, order: OrderRecord, control: RunControl): Promise<void> {
  const { ctx, timings, clock } = env;
  if (control.cancelRequested()) return finishCanceled(env, order, 'canceled');
  env.report(order, 'processing');
  const pending = ctx.log.update(order.orderId, { pending: 'capture' });
  const paymentId = order.paymentRef as string;
  for (let i = 0; ; i++) {
    try {
      const payment = await ctx.provider.capturePayment(paymentId, idempotencyKeys.capture(order.orderId));
      return env.report(recordCaptured(ctx, pending, payment), 'succeeded');
    } catch (err) {
      if (!isUnreachable(err)) throw err;
      const delay = timings.captureRetryDelaysMs[i];
      // Still unknown: the order keeps `capture` pending and the reconciler asks the provider later.
      if (delay === undefined) return env.report(pending, 'failed', 'network');
      await clock.sleep(delay);
    }
  }
}
